namespace MicroPrompt.Bench.Support;

/// <summary>The account <c>GET /v1/account</c> returns (random per service).</summary>
public sealed record MockAccount(string Id, string Name, string Email, long Balance);
