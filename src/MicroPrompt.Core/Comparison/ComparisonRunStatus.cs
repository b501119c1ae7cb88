namespace MicroPrompt.Comparison;

/// <summary>How one comparison run ended (the <c>status</c> of a run in report.json).</summary>
public static class ComparisonRunStatus
{
    /// <summary>Correct code: it compiled and passed every example within the passes.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>No correct code within the passes (does not compile, fails examples, or no code).</summary>
    public const string Failed = "failed";

    /// <summary>The model declined the task (counted apart from failures).</summary>
    public const string Refused = "refused";

    /// <summary>Not graded: the provider failed, or the run could not be verified (MP1xxx, MP2008). Not cached.</summary>
    public const string Error = "error";

    /// <summary>Not run: the budget was spent, or the build is locked and the run is not cached. Not cached.</summary>
    public const string Skipped = "skipped";

    /// <summary>Whether a run with <paramref name="status"/> is a measurement (counted in the tables and cached).</summary>
    public static bool IsGraded(string status) => status is Succeeded or Failed or Refused;
}
