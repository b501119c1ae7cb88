namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>Every grading test shares one <see cref="BenchHarness"/> (one harness process, one Roslyn input cache).</summary>
[CollectionDefinition(Name)]
public sealed class BenchCollection : ICollectionFixture<BenchHarness>
{
    public const string Name = "Bench";
}
