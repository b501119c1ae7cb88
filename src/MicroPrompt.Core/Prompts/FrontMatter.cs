namespace MicroPrompt.Prompts;

/// <summary>The bound front-matter values (defaults for keys that were not given).</summary>
internal sealed class FrontMatter
{
    public string? Model { get; set; }

    public PromptKind Kind { get; set; } = PromptKind.Library;

    public string? Namespace { get; set; }

    public List<PromptReference> Uses { get; } = [];

    public List<PackageRequirement> Requires { get; } = [];

    public int Review { get; set; }

    public Generation.RegenerationMode? Regeneration { get; set; }

    public List<string> Capabilities { get; } = [];

    public List<string> Tags { get; } = [];

    public Dictionary<string, SourceSpan> KeySpans { get; } = new(StringComparer.Ordinal);
}
