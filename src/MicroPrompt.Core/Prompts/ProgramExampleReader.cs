using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MicroPrompt.Prompts;

/// <summary>
/// Reads the examples of a <c>kind: program</c> prompt: each non-C# block (<c>```text</c>, <c>```yaml</c>, …) is a YAML
/// mapping with the keys of <see cref="ProgramExample"/>. Problems are MP0032 errors at the offending line and column.
/// C# blocks cannot be run against a program: they stay visible to the model but get an MP0032 warning.
/// Walks YamlDotNet parser events (two levels deep at most), so hostile nesting cannot overflow the stack.
/// </summary>
internal static class ProgramExampleReader
{
    /// <summary>The largest program example read (input files included).</summary>
    public const int MaxChars = 64 * 1024;

    public static IReadOnlyList<PromptExample> Bind(IReadOnlyList<PromptExample> examples, PromptParseContext context)
    {
        var result = new List<PromptExample>(examples.Count);
        foreach (var example in examples)
        {
            if (IsCSharp(example.Language))
            {
                context.Report(ProgramExampleMessages.CSharpInProgram(), example.Span);
                result.Add(example);
                continue;
            }

            var program = Read(example, context);
            result.Add(program is null ? example : example with { Program = program });
        }

        return result;
    }

    /// <summary>The parsed example, or null after reporting why it is malformed.</summary>
    internal static ProgramExample? Read(PromptExample example, PromptParseContext context)
    {
        var text = example.Code;
        if (text.Length > MaxChars)
        {
            context.Report(ProgramExampleMessages.TooLarge(text.Length, MaxChars), example.Span);
            return null;
        }

        var indent = text.Length - text.TrimStart(' ').Length;
        var reader = new Reader(new Parser(new StringReader(text)), example.Span, indent, context);
        try
        {
            return reader.Read();
        }
        catch (YamlException ex)
        {
            context.Report(ProgramExampleMessages.NotYaml(ex.Message), reader.ToSpan(ex.Start));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException
                                       or NullReferenceException or OverflowException or InsufficientExecutionStackException
                                       || ex.GetType() == typeof(Exception))
        {
            // YamlDotNet's scanner throws plain exceptions on some malformed input.
            context.Report(ProgramExampleMessages.NotYamlNearHere(), reader.ToSpan(reader.LastPosition));
            return null;
        }
    }

