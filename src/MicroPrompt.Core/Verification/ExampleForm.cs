namespace MicroPrompt.Verification;

/// <summary>How one library example is written into the test assembly.</summary>
internal enum ExampleForm
{
    /// <summary><c>left == right</c> (or <c>!=</c>) with both sides kept in locals, so a failure shows both values.</summary>
    Captured,

    /// <summary>A boolean expression, checked as written.</summary>
    Plain,

    /// <summary>Statements that must run without throwing.</summary>
    Block,

    /// <summary>Left out: it does not compile against the code.</summary>
    Excluded,
}
