using MicroPrompt.Hashing;

namespace MicroPrompt.Keys;

/// <summary>
/// The generation key: a stable, explicitly versioned hash of everything that changes a generation's output
/// (see <see cref="KeyInputs"/>), and never of the endpoint, the API key or the machine.
/// </summary>
/// <remarks>
/// <para>
/// The key is the bare SHA-256 of a canonical JSON payload, as 64 lower-case hex characters (safe as a file name).
/// The payload starts with <see cref="FormatVersion"/> and <see cref="TemplateVersion"/>, so bumping either changes
/// every key; nothing else about the runtime, the OS or the .NET version takes part in it.
/// </para>
/// <para>
/// Canonical form: fixed property order; strings escaped only where JSON requires it (<c>"</c>, <c>\</c>, control
/// characters), so the payload does not depend on a runtime's Unicode tables; enum-like values (kind, target framework,
/// LangVersion, nullable, repair mode), package ids and versions (NuGet-normalized) and code hashes are lower-cased;
/// maps are written as arrays of <c>[key, value]</c> pairs sorted ordinally. The prompt is
/// <see cref="NormalizePrompt"/>d first, so line endings, trailing white space and a BOM do not change the key.
/// </para>
/// </remarks>
public static class GenerationKey
{
    /// <summary>The version of the key payload's format. Bump it when the payload's shape or normalization changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The version of the prompt template the SDK sends to the model. Bump it when the prompt wording changes.</summary>
    public const string TemplateVersion = "1";

    /// <summary>
    /// The version of the edit-in-place wording (previous code + prompt diff). Only keys of edits carry it, so bumping
    /// it changes no key of a generation from scratch.
    /// </summary>
    public const string EditTemplateVersion = "1";

    /// <summary>
    /// Normalizes prompt text: removes a leading BOM, turns CRLF and CR into LF, removes trailing white space on every
    /// line and removes leading and trailing blank lines. The result has no final line break.
    /// </summary>
    public static string NormalizePrompt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var first = 0;
        var last = lines.Length - 1;
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd();
        }

        while (first <= last && lines[first].Length == 0)
        {
            first++;
        }

        while (last >= first && lines[last].Length == 0)
        {
            last--;
        }

        return first > last ? "" : string.Join('\n', lines, first, last - first + 1);
    }

    /// <summary>
    /// Computes the key of <paramref name="inputs"/>: 64 lower-case hex characters (SHA-256 of the canonical payload).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Two required packages or two used items that differ only in what normalization removes (e.g. id casing) map to
    /// different values.
    /// </exception>
    public static string Compute(KeyInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Compute(inputs, NormalizePrompt(inputs.PromptText ?? ""));
    }

    /// <summary>
    /// <see cref="Compute(KeyInputs)"/> with the prompt already <see cref="NormalizePrompt"/>d (it must be
    /// <c>NormalizePrompt(inputs.PromptText)</c>): a planner that also needs the prompt hash normalizes once.
    /// </summary>
    internal static string Compute(KeyInputs inputs, string normalizedPrompt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return ContentHash.Sha256Hex(KeyPayload.Write(inputs, normalizedPrompt));
    }

    /// <summary>The hash recorded as a lock entry's prompt hash: SHA-256 hex of <see cref="NormalizePrompt"/>(text).</summary>
    public static string PromptHash(string text) => PromptHashOfNormalized(NormalizePrompt(text));

    /// <summary><see cref="PromptHash"/> of a text already <see cref="NormalizePrompt"/>d.</summary>
    internal static string PromptHashOfNormalized(string normalizedPrompt) => ContentHash.Sha256Hex(normalizedPrompt);
}
