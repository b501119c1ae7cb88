namespace MicroPrompt.Capabilities;

/// <summary>The capabilities a prompt may declare in front matter <c>capabilities:</c>.</summary>
public static class CapabilityNames
{
    public const string Network = "network";
    public const string FileSystem = "filesystem";
    public const string Process = "process";
    public const string Environment = "environment";
    public const string Reflection = "reflection";

    /// <summary>Every capability, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> All = [Network, FileSystem, Process, Environment, Reflection];
}
