namespace MicroPrompt.Verification.Jail;

/// <summary>The outcome of <see cref="JailProbe"/>: the tools that make the jail, or why there is none.</summary>
internal sealed record JailTools(string? BubblewrapPath, string? PrlimitPath, string? Why)
{
    public bool Available => Why is null;

    public static JailTools Unavailable(string why) => new(null, null, why);
}
