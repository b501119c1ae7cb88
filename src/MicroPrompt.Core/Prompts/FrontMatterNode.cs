namespace MicroPrompt.Prompts;

/// <summary>A front-matter value as read from YAML, with where it starts in the <c>.mprompt</c> file.</summary>
internal abstract record FrontMatterNode(SourceSpan Span)
{
    /// <summary>How the value is described in messages ("a list", "a mapping", …).</summary>
    public abstract string Description { get; }
}

/// <summary>A scalar; <see cref="IsNull"/> when it is YAML null (empty, <c>~</c> or <c>null</c>, unquoted).</summary>
internal sealed record FrontMatterScalar(string Value, bool IsNull, SourceSpan Span) : FrontMatterNode(Span)
{
    public override string Description => IsNull ? "nothing" : $"'{Value}'";
}

/// <summary>A sequence of values (items that are not scalars are <see cref="FrontMatterOther"/>).</summary>
internal sealed record FrontMatterSequence(IReadOnlyList<FrontMatterNode> Items, SourceSpan Span) : FrontMatterNode(Span)
{
    public override string Description => "a list";
}

/// <summary>A value this format never accepts (a mapping, a nested list, an alias to one); its content is skipped.</summary>
internal sealed record FrontMatterOther(string What, SourceSpan Span) : FrontMatterNode(Span)
{
    public override string Description => What;
}

/// <summary>One <c>key: value</c> pair of the front matter.</summary>
internal sealed record FrontMatterEntry(FrontMatterNode Key, FrontMatterNode Value);
