namespace MicroPrompt.Bench.Support;

/// <summary>A refund created with <c>POST /v1/refunds</c>.</summary>
public sealed record MockRefund(string Id, string ChargeId, long Amount);
