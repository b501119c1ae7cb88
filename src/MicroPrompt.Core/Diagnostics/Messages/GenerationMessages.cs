namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of planning and generating an item: no model for it (MP1001), a <c>requires:</c> package missing
/// (MP1006), the outcome of the passes (MP2001–MP2003, MP2007), a locked build without a resolution (MP2004), a failed
/// dependency (MP2005) and the regeneration rules (MP2040–MP2042). The outcome texts are strings: a generation outcome
/// carries its code and message separately until the resolver reports them.
/// </summary>
internal static class GenerationMessages
{
    private const string RaisePassesOrTryAnotherModel = "raise MicroPromptMaxPasses, or try another model.";

    /// <summary>"model 'm' (provider)": the model an outcome names.</summary>
    public static string Model(string model, string? provider) => $"model '{model}'{(string.IsNullOrEmpty(provider) ? "" : $" ({provider})")}";

    /// <summary>"after 2 passes with the model 'm' (provider)".</summary>
    public static string AfterPasses(int passes, string model, string? provider) => $"after {passes} {Passes(passes)} with the {Model(model, provider)}";

    public static MicroPromptDiagnostic NoModelForItem(string itemPath, string file) => MicroPromptDiagnostic.Error(DiagnosticCodes.NoModel,
        $"No model for '{itemPath}'. {Advice.SetModel}", file, 1, 1);

    public static MicroPromptDiagnostic RequiresNotReferenced(string requirement, string problem, string file, int line, int column) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.RequiresNotReferenced, $"'requires: {requirement}' but {problem}", file, line, column);

    /// <summary>MP2003.</summary>
    public static string Refused(string model, string? provider, string itemPath, string refusal)
        => $"The {Model(model, provider)} refused to generate '{itemPath}': {refusal} Rephrase the prompt or pin another model for this item.";

    /// <summary>MP2002.</summary>
    public static string NoUsableCode(string itemPath, string model, string? provider, int passes, string? firstError)
        => $"'{itemPath}': the {Model(model, provider)} gave no usable code after {passes} {Passes(passes)}: "
           + $"{firstError} Try another model, or make the prompt ask for one C# file.";

    /// <summary>MP2001; <paramref name="errors"/> are the compiler's last errors as shown.</summary>
    public static string DoesNotCompile(string itemPath, string model, string? provider, int passes, string errors)
        => $"'{itemPath}' still does not compile {AfterPasses(passes, model, provider)}: {errors}. "
           + $"Clarify the prompt or its contract, {RaisePassesOrTryAnotherModel}";

    /// <summary>MP2007; <paramref name="shown"/> are the failing examples as shown.</summary>
    public static string ExamplesFail(string itemPath, int failed, int total, string model, string? provider, int passes, string shown)
        => $"'{itemPath}' compiles but fails {failed} of {total} example(s) {AfterPasses(passes, model, provider)}: {shown}. "
           + $"Check that the examples are right, clarify the prompt, {RaisePassesOrTryAnotherModel}";

    /// <summary>The fallback of an outcome without a message.</summary>
    public static string CouldNotGenerate(string itemPath) => $"'{itemPath}' could not be generated.";

    /// <summary>MP2041; <paramref name="after"/> is empty or " after N passes with …", <paramref name="kept"/> empty or a sentence.</summary>
    public static string CallersBroken(string itemPath, string after, string callers, string kept)
        => $"'{itemPath}': the new code breaks its callers{after}: {callers}.{kept} "
           + "Keep the API the callers use in the prompt's ## Contract, or change the callers, then build again.";

    /// <summary>MP2042.</summary>
    public static string ApiChangeNotAllowed(string itemPath, string after, string changes, string kept)
        => $"'{itemPath}': the regenerated code changes the public API{after}: {changes}.{kept} "
           + "Change the ## Contract the same way, or set MicroPromptAllowApiChanges=true (or name the item) to accept it.";

    /// <summary>MP2040.</summary>
    public static string LibraryShape(string itemPath, string after, string problems)
        => $"'{itemPath}' is a library, but its code{after} still has: {problems}. "
           + "Declare every public type in the ## Contract, or ask for `kind: program` if it is an entry point.";

    /// <summary>The sentence added when a failed regeneration keeps the previous resolution.</summary>
    public const string PreviousKept = " The previous resolution stays in place.";

    /// <summary>A budget refusal (MP3002/MP3003 from <see cref="BudgetMessages"/>) of one item.</summary>
    public static MicroPromptDiagnostic NotGenerated(string code, string itemPath, string reason, string file)
        => MicroPromptDiagnostic.Error(code, $"'{itemPath}' was not generated: {reason}", file, 1, 1);

    /// <summary>MP1012 for a model call that failed in a way the provider classification does not know.</summary>
    public static MicroPromptDiagnostic CallFailed(string itemPath, Exception exception) => MicroPromptDiagnostic.Error(DiagnosticCodes.ProviderBadResponse,
        $"The model call for '{itemPath}' failed: {exception.GetType().Name}: {exception.Message}");

    /// <param name="inUserCache">The user cache holds the generation: no model call is needed, only an unlocked build.</param>
    public static MicroPromptDiagnostic LockedMissingResolution(string itemPath, string model, string key, bool inUserCache, string file) =>
        MicroPromptDiagnostic.Error(
            DiagnosticCodes.LockedMissingResolution,
            inUserCache
                ? $"'{itemPath}' is not recorded in the committed resolved state for its current prompt and settings (key {key}), but your user cache has it. " +
                  $"Build once with {Advice.Unlock} (no model call is needed) and commit the store folder (.microprompt/)."
                : $"'{itemPath}' has no resolved code for its current prompt and settings (model '{model}', key {key}), and {Advice.ModelCallsNotAllowed()}. " +
                  $"Build once with {Advice.Unlock} and a model endpoint, then commit the store folder (.microprompt/).",
            file, 1, 1);

    public static MicroPromptDiagnostic DependencyFailed(string itemPath, string dependency, string file) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.DependencyFailed, $"'{itemPath}' uses '{dependency}', which could not be resolved; fix that prompt first.", file, 1, 1);

    private static string Passes(int passes) => passes == 1 ? "pass" : "passes";
}
