using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MicroPrompt.Prompts;

/// <summary>
/// Reads the front matter's top-level <c>key: value</c> pairs from YamlDotNet parser events. Walking events (not the
/// recursive representation model) keeps the reader flat: only two levels are read (values and list items), deeper
/// content is skipped iteratively, so hostile nesting cannot overflow the stack. Every node keeps its line/column.
/// </summary>
internal static class FrontMatterYamlReader
{
    /// <summary>
    /// The longest front matter read. Real ones are a few hundred characters; the cap bounds the time YamlDotNet takes
    /// on hostile input (its cost grows with the square of the nesting depth: 16k nested '[' take seconds).
    /// </summary>
    public const int MaxChars = 8 * 1024;

    /// <summary>The pairs read before the end or the first YAML error; errors are reported to <paramref name="context"/>.</summary>
    public static IReadOnlyList<FrontMatterEntry> Read(string yaml, int firstLine, PromptParseContext context)
    {
        if (yaml.Length > MaxChars)
        {
            context.Report(PromptFileMessages.FrontMatterTooLarge(yaml.Length, MaxChars), new SourceSpan(firstLine - 1, 1));
            return [];
        }

        var reader = new Reader(new Parser(new StringReader(yaml)), firstLine - 1);
        var entries = new List<FrontMatterEntry>();
        try
        {
            reader.ReadDocument(entries, context);
        }
        catch (YamlException ex)
        {
            context.Report(FrontMatterMessages.NotYaml(ex.Message), reader.ToSpan(ex.Start));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException
                                       or NullReferenceException or OverflowException or InsufficientExecutionStackException
                                       || ex.GetType() == typeof(Exception))
        {
            // YamlDotNet's scanner throws plain exceptions on some malformed input (e.g. aaubry/YamlDotNet#541).
            context.Report(FrontMatterMessages.NotYamlNearHere(), reader.ToSpan(reader.LastPosition));
        }

        return entries;
    }

    private sealed class Reader(IParser parser, int lineOffset)
    {
        private readonly Dictionary<string, FrontMatterScalar> _anchors = new(StringComparer.Ordinal);

        /// <summary>Where the last event read ended: the best location when the YAML library fails without one.</summary>
        public Mark LastPosition { get; private set; } = Mark.Empty;

        public SourceSpan ToSpan(Mark mark)
            => new((int)Math.Clamp(mark.Line, 1, int.MaxValue / 2) + lineOffset, (int)Math.Clamp(mark.Column, 1, int.MaxValue));

        public void ReadDocument(List<FrontMatterEntry> entries, PromptParseContext context)
        {
            Next(); // StreamStart
            Next();
            if (parser.Current is StreamEnd)
            {
                return; // nothing but blank lines or comments
            }

            Next(); // DocumentStart
            if (parser.Current is MappingStart)
            {
                ReadMapping(entries, context);
            }
            else
            {
                var root = ReadLeaf();
                if (root is not FrontMatterScalar { IsNull: true })
                {
                    context.Report(FrontMatterMessages.NotAMapping(root.Description), root.Span);
                }
            }

            Next(); // DocumentEnd
            if (parser.Current is not StreamEnd)
            {
                context.Report(FrontMatterMessages.SeveralDocuments(), ToSpan(parser.Current?.Start ?? Mark.Empty));
            }
        }

        private void ReadMapping(List<FrontMatterEntry> entries, PromptParseContext context)
        {
            Next(); // MappingStart
            var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            while (parser.Current is not MappingEnd)
            {
                var key = ReadLeaf();
                var value = ReadValue();
                if (key is FrontMatterScalar { IsNull: false } name && seen.TryGetValue(name.Value, out var first))
                {
                    context.Report(FrontMatterMessages.KeyTwice(name.Value, first.Line), key.Span);
                    continue;
                }

                if (key is FrontMatterScalar { IsNull: false } named)
                {
                    seen[named.Value] = key.Span;
                }

                entries.Add(new FrontMatterEntry(key, value));
            }

            Next(); // MappingEnd
        }

        /// <summary>A value: a scalar, a list of leaves, or something unsupported (skipped).</summary>
        private FrontMatterNode ReadValue()
        {
            if (parser.Current is not SequenceStart start)
            {
                return ReadLeaf();
            }

            Next();
            var items = new List<FrontMatterNode>();
            while (parser.Current is not SequenceEnd)
            {
                items.Add(ReadLeaf());
            }

            Next(); // SequenceEnd
            return new FrontMatterSequence(items, ToSpan(start.Start));
        }

        /// <summary>A scalar (aliases to scalars resolved); any collection is skipped and returned as <see cref="FrontMatterOther"/>.</summary>
        private FrontMatterNode ReadLeaf()
        {
            var current = parser.Current ?? throw new YamlException("Unexpected end of the front matter.");
            var span = ToSpan(current.Start);
            switch (current)
            {
                case Scalar scalar:
                    Next();
                    var node = new FrontMatterScalar(scalar.Value, IsNull(scalar), span);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        _anchors[scalar.Anchor.Value] = node;
                    }

                    return node;
                case AnchorAlias alias:
                    Next();
                    return _anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target with { Span = span }
                        : new FrontMatterOther("an alias to a list or mapping", span);
                case MappingStart:
                    Skip();
                    return new FrontMatterOther("a mapping", span);
                case SequenceStart:
                    Skip();
                    return new FrontMatterOther("a nested list", span);
                default:
                    throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name} in the front matter.");
            }
        }

        private void Skip()
        {
            var depth = 0;
            do
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        depth++;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                Next();
            }
            while (depth > 0);
        }

        private void Next()
        {
            if (!parser.MoveNext())
            {
                throw new YamlException(LastPosition, LastPosition, "Unexpected end of the front matter.");
            }

            LastPosition = parser.Current?.End ?? LastPosition;
        }

        private static bool IsNull(Scalar scalar)
            => scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
    }
}
