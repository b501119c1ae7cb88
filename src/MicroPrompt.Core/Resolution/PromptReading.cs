using System.Diagnostics;
using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;

namespace MicroPrompt.Resolution;

/// <summary>
/// The first stage: every prompt is parsed — or, when its text is unchanged since its lock entry recorded its front
/// matter, sketched from that record (<see cref="UnchangedPrompts"/>) — in parallel, results taken in item order; then
/// the <c>uses</c> graph. A sketch stands in only for a verified hit of the entry it came from: every other path
/// (<see cref="Reparse"/>) parses the prompt first, so diagnostics, stubs, generation and the report see the real document.
/// </summary>
internal static class PromptReading
{
    public static void Read(ResolutionRun run, IReadOnlyList<ResolutionItem> items)
    {
        var parserOptions = new PromptParserOptions { MaxBytes = run.Options.MaxPromptBytes };
        var sketches = new PromptDocument?[items.Count];
        var results = new PromptParseResult?[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            sketches[i] = UnchangedPrompts.TrySketch(run, items[i]);
            if (sketches[i] is null)
            {
                results[i] = Parse(items[i], parserOptions);
            }
        });
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (sketches[i] is { } sketch)
            {
                run.Documents[item.ItemPath] = sketch;
                run.Sketched[item.ItemPath] = true;
            }
            else
            {
                Take(run, item, results[i]!, run.Diagnostics);
            }
        }
    }

    /// <summary>
    /// The <c>uses</c> graph. A sketch's references carry no location, so when the graph reports anything while some
    /// prompts are sketches, those are parsed and the graph built again (the diagnostics point at the real lines).
    /// </summary>
    public static PromptGraph Graph(ResolutionRun run, IReadOnlyList<ResolutionItem> items)
    {
        var found = new List<MicroPromptDiagnostic>();
        var graph = PromptGraph.Build(items, run.Documents, found);
        if (found.Count > 0 && !run.Sketched.IsEmpty)
        {
            foreach (var item in items.Where(i => run.Sketched.ContainsKey(i.ItemPath)))
            {
                Reparse(run, item, run.Diagnostics);
            }

            found.Clear();
            graph = PromptGraph.Build(items, run.Documents, found);
        }

        run.Diagnostics.AddRange(found);
        return graph;
    }

    /// <summary>
    /// Parses a sketched prompt now (it is about to take a path other than its entry's hit): its document replaces the
    /// sketch, its diagnostics go to <paramref name="diagnostics"/>. Null when it does not parse (then failed).
    /// </summary>
    public static PromptDocument? Reparse(ResolutionRun run, ResolutionItem item, List<MicroPromptDiagnostic> diagnostics)
    {
        var started = Stopwatch.GetTimestamp();
        var parsed = Parse(item, new PromptParserOptions { MaxBytes = run.Options.MaxPromptBytes });
        run.Sketched.TryRemove(item.ItemPath, out _);
        run.Documents.TryRemove(item.ItemPath, out _);
        var document = Take(run, item, parsed, diagnostics);
        run.Timings.Add("parse", started);
        return document;
    }

    private static PromptParseResult Parse(ResolutionItem item, PromptParserOptions options) => PromptParser.ParseFile(item.FullPath, options);

    private static PromptDocument? Take(ResolutionRun run, ResolutionItem item, PromptParseResult parsed, List<MicroPromptDiagnostic> diagnostics)
    {
        diagnostics.AddRange(parsed.Diagnostics);
        if (parsed.Success && parsed.Document is { } document)
        {
            run.Documents[item.ItemPath] = document;
            if (parsed.Diagnostics.Count == 0)
            {
                run.CleanParses[item.ItemPath] = true;
            }

            return document;
        }

        run.Results[item.ItemPath] = ResolutionRun.Failed(item.ItemPath);
        return null;
    }
}
