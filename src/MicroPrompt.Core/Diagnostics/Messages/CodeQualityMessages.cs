namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of the checks on generated code beyond compiling: the contract (MP2010), library hygiene
/// (MP2011–MP2014) and undeclared capabilities (MP2020). Quality findings are warnings located in the generated file.
/// </summary>
internal static class CodeQualityMessages
{
    private const string SyncOverAsyncAdvice = "blocks on a task (sync-over-async); make the caller async and await it.";

    public static MicroPromptDiagnostic ContractMismatch(string mismatch, string promptFile, int line, int column) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.ContractMismatch,
        $"The generated code does not match the contract: {mismatch}. Regenerate the item (MicroPromptRegenerate), or make the contract and the instructions agree.",
        promptFile, line, column);

    public static MicroPromptDiagnostic ReadsConsole(string access) => Finding(DiagnosticCodes.ConsoleOrExitInLibrary,
        $"a library item reads the console ({access}); take the input as a parameter instead.");

    public static MicroPromptDiagnostic EndsProcess(string access) => Finding(DiagnosticCodes.ConsoleOrExitInLibrary,
        $"a library item ends the process ({access}); throw an exception or return a result instead.");

    /// <param name="expression">The blocking expression as written, e.g. <c>task.Wait()</c> or <c>task.Result</c>.</param>
    public static MicroPromptDiagnostic SyncOverAsync(string expression) => Finding(DiagnosticCodes.SyncOverAsync,
        $"'{expression}' {SyncOverAsyncAdvice}");

    public static MicroPromptDiagnostic EmptyCatch(string clause) => Finding(DiagnosticCodes.EmptyCatch,
        $"an empty catch block ({clause}) hides every failure; handle, log or rethrow it, or let it propagate.");

    public static MicroPromptDiagnostic Undisposed(string local, string type) => Finding(DiagnosticCodes.UndisposedResource,
        $"'{local}' ({type}) is created with new and never disposed; declare it with 'using var' or dispose it in a finally block.");

    /// <summary>A finding located in the generated file, reported on the prompt.</summary>
    public static MicroPromptDiagnostic Located(string code, string message, string generatedFile, int line, int column, string promptFile)
        => MicroPromptDiagnostic.Warning(code, $"{generatedFile}({line},{column}): {message}", promptFile, 1, 1);

    /// <param name="uses">What the code uses that the prompt does not declare, each with the API and location.</param>
    /// <param name="capabilities">The capabilities list the front matter would need.</param>
    /// <param name="strict">MicroPromptStrictCapabilities: an error instead of a warning.</param>
    public static MicroPromptDiagnostic CapabilityNotDeclared(string itemPath, IEnumerable<string> uses, string capabilities, bool strict, string file, int line, int column)
    {
        var message = $"The code generated for '{itemPath}' uses {string.Join("; ", uses)}, which the prompt does not declare. "
            + $"Review the generated code; if it is intended, add 'capabilities: [{capabilities}]' to the front matter, otherwise tell the prompt not to use it.";
        return strict
            ? MicroPromptDiagnostic.Error(DiagnosticCodes.CapabilityNotDeclared, message, file, line, column)
            : MicroPromptDiagnostic.Warning(DiagnosticCodes.CapabilityNotDeclared, message, file, line, column);
    }

    private static MicroPromptDiagnostic Finding(string code, string message) => MicroPromptDiagnostic.Warning(code, message);
}
