using System.Globalization;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of model comparison runs: their settings (MP1030–MP1033), a locked comparison that is not cached
/// (MP2030), runs not made or failed, and the comparison-run cache (its MP4005/MP4006 texts).
/// </summary>
internal static class ComparisonMessages
{
    public static MicroPromptDiagnostic ModelEmpty(string models) => MicroPromptDiagnostic.Error(DiagnosticCodes.ComparisonModelEmpty,
        $"MicroPromptModels is '{models}', which has an empty model name; list model ids separated by ';', e.g. -p:MicroPromptModels=\"gpt-4.1-mini;gpt-4o\" (quote the value on the command line).");

    public static MicroPromptDiagnostic SamplesInvalid(string samples, int maxSamples) => MicroPromptDiagnostic.Error(DiagnosticCodes.ComparisonSamplesInvalid,
        $"MicroPromptSamples is '{samples}'; expected a whole number from 1 to {maxSamples} (independent runs per item, model and repair mode).");

    public static MicroPromptDiagnostic RepairModeUnknown(string? modes, string mode) => MicroPromptDiagnostic.Error(DiagnosticCodes.ComparisonRepairModeUnknown,
        $"MicroPromptCompareRepair is '{modes}': '{mode}' is not a repair mode; list exec, review and/or none separated by ';' (default exec;review).");

    public static MicroPromptDiagnostic TemperatureInvalid(string temperature, double maxTemperature) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ComparisonTemperatureInvalid,
        $"MicroPromptCompareTemperature is '{temperature}'; expected a number from 0 to {maxTemperature.ToString(CultureInfo.InvariantCulture)} with a '.' decimal point (0, the default, is what builds use; e.g. 0.7 makes samples independent draws).");

    /// <param name="first">The first run that is not cached: item, model, repair mode name and sample number.</param>
    public static MicroPromptDiagnostic RunsNotCached(int misses, int planned, (string ItemPath, string Model, string Mode, int Sample) first, string file, string purpose = "comparison") =>
        MicroPromptDiagnostic.Error(
            DiagnosticCodes.ComparisonRunNotCached,
            $"{misses} of {planned} {purpose} run(s) are not in the user cache (first: '{first.ItemPath}' with model '{first.Model}', {first.Mode} repair, sample {first.Sample}), "
            + $"and {Advice.ModelCallsNotAllowed()}. "
            + $"Run the {purpose} once with {Advice.Unlock} and a model endpoint, or keep the user cache (MicroPromptUserCache) between runs.",
            file, 1, 1);

    /// <summary>The budget refused a comparison run (<paramref name="code"/> MP3002 or MP3003); a spent budget is build-wide, so it has no file.</summary>
    public static MicroPromptDiagnostic RunsNotMade(string code, string reason, string file)
    {
        var buildWide = code == DiagnosticCodes.BudgetExceeded;
        return MicroPromptDiagnostic.Error(code,
            $"Comparison runs were not made: {reason}. What was measured is cached; {BudgetMessages.RaiseOrContinue}",
            buildWide ? null : file, buildWide ? 0 : 1, buildWide ? 0 : 1);
    }

    /// <summary>MP1012 for a comparison model call that failed in a way the provider classification does not know.</summary>
    public static MicroPromptDiagnostic CallFailed(string itemPath, Exception exception, string purpose = "comparison") => MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderBadResponse,
        $"A {purpose} model call for '{itemPath}' failed: {exception.GetType().Name}: {exception.Message}");

    public static string CachedRunUnreadable(Exception e) => $"A cached comparison run could not be read ({e.Message}); it will be run again.";

    /// <param name="outcome">What happened to the file ("it was set aside as …").</param>
    public static string CachedRunUnusable(string reason, string outcome) => $"A cached comparison run was unusable because {reason}; {outcome} and it will be run again.";

    public static string RunNotCached(Exception e) => $"A comparison run could not be cached ({e.Message}); the next comparison runs it again.";
}
