using System.Globalization;
using MicroPrompt.Diagnostics;
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

    private const string Format =
        "Write a program example as YAML lines: args: [a, \"b c\"], stdin: \"…\", files: { name.txt: \"…\" }, stdout: \"…\", exit: 0.";

    public static IReadOnlyList<PromptExample> Bind(IReadOnlyList<PromptExample> examples, PromptParseContext context)
    {
        var result = new List<PromptExample>(examples.Count);
        foreach (var example in examples)
        {
            if (IsCSharp(example.Language))
            {
                context.Warning(DiagnosticCodes.ExamplesMalformed,
                    "This example is C#, but the prompt is 'kind: program': its examples run the program, so this one is not run. "
                    + "Use a ```text block. " + Format,
                    example.Span);
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
            context.Error(DiagnosticCodes.ExamplesMalformed,
                $"This program example is {text.Length} characters, over the {MaxChars}-character limit; use smaller input files.",
                example.Span);
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
            context.Error(DiagnosticCodes.ExamplesMalformed, $"This program example is not valid YAML: {ex.Message} {Format}", reader.ToSpan(ex.Start));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException
                                       or NullReferenceException or OverflowException or InsufficientExecutionStackException
                                       || ex.GetType() == typeof(Exception))
        {
            // YamlDotNet's scanner throws plain exceptions on some malformed input.
            context.Error(DiagnosticCodes.ExamplesMalformed, $"This program example is not valid YAML near here. {Format}", reader.ToSpan(reader.LastPosition));
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
                Error("This program example is empty. " + Format, Mark.Empty);
                return null;
            }

            Next();
            if (parser.Current is not MappingStart)
            {
                Error("A program example must be 'key: value' lines. " + Format, parser.Current?.Start ?? Mark.Empty);
                return null;
            }

            Next();
            var example = new ProgramExample();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool hasStdout = false, hasExit = false;
            while (parser.Current is not MappingEnd)
            {
                var keyEvent = parser.Current;
                if (keyEvent is not Scalar key)
                {
                    Error("A program example's keys are plain words (args, stdin, files, stdout, exit).", keyEvent?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!seen.Add(key.Value))
                {
                    Error($"The key '{key.Value}' is given twice; keep one.", key.Start);
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
                    case "exit":
                        var exitEvent = parser.Current;
                        var exit = ReadString("exit");
                        if (exit is not null && !int.TryParse(exit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                        {
                            Error($"'exit' must be a whole number (the expected exit code), not '{exit}'.", exitEvent!.Start);
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
                        Error($"'{key.Value}' is not a program example key; use args, stdin, files, stdout and exit.", key.Start);
                        SkipValue();
                        break;
                }

                if (_failed)
                {
                    return null;
                }
            }

            if (!hasStdout && !hasExit)
            {
                Error("This program example checks nothing: give the expected 'stdout:' and/or 'exit:' code.", Mark.Empty);
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

            Error($"'{key}' must be a text value (quote it: \"…\", or use a '|' block).", parser.Current?.Start ?? Mark.Empty);
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
                Error("'args' must be a list of arguments, e.g. [--upper, \"two words\"].", parser.Current?.Start ?? Mark.Empty);
                SkipValue();
                return null;
            }

            Next();
            var args = new List<string>();
            while (parser.Current is not SequenceEnd)
            {
                if (parser.Current is not Scalar item)
                {
                    Error("Each argument in 'args' must be a text value.", parser.Current?.Start ?? Mark.Empty);
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
                Error("'files' must map file names to contents, e.g. files: { input.txt: \"line 1\\n\" }.", parser.Current?.Start ?? Mark.Empty);
                SkipValue();
                return null;
            }

            Next();
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            while (parser.Current is not MappingEnd)
            {
                if (parser.Current is not Scalar name)
                {
                    Error("A file name in 'files' must be a text value.", parser.Current?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!IsSafeRelativePath(name.Value))
                {
                    Error($"'{name.Value}' is not a relative file name inside the working directory (no rooted paths, no '..').", name.Start);
                    return null;
                }

                if (parser.Current is not Scalar content)
                {
                    Error($"The content of '{name.Value}' must be a text value.", parser.Current?.Start ?? Mark.Empty);
                    return null;
                }

                Next();
                if (!files.TryAdd(name.Value, content.Value))
                {
                    Error($"The file '{name.Value}' is given twice.", name.Start);
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

        private void Error(string message, Mark at)
        {
            _failed = true;
            context.Error(DiagnosticCodes.ExamplesMalformed, message, at.Equals(Mark.Empty) ? start : ToSpan(at));
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
