namespace MicroPrompt.Bench.Support;

/// <summary>One entry of <c>GET /v1/messages</c> (random per service).</summary>
public sealed record MockMessage(int Id, string Subject, bool Unread);
