namespace MicroPrompt.Bench.Tests.Mutation;

/// <summary>
/// A fact that runs only when <c>MICROPROMPT_MUTATION_FULL=1</c> (samples/run-mutation.sh sets it): the suite-wide run
/// grades every mutant of every task and takes minutes, too long for every test run.
/// </summary>
public sealed class FullMutationRunFactAttribute : FactAttribute
{
    public const string Variable = "MICROPROMPT_MUTATION_FULL";

    public FullMutationRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"the full mutation run: set {Variable}=1 or run samples/run-mutation.sh";
        }
    }
}
