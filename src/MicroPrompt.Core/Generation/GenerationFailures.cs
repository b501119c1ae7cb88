using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// What <see cref="CodeGenerator"/> says about a pass that failed — to the model in the next pass (compile errors,
/// failing examples, the previous reply) and in the build's failure message — and how it tells a refusal.
/// </summary>
internal static class GenerationFailures
{
    /// <summary>How many errors the failure message names (all of them are in LastErrors).</summary>
    private const int ErrorsInFailureMessage = 5;

    private const int MaxQuotedRefusal = 300;

    /// <summary>Failing examples as the model (exec) and the build log see them: where, what, and what happened.</summary>
    internal static IReadOnlyList<string> FormatFailures(ExampleRunReport report, string promptFile)
    {
        var file = Path.GetFileName(promptFile);
        return report.Failures
            .Select(f => $"{file}({f.Example.Span.Line},{f.Example.Span.Column}): example {Shorten(f.Example)} {f.Message}")
            .ToList();
    }

    private static string Shorten(PromptExample example)
    {
        if (example.Program is { } program)
        {
            var args = string.Join(' ', program.Args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
            return program.Args.Count == 0 ? "run without arguments:" : $"run with arguments `{args}`:";
        }

        var lines = example.Code.Trim().Split('\n');
        var first = lines[0].Trim();
        return lines.Length == 1 ? $"`{first}`" : $"`{first} …` (statement block)";
    }

    internal static string ExamplesFailureMessage(GenerationRequest request, string? providerName, int passes, ExampleRunReport report)
    {
        var failures = report.Failures.ToList();
        var shown = string.Join("; ", failures.Take(ErrorsInFailureMessage).Select(f => $"line {f.Example.Span.Line}: {Shorten(f.Example)} {f.Message}"));
        var more = failures.Count > ErrorsInFailureMessage ? $" (and {failures.Count - ErrorsInFailureMessage} more)" : "";
        return GenerationMessages.ExamplesFail(request.ItemPath, failures.Count, report.Total, request.Model, providerName, passes, shown + more);
    }

    /// <summary>Errors first as <c>Slug.g.cs(3,5): error CS0103: …</c>; warnings only when there is no error.</summary>
    internal static IReadOnlyList<string> FormatErrors(IReadOnlyList<CompileError> errors, string fileName)
    {
        var chosen = errors.Where(e => !e.IsWarning).ToList();
        if (chosen.Count == 0)
        {
            chosen = errors.ToList();
        }

        return chosen.Select(e => fileName + e).ToList();
    }

    /// <summary>Why the reply is a refusal, or null when it is not one.</summary>
    internal static string? Refusal(ChatResponse response, string reply, CodeExtraction extraction)
    {
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return "the provider's content filter stopped the reply.";
        }

        var marked = RefusalDetector.MarkedRefusal(response);
        if (marked is not null)
        {
            return Quote(marked.Length > 0 ? marked : reply);
        }

        if (extraction.NoCode)
        {
            var prose = CodeExtractor.StripReasoning(CodeExtractor.NormalizeNewlines(reply));
            if (RefusalDetector.IsRefusalWording(prose))
            {
                return Quote(prose);
            }
        }

        return null;
    }

    private static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length > MaxQuotedRefusal)
        {
            flat = flat[..MaxQuotedRefusal] + "…";
        }

        return $"\"{flat}\"";
    }

    /// <summary>The previous reply as sent back to the model (reasoning removed: it only costs tokens).</summary>
    internal static string Echo(string reply)
    {
        var text = CodeExtractor.StripReasoning(CodeExtractor.NormalizeNewlines(reply)).Trim();
        return text.Length == 0 ? "(empty reply)" : text;
    }

    internal static string FailureMessage(GenerationRequest request, string? providerName, int passes, bool hadCode, IReadOnlyList<string> errors)
    {
        if (!hadCode)
        {
            return GenerationMessages.NoUsableCode(request.ItemPath, request.Model, providerName, passes, errors.FirstOrDefault());
        }

        var shown = string.Join("; ", errors.Take(ErrorsInFailureMessage));
        var more = errors.Count > ErrorsInFailureMessage ? $" (and {errors.Count - ErrorsInFailureMessage} more)" : "";
        return GenerationMessages.DoesNotCompile(request.ItemPath, request.Model, providerName, passes, shown + more);
    }
}
