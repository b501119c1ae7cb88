using System.Buffers;
using System.Diagnostics;
using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;
using MicroPrompt.Prompts;
using MicroPrompt.Store;
using NuGet.Versioning;

namespace MicroPrompt.Resolution;

/// <summary>
/// The all-resolved path without a parse (issue #15): a prompt whose text is byte for byte what its lock entry's
/// <see cref="LockEntry.FrontMatter"/> was read from is planned from that record — a <em>sketch</em> of the document
/// with the fields planning reads (model, namespace, kind, uses, requires, capabilities) — so neither YamlDotNet nor
/// Markdig is loaded. The key is still computed from the sketch and the current settings and compared with the
/// entry's; anything but a verified hit of that entry parses the prompt and goes the ordinary way.
/// </summary>
internal static class UnchangedPrompts
{
    /// <summary>Bump when the parser's reading of a field the record holds changes: every record then misses once.</summary>
    public const int Version = 1;

    /// <summary>The record of a cleanly parsed document (a parse that reported anything is never recorded: its warnings must show).</summary>
    public static LockFrontMatter Record(PromptDocument document) => new()
    {
        TextHash = TextHash(document.Text),
        Model = document.Model,
        Namespace = document.Namespace,
        Kind = document.Kind == PromptKind.Library ? null : document.Kind.ToString().ToLowerInvariant(),
        Uses = document.Uses.Count == 0 ? null : document.Uses.Select(u => u.Path).ToList(),
        Requires = document.Requires.Count == 0 ? null : document.Requires.Select(r => r.Id).ToList(),
        Capabilities = document.Capabilities.Count == 0 ? null : [.. document.Capabilities],
    };

    /// <summary>
    /// The sketch of the item's document when its lock entry records the front matter of exactly its current text and
    /// nothing about the item asks for more than a hit (regenerate, adopt, capabilities the record does not declare);
    /// otherwise null (the prompt is parsed).
    /// </summary>
    public static PromptDocument? TrySketch(ResolutionRun run, ResolutionItem item)
    {
        if (!run.Options.ReuseUnchangedPrompts
            || !run.Lock.Items.TryGetValue(item.ItemPath, out var entry)
            || entry.FrontMatter is not { TextHash.Length: > 0 } recorded
            || entry.Inputs is null
            || run.IsRegenerate(item.ItemPath)
            || run.IsAdopt(item.ItemPath)
            || !Covers(recorded.Capabilities, entry.Capabilities)
            || ParseKind(recorded.Kind) is not { } kind)
        {
            return null;
        }

        var text = PromptParser.ReadParserInput(item.FullPath, run.Options.MaxPromptBytes);
        if (text is null || !string.Equals(TextHash(text), recorded.TextHash, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new PromptDocument
        {
            FilePath = item.FullPath,
            Text = text,
            Instructions = "",
            Model = recorded.Model,
            Namespace = recorded.Namespace,
            Kind = kind,
            Uses = (recorded.Uses ?? []).Select(p => new PromptReference(p, SourceSpan.None)).ToList(),
            // The range was satisfied by the version the key records; a changed version changes the key, and a miss
            // parses the prompt, whose plan checks the range again (MP1006).
            Requires = (recorded.Requires ?? []).Select(id => new PackageRequirement(id, VersionRange.All, SourceSpan.None)).ToList(),
            Capabilities = recorded.Capabilities ?? [],
        };
    }

    /// <summary>
    /// A sketched item (<see cref="UnchangedPrompts"/>) resolves without a parse only as a verified hit of its lock
    /// entry: planned from the sketch and the current settings (any diagnostic of that plan: parse instead), the key
    /// computed as always and equal to the entry's, its code verified against the entry's hash.
    /// </summary>
    public static bool TryTakeHit(ResolutionRun run, ResolutionItem item, PromptDocument sketch, List<string> deps, ItemPlanner planner, ItemLookup lookup, ResolutionRecorder recorder, List<MicroPromptDiagnostic> diagnostics)
    {
        if (deps.Any(d => !run.CodeHashes.ContainsKey(d))
            || ItemPlanning.FirstNonEmpty(item.ModelOverride, sketch.Model, run.Options.DefaultModel) is null)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var scratch = new List<MicroPromptDiagnostic>();
        var planned = planner.Plan(item, sketch, deps, scratch);
        run.Timings.Add("plan", started);
        if (planned is null || scratch.Count > 0 || planned.Previous?.Key != planned.Key)
        {
            return false;
        }

        started = Stopwatch.GetTimestamp();
        var hit = lookup.FindCommitted(planned);
        run.Timings.Add("lookup", started);
        if (hit is not { } found)
        {
            return false;
        }

        started = Stopwatch.GetTimestamp();
        run.Results[item.ItemPath] = recorder.TakeHit(planned, found, diagnostics);
        run.Timings.Add("record and write", started);
        return true;
    }

    /// <summary>
    /// SHA-256 hex of the versioned parser input: the UTF-8 of <c>"mprompt-front-matter/{Version}\n" + parserInput</c>,
    /// encoded into a pooled buffer after the prefix's bytes rather than concatenated first (the prefix ends with a
    /// line break, so the two encodings join to the encoding of the concatenation).
    /// </summary>
    public static string TextHash(string parserInput)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(TextHashPrefix.Length + Encoding.UTF8.GetMaxByteCount(parserInput.Length));
        try
        {
            TextHashPrefix.CopyTo(buffer, 0);
            var length = TextHashPrefix.Length + Encoding.UTF8.GetBytes(parserInput, 0, parserInput.Length, buffer, TextHashPrefix.Length);
            return ContentHash.Sha256Hex(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static readonly byte[] TextHashPrefix = Encoding.UTF8.GetBytes($"mprompt-front-matter/{Version}\n");

    private static PromptKind? ParseKind(string? kind) => kind switch
    {
        null => PromptKind.Library,
        "program" => PromptKind.Program,
        _ => null,
    };

    // A capability the code uses but the prompt does not declare is reported (MP2020) at the front matter's line: parse.
    private static bool Covers(List<string>? declared, List<string>? used) =>
        used is not { Count: > 0 } || used.All(u => declared?.Contains(u, StringComparer.OrdinalIgnoreCase) == true);
}