    private static bool IsCSharp(string language)
        => language.Length == 0
           || language.Equals("csharp", StringComparison.OrdinalIgnoreCase)
           || language.Equals("cs", StringComparison.OrdinalIgnoreCase)
           || language.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private sealed class Reader(IParser parser, SourceSpan start, int indent, PromptParseContext context)
    {
        private bool _failed;

        public Mark LastPosition { get; private set; } = Mark.Empty;

        public SourceSpan ToSpan(Mark mark)
        {
            var line = (int)Math.Clamp(mark.Line, 1, int.MaxValue / 2);
            var column = (int)Math.Clamp(mark.Column, 1, int.MaxValue / 2);
            return new SourceSpan(start.Line + line - 1, Math.Max(1, start.Column - indent + column - 1));
        }

        public ProgramExample? Read()
        {
            Next(); // StreamStart
            Next(); // DocumentStart (or StreamEnd)
            if (parser.Current is not DocumentStart)
            {
                Error(ProgramExampleMessages.Empty(), Mark.Empty);
                return null;
            }

            Next();
            if (parser.Current is not MappingStart)
            {
                Error(ProgramExampleMessages.NotAMapping(), parser.Current?.Start ?? Mark.Empty);
                return null;
            }

            Next();
            var example = new ProgramExample();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool hasStdout = false, hasStderr = false, hasExit = false;
            while (parser.Current is not MappingEnd)
            {
                var keyEvent = parser.Current;
                if (keyEvent is not Scalar key)
                {
                    Error(ProgramExampleMessages.KeyNotAWord(), keyEvent?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!seen.Add(key.Value))
                {
                    Error(ProgramExampleMessages.KeyTwice(key.Value), key.Start);
                    return null;
                }

                switch (key.Value)
                {
                    case "args":
                        example = example with { Args = ReadArgs() ?? [] };
                        break;
                    case "stdin":
                        example = example with { Stdin = ReadString("stdin") ?? "" };
                        break;
                    case "stdout":
                        example = example with { Stdout = ReadString("stdout") };
                        hasStdout = true;
                        break;
                    case "stderr":
                        example = example with { Stderr = ReadString("stderr") };
                        hasStderr = true;
                        break;
                    case "exit":
                        var exitEvent = parser.Current;
                        var exit = ReadString("exit");
                        if (exit is not null && !int.TryParse(exit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                        {
                            Error(ProgramExampleMessages.BadExit(exit), exitEvent!.Start);
                        }
                        else if (exit is not null)
                        {
                            example = example with { Exit = int.Parse(exit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) };
                        }

                        hasExit = true;
                        break;
                    case "files":
                        example = example with { Files = ReadFiles() ?? new Dictionary<string, string>() };
                        break;
                    default:
                        Error(ProgramExampleMessages.UnknownKey(key.Value), key.Start);
                        SkipValue();
                        break;
                }

                if (_failed)
                {
                    return null;
                }
            }

            if (!hasStdout && !hasStderr && !hasExit)
            {
                Error(ProgramExampleMessages.ChecksNothing(), Mark.Empty);
                return null;
            }

            return example;
        }

        private string? ReadString(string key)
        {
            if (parser.Current is Scalar scalar)
            {
                Next();
                return scalar.Value;
            }

            Error(ProgramExampleMessages.NotText(key), parser.Current?.Start ?? Mark.Empty);
            SkipValue();
            return null;
        }

        private IReadOnlyList<string>? ReadArgs()
        {
            if (parser.Current is Scalar scalar)
            {
                Next();
                return scalar.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            }

            if (parser.Current is not SequenceStart)
            {
                Error(ProgramExampleMessages.ArgsNotAList(), parser.Current?.Start ?? Mark.Empty);
                SkipValue();
                return null;
            }

            Next();
            var args = new List<string>();
            while (parser.Current is not SequenceEnd)
            {
                if (parser.Current is not Scalar item)
                {
                    Error(ProgramExampleMessages.ArgumentNotText(), parser.Current?.Start ?? Mark.Empty);
                    return null;
                }

                args.Add(item.Value);
                Next();
            }

            Next();
            return args;
        }

        private Dictionary<string, string>? ReadFiles()
        {
            if (parser.Current is not MappingStart)
            {
                Error(ProgramExampleMessages.FilesNotAMap(), parser.Current?.Start ?? Mark.Empty);
                SkipValue();
                return null;
            }

            Next();
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            while (parser.Current is not MappingEnd)
            {
                if (parser.Current is not Scalar name)
                {
                    Error(ProgramExampleMessages.FileNameNotText(), parser.Current?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!IsSafeRelativePath(name.Value))
                {
                    Error(ProgramExampleMessages.FileNameUnsafe(name.Value), name.Start);
                    return null;
                }

                if (parser.Current is not Scalar content)
                {
                    Error(ProgramExampleMessages.FileContentNotText(name.Value), parser.Current?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!files.TryAdd(name.Value, content.Value))
                {
                    Error(ProgramExampleMessages.FileTwice(name.Value), name.Start);
                    return null;
                }
            }

            Next();
            return files;
        }

        private static bool IsSafeRelativePath(string name)
            => name.Length > 0
               && !Path.IsPathRooted(name)
               && name.IndexOfAny(Path.GetInvalidPathChars()) < 0
               && !name.Replace('\\', '/').Split('/').Any(part => part is ".." or "");

        private void SkipValue()
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

        private void Error(MicroPromptDiagnostic diagnostic, Mark at)
        {
            _failed = true;
            context.Report(diagnostic, at.Equals(Mark.Empty) ? start : ToSpan(at));
        }

        private void Next()
        {
            if (!parser.MoveNext())
            {
                throw new YamlException(LastPosition, LastPosition, "Unexpected end of the example.");
            }

            LastPosition = parser.Current!.End;
        }
    }
}
