namespace MicroPrompt.Settings;

/// <summary>An MSBuild item as the resolution gets it: its item spec and the metadata the engine reads.</summary>
public sealed class ParameterItem
{
    /// <summary>The metadata names copied from MSBuild items (the well-known <c>FullPath</c> included).</summary>
    public static readonly string[] MetadataNames =
    [
        "FullPath", "NuGetPackageId", "NuGetPackageVersion", "FrameworkReferenceName", "Alias", "Static", "Model", "Namespace", "Regeneration",
    ];

    public required string ItemSpec { get; init; }

    /// <summary>Metadata by name; only non-empty values are kept.</summary>
    public Dictionary<string, string> Metadata { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A metadata value, or "" when absent (as MSBuild's <c>GetMetadata</c>).</summary>
    public string Get(string name) => Metadata.TryGetValue(name, out var value) ? value : "";
}
