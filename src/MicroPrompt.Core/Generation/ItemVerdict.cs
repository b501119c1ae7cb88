using MicroPrompt.Api;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Generation;

/// <summary>
/// What the checks before the examples say of one pass's code: the compile check (its own errors first, then its
/// callers'), the library shape (no entry point, no public API the contract does not declare) and, on a regeneration,
/// the public API against the previous resolution. <see cref="Problems"/> are what a repair pass is told.
/// </summary>
internal sealed record ItemVerdict(
    CompileCheckResult Compile,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ApiChange> ApiChanges,
    IReadOnlyList<string> BrokenCallers,
    IReadOnlyList<ApiChange> BreakingChanges,
    IReadOnlyList<string> ShapeProblems)
{
    /// <summary>How many problems a failure message names.</summary>
    private const int Shown = 5;

    public static ItemVerdict Of(GenerationRequest request, string code, string fileName, CompileCheckResult compile)
    {
        if (compile.Errors.Count > 0)
        {
            return new ItemVerdict(compile, GenerationFailures.FormatErrors(compile.Errors, fileName), [], [], [], []);
        }

        var shape = LibraryShapeChecker.Check(code, request.Prompt.Contract, request.Prompt.Kind)
            .Select(e => fileName + e).ToList();
        var changes = request.Previous is { } previous ? PublicApiDiff.Compare(previous.Code, code) : [];
        var breaking = request.Previous is { } prev && !request.AllowApiChanges
            ? ApiCompatibility.Breaking(changes, prev.Contract, request.Prompt.Contract)
            : [];
        var problems = compile.CallerErrors
            .Concat(shape)
            .Concat(breaking.Select(ApiChangeFormatter.Problem))
            .ToList();
        return new ItemVerdict(compile, problems, changes, compile.CallerErrors, breaking, shape);
    }

    /// <summary>The failure code when this verdict is the last one: callers first, then the API, then the shape.</summary>
    public string? FailureCode =>
        BrokenCallers.Count > 0 ? DiagnosticCodes.CallersBroken
        : BreakingChanges.Count > 0 ? DiagnosticCodes.ApiChangeNotAllowed
        : ShapeProblems.Count > 0 ? DiagnosticCodes.LibraryShape
        : null;

    /// <summary>The build error for this verdict after <paramref name="passes"/> passes, or null when another message fits.</summary>
    public string? FailureMessage(GenerationRequest request, int passes, string? provider)
    {
        var after = passes == 0 ? "" : " " + GenerationMessages.AfterPasses(passes, request.Model, provider);
        var kept = request.Previous is not null ? GenerationMessages.PreviousKept : "";
        return FailureCode switch
        {
            DiagnosticCodes.CallersBroken => GenerationMessages.CallersBroken(request.ItemPath, after, List(BrokenCallers), kept),
            DiagnosticCodes.ApiChangeNotAllowed =>
                GenerationMessages.ApiChangeNotAllowed(request.ItemPath, after, List(BreakingChanges.Select(c => c.ToString()).ToList()), kept),
            DiagnosticCodes.LibraryShape => GenerationMessages.LibraryShape(request.ItemPath, after, List(ShapeProblems)),
            _ => null,
        };
    }

    private static string List(IReadOnlyList<string> problems)
    {
        var shown = string.Join("; ", problems.Take(Shown));
        return problems.Count > Shown ? $"{shown} (and {problems.Count - Shown} more)" : shown;
    }
}
