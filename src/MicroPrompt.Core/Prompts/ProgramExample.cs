namespace MicroPrompt.Prompts;

/// <summary>
/// A program item's example, read from a <c>```text</c> (or <c>```yaml</c>) block of <c>## Examples</c> written as YAML:
/// <code>
/// args: [--upper, "Ada Lovelace"]   # a list, or one string split at spaces
/// stdin: "first line\nsecond line\n"
/// files:                            # written into the program's working directory first
///   notes.md: "# Intro\n"
/// stdout: "ADA LOVELACE\n"          # compared after \r\n → \n and without trailing newlines
/// stderr: "not found"               # optional: standard error must contain this (\r\n → \n, trimmed)
/// exit: 0                           # default 0
/// </code>
/// At least one of <c>stdout</c> and <c>exit</c> is required. Multi-line values can use YAML block scalars (<c>|</c>).
/// </summary>
public sealed record ProgramExample
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Standard input; empty when not given.</summary>
    public string Stdin { get; init; } = "";

    /// <summary>Files created in the working directory before the run (relative name → content).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>The expected standard output, or null when it is not checked.</summary>
    public string? Stdout { get; init; }

    /// <summary>
    /// Text the standard error must contain (after <c>\r\n</c> → <c>\n</c>, trimmed), or null when it is not checked.
    /// "Contains" rather than "equals", because error messages often carry paths.
    /// </summary>
    public string? Stderr { get; init; }

    /// <summary>The expected exit code.</summary>
    public int Exit { get; init; }
}
