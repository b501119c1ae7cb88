namespace MicroPrompt.Store;

/// <summary>
/// What a build reads from a prompt to plan it (the front matter that feeds the key), recorded with the lock entry so
/// that a build whose prompt text is unchanged (<see cref="TextHash"/>) can plan the item without parsing it: no
/// YAML or Markdown parser is loaded when nothing changed. Optional (absent in entries written before it existed, and
/// when the prompt's parse reported anything); see docs/lock-format.md.
/// </summary>
public sealed class LockFrontMatter
{
    /// <summary>
    /// SHA-256 (hex) of the versioned parser input: <c>"mprompt-front-matter/&lt;version&gt;\n"</c> + the prompt's text with
    /// the BOM removed and line breaks as LF (not the normalized prompt hash: leading blank lines and trailing white
    /// space can change a parse).
    /// </summary>
    public string TextHash { get; set; } = "";

    /// <summary><c>model:</c> as written, or null.</summary>
    public string? Model { get; set; }

    /// <summary><c>namespace:</c> as written, or null.</summary>
    public string? Namespace { get; set; }

    /// <summary><c>kind:</c> when not <c>library</c> (<c>program</c>), else null.</summary>
    public string? Kind { get; set; }

    /// <summary>The <c>uses:</c> paths as written, in order; null for none.</summary>
    public List<string>? Uses { get; set; }

    /// <summary>The package ids of <c>requires:</c> as written, in order; null for none (the ranges are not needed: see the docs).</summary>
    public List<string>? Requires { get; set; }

    /// <summary>The declared <c>capabilities:</c>, as written; null for none.</summary>
    public List<string>? Capabilities { get; set; }
}
