using MicroPrompt.Prompts;

namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>One task: <c>samples/Bench/&lt;Folder&gt;/&lt;Task&gt;.mprompt</c>, parsed with the product's parser.</summary>
internal sealed class BenchTask(string id, string promptPath)
{
    private readonly Lazy<PromptParseResult> _parsed = new(() => PromptParser.ParseFile(promptPath));

    /// <summary><c>&lt;Folder&gt;/&lt;Task&gt;</c>, e.g. <c>FileData/CsvLine</c>.</summary>
    public string Id { get; } = id;

    public string PromptPath { get; } = promptPath;

    /// <summary>The first folder under samples/Bench (<c>FileData</c>, <c>Api</c>, <c>BugFix</c>).</summary>
    public string Folder => Id.Split('/')[0];

    /// <summary>The item path as the SDK names it: relative to the project, '/' separated.</summary>
    public string ItemPath => Id + ".mprompt";

    public PromptParseResult Parsed => _parsed.Value;

    /// <summary>The parsed document; throws with the parser's diagnostics when the prompt does not parse.</summary>
    public PromptDocument Document => Parsed.Success
        ? Parsed.Document!
        : throw new InvalidOperationException($"{ItemPath} does not parse: " + string.Join("; ", Parsed.Diagnostics.Select(d => d.ToString())));

    /// <summary>The namespace the SDK gives the item: front matter <c>namespace:</c>, else <c>Bench.&lt;folders&gt;</c>.</summary>
    public string Namespace => Document.Namespace
        ?? string.Join('.', new[] { BenchProject.RootNamespace }.Concat(Id.Split('/')[..^1]));

    public IReadOnlyList<string> Tags => Document.Tags;

    public override string ToString() => Id;
}
