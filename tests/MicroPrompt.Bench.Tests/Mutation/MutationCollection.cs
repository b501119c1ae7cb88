namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>The mutation tests share one <see cref="MutationHarness"/>; they run alone (one example harness busy at a time).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MutationCollection : ICollectionFixture<MutationHarness>
{
    public const string Name = "Mutation";
}
