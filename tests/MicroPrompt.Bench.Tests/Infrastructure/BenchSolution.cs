namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>One solution file: <c>Solutions/&lt;Folder&gt;/&lt;Task&gt;.&lt;Slug&gt;.cs</c> — <c>reference</c> or <c>wrong-…</c>.</summary>
internal sealed record BenchSolution(string Id, string TaskId, string Slug, string Path)
{
    public const string ReferenceSlug = "reference";
    public const string WrongPrefix = "wrong-";

    public bool IsReference => Slug == ReferenceSlug;

    public bool IsWrong => Slug.StartsWith(WrongPrefix, StringComparison.Ordinal) && Slug.Length > WrongPrefix.Length;

    public string Code => File.ReadAllText(Path);

    public override string ToString() => Id;
}
