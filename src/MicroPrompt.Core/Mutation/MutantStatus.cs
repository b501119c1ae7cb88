namespace MicroPrompt.Mutation;

/// <summary>What grading a mutant gave (Stryker.NET's statuses, without the ones only a test runner has).</summary>
public enum MutantStatus
{
    /// <summary>An example failed: the examples notice this change.</summary>
    Killed,

    /// <summary>Every example passed: the examples do not notice this change.</summary>
    Survived,

    /// <summary>The mutant does not compile; it says nothing about the examples and is left out of the score.</summary>
    CompileError,

    /// <summary>An example ran over its time limit (an endless loop): counted as noticed, as Stryker.NET does.</summary>
    Timeout,
}
