using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using MicroPrompt.Prompts;

namespace MicroPrompt.Resolution;

/// <summary>
/// <see cref="ResolutionResult.Documents"/>: the run's documents, where a prompt that was only sketched
/// (<see cref="UnchangedPrompts"/>) is parsed when it is first asked for, so callers (a comparison run, the tool) always
/// see the whole document. A build that asks for none parses none.
/// </summary>
internal sealed class ParsedDocuments(ResolutionRun run) : IReadOnlyDictionary<string, PromptDocument>
{
    private readonly ConcurrentDictionary<string, PromptDocument> _parsed = new(StringComparer.Ordinal);

    public PromptDocument this[string key] => TryGetValue(key, out var document) ? document : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => run.Documents.Keys;

    public IEnumerable<PromptDocument> Values => Keys.Select(k => this[k]);

    public int Count => run.Documents.Count;

    public bool ContainsKey(string key) => run.Documents.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PromptDocument value)
    {
        if (!run.Documents.TryGetValue(key, out var document))
        {
            value = null;
            return false;
        }

        value = run.Sketched.ContainsKey(key) ? _parsed.GetOrAdd(key, _ => Parse(document)) : document;
        return true;
    }

    public IEnumerator<KeyValuePair<string, PromptDocument>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, PromptDocument>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The file was read moments ago with this exact text: parse that text (a prompt that no longer parses keeps the sketch).
    private PromptDocument Parse(PromptDocument sketch) =>
        PromptParser.Parse(sketch.FilePath, sketch.Text, new PromptParserOptions { MaxBytes = run.Options.MaxPromptBytes }).Document ?? sketch;
}
