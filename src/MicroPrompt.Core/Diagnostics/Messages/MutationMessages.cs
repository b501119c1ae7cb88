using MicroPrompt.Mutation;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The messages of mutation testing and example strength (MP2070).</summary>
internal static class MutationMessages
{
    /// <summary>MP2070: mutants only mean something against code that passes its own examples.</summary>
    public static MicroPromptDiagnostic BaselineFails(string itemPath, MutantVerdict verdict)
    {
        var what = verdict.Status switch
        {
            MutantStatus.CompileError => "does not compile",
            MutantStatus.Timeout => "runs over the example time limit",
            _ => "fails its examples",
        };
        var detail = string.IsNullOrWhiteSpace(verdict.Detail) ? "" : $" ({verdict.Detail.Trim()})";
        return MicroPromptDiagnostic.Error(
            DiagnosticCodes.MutationBaselineFailed,
            $"{itemPath}: example strength cannot be measured: the code itself {what}{detail}. "
            + "Make the item pass its examples first (dotnet build), then run the check again.",
            itemPath);
    }

    /// <summary>The sentence of a surviving mutant: <c>your examples do not notice if `a &lt;= b` becomes `a &lt; b` (line 12)</c>.</summary>
    public static string NotNoticed(Mutant mutant) => mutant.Mutated.Length == 0
        ? $"your examples do not notice if `{mutant.Original}` is removed (line {mutant.Line})"
        : $"your examples do not notice if `{mutant.Original}` becomes `{mutant.Mutated}` (line {mutant.Line})";
}
