namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// One probe's outcome for one variant: <see cref="Display"/> is what variants are compared on and what the report shows
/// (<c>"a_b"</c>, <c>[1, 2]</c>, <c>throws ArgumentException</c>, <c>times out</c>); <see cref="Pin"/> is the C# example
/// template that pins it (<see cref="ProbeRenderer.Hole"/> for the probed expression), or the thrown type's full name.
/// </summary>
internal sealed record ProbeOutcome(ProbeOutcomeKind Kind, string Display, string? Pin = null, int? ExitCode = null, string? Stdout = null)
{
    public static readonly ProbeOutcome NotRun = new(ProbeOutcomeKind.NotRun, "not run");

    public static readonly ProbeOutcome TimedOut = new(ProbeOutcomeKind.TimedOut, "times out");

    public static readonly ProbeOutcome Crashed = new(ProbeOutcomeKind.Crashed, "crashes the process");

    /// <summary>Whether it takes part in the comparison.</summary>
    public bool Compared => Kind != ProbeOutcomeKind.NotRun;

    /// <summary>Whether an example can pin it (a value, or an exception of a library call).</summary>
    public bool Pinnable => Kind is ProbeOutcomeKind.Value or ProbeOutcomeKind.Threw;

    /// <summary><c>throws ArgumentException</c>, pinned by the full name.</summary>
    public static ProbeOutcome Threw(string fullName)
    {
        var name = fullName.Replace('+', '.');
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return new(ProbeOutcomeKind.Threw, "throws " + shortName, name);
    }
}
