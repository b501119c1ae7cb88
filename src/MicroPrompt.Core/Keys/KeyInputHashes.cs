using System.Globalization;
using System.Text.Json;
using MicroPrompt.Hashing;

namespace MicroPrompt.Keys;

/// <summary>
/// One SHA-256 (hex) per named input of a generation key, recorded in the lock (<c>inputs</c>) so that a changed key
/// can be explained ("the prompt and <c>uses:Text/Slug.mprompt</c> changed"). Inputs are normalized exactly as in the
/// key payload (<see cref="GenerationKey"/>), so an input that does not change the key does not change its hash.
/// </summary>
/// <remarks>
/// Names: <c>prompt</c> (normalized prompt text: the same value as the entry's prompt hash), <c>model</c>,
/// <c>template</c> (template and key format versions), <c>repair</c> (mode and max passes), <c>targetFramework</c>,
/// <c>langVersion</c>, <c>nullable</c>, <c>usings</c> (implicit usings and the extra global usings), <c>namespace</c>
/// (namespace and kind), <c>requires:&lt;package id, lower-case&gt;</c> (its resolved version) and
/// <c>uses:&lt;item path&gt;</c> (whose value is the used item's code hash itself). A single input hashes its normalized
/// UTF-8 text; an input of several parts hashes a JSON array of them.
/// </remarks>
public static class KeyInputHashes
{
    /// <summary>The hash of every named input of <paramref name="inputs"/>, sorted ordinally by name.</summary>
    /// <exception cref="ArgumentException">A package or used item listed twice with different values (as in <see cref="GenerationKey.Compute"/>).</exception>
    public static SortedDictionary<string, string> Of(KeyInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var usings = (inputs.GlobalUsings ?? []).Select(KeyPayload.Trim).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["prompt"] = GenerationKey.PromptHash(inputs.PromptText ?? ""),
            ["model"] = Hash(KeyPayload.Trim(inputs.Model)),
            ["template"] = Hash(GenerationKey.FormatVersion.ToString(CultureInfo.InvariantCulture), GenerationKey.TemplateVersion),
            ["repair"] = Hash(KeyPayload.Lower(inputs.RepairMode), inputs.MaxPasses.ToString(CultureInfo.InvariantCulture)),
            ["targetFramework"] = Hash(KeyPayload.Lower(inputs.TargetFramework)),
            ["langVersion"] = Hash(KeyPayload.Lower(inputs.LangVersion)),
            ["nullable"] = Hash(KeyPayload.Lower(inputs.Nullable)),
            ["usings"] = Hash([inputs.ImplicitUsings ? "true" : "false", .. usings]),
            ["namespace"] = Hash(KeyPayload.Trim(inputs.Namespace), KeyPayload.Lower(inputs.Kind)),
        };
        var packages = KeyPayload.Canonical(inputs.RequiredPackages, KeyPayload.Lower, KeyPayload.NormalizeVersion, "required package");
        foreach (var (id, version) in packages)
        {
            hashes["requires:" + id] = Hash(version);
        }

        foreach (var (item, codeHash) in KeyPayload.Canonical(inputs.UsedCodeHashes, KeyPayload.NormalizeItemPath, KeyPayload.Lower, "used item"))
        {
            hashes["uses:" + item] = codeHash;
        }

        return hashes;
    }

    /// <summary>
    /// The names whose hash differs between <paramref name="recorded"/> and <paramref name="current"/> — changed, added
    /// (only in current) or removed (only in recorded) — sorted ordinally. A null <paramref name="recorded"/> (an entry
    /// written before inputs were recorded) counts as empty: every current name is reported.
    /// </summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string>? recorded, IReadOnlyDictionary<string, string> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        recorded ??= new Dictionary<string, string>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, hash) in current)
        {
            if (!recorded.TryGetValue(name, out var before) || !string.Equals(before, hash, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        names.UnionWith(recorded.Keys.Where(name => !current.ContainsKey(name)));
        return [.. names];
    }

    private static string Hash(string value) => ContentHash.Sha256Hex(value);

    /// <summary>The hash of a JSON array of <paramref name="parts"/>, escaped as in the key payload (runtime-independent).</summary>
    private static string Hash(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var part in parts)
            {
                KeyPayload.WriteRawString(json, part);
            }

            json.WriteEndArray();
        }

        return ContentHash.Sha256Hex(buffer.ToArray());
    }
}
