namespace MicroPrompt.Bench.Support;

/// <summary>A charge created with <c>POST /v1/charges</c> or seeded with <see cref="MockService.AddCharge"/>.</summary>
public sealed record MockCharge(string Id, long Amount, string Currency, string Description);
