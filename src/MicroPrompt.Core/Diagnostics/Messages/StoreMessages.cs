namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of the resolved state and the machine caches (MP4001–MP4008, MP4020): the lock file, resolved code,
/// hand edits, cache entries and writes. Each method returns the diagnostic of one code (or, for the cache files, the
/// message their shared reader wraps in MP4005/MP4006).
/// </summary>
internal static class StoreMessages
{
    public static MicroPromptDiagnostic LockUnreadable(string what, string lockPath) => MicroPromptDiagnostic.Error(DiagnosticCodes.LockUnreadable,
        $"The MicroPrompt lock file {what}. Restore it from source control, or {Advice.DeleteLockAndBuild}", lockPath);

    public static MicroPromptDiagnostic LockNotJson(string parserMessage, string lockPath, int line, int column) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.LockUnreadable,
        $"The MicroPrompt lock file is not valid JSON ({parserMessage}). Fix the merge conflict or edit, or {Advice.DeleteLockAndBuild}",
        lockPath, line, column);

    public static MicroPromptDiagnostic LockVersionUnsupported(string shown, int oldest, int current, bool newer, string lockPath)
    {
        var advice = newer
            ? "It was written by a newer MicroPrompt.Sdk: upgrade the SDK version of this project."
            : $"Restore lock.json from source control, or {Advice.DeleteLockAndBuild}";
        return MicroPromptDiagnostic.Error(DiagnosticCodes.LockVersionUnsupported,
            $"The MicroPrompt lock file has version {shown}; this SDK reads versions {oldest} to {current}. {advice}", lockPath);
    }

    public static MicroPromptDiagnostic CodeFileOutsideStore(string codeFile, string codeFolder, string lockPath) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ResolvedCodeMissing,
        $"The lock entry's codeFile '{codeFile}' does not name a file under '{codeFolder}/'. Restore lock.json, or {Advice.RegenerateAll} the item.",
        lockPath);

    public static MicroPromptDiagnostic CodeMissing(string codeFile, string path) => MicroPromptDiagnostic.Error(DiagnosticCodes.ResolvedCodeMissing,
        $"The resolved code '{codeFile}' listed in lock.json is missing. Restore it from source control "
        + $"(it belongs beside lock.json), or {Advice.RegenerateAll} it.", path);

    public static MicroPromptDiagnostic CodeUnreadable(string codeFile, string reason, string path) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ResolvedCodeMissing,
        $"The resolved code '{codeFile}' could not be read ({reason}). Check the file's permissions, or {Advice.RegenerateAll} it.", path);

    public static MicroPromptDiagnostic CodeChanged(string codeFile, string path) => MicroPromptDiagnostic.Error(DiagnosticCodes.ResolvedCodeTampered,
        $"The resolved code '{codeFile}' does not match the hash recorded in lock.json: it was changed by hand. "
        + $"Change the .mprompt instead and {Advice.RegenerateAll} it, or restore the file from source control.", path);

    public static MicroPromptDiagnostic HandEdited(string codeFile, string itemPath, string path) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ResolvedCodeTampered,
        $"The resolved code '{codeFile}' of '{itemPath}' was edited by hand: it no longer matches the hash recorded in lock.json. "
        + $"Run {Advice.Adopt(itemPath)} to verify the hand edit and record it as the resolution, or restore the file from "
        + $"source control, or regenerate it with {Advice.RegenerateItem(itemPath)} (the hand edit is lost).", path);

    public static MicroPromptDiagnostic InterruptedWrite(string codeFile, string itemPath, string path) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.ResolvedCodeTampered,
        $"The resolved code '{codeFile}' of '{itemPath}' does not match the hash recorded in lock.json, but it is the generation "
        + "your user cache holds for this item: an interrupted write of the store. An unlocked build completes it from the user cache; "
        + "or restore the store folder from source control.", path);

    /// <param name="changedInputs">The names of the inputs whose hashes changed (empty: only the key is known to differ).</param>
    public static MicroPromptDiagnostic HandEditConflict(string itemPath, string codeFile, IReadOnlyCollection<string> changedInputs, string file) =>
        MicroPromptDiagnostic.Error(
            DiagnosticCodes.HandEditConflict,
            $"'{itemPath}' conflicts: its resolved code '{codeFile}' was edited by hand, and its inputs changed since "
            + $"({(changedInputs.Count > 0 ? string.Join(", ", changedInputs) : "key")}). Neither side is picked. Keep the hand edit: revert the input change "
            + $"and run {Advice.Adopt(itemPath)} (then change the prompt again); keep the prompt: restore the code file from "
            + $"source control, or build with {Advice.RegenerateItem(itemPath)} to regenerate it (the hand edit is lost).",
            file, 1, 1);

    public static MicroPromptDiagnostic StoreWriteFailed(string reason, string path) => MicroPromptDiagnostic.Error(DiagnosticCodes.StoreWriteFailed,
        $"Could not write to the MicroPrompt store ({reason}). Check that the folder is writable, or set MicroPromptStore to another folder.", path);

    public static MicroPromptDiagnostic StoreCleanupFailed(string reason, string codeDirectory) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.StoreWriteFailed,
        $"Could not remove unreferenced code from the MicroPrompt store ({reason}). Check the folder's permissions.", codeDirectory);

    public static MicroPromptDiagnostic GeneratedCodeNotStored(string itemPath, string reason, string file) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.StoreWriteFailed, $"Could not store the code generated for '{itemPath}': {reason}", file, 1, 1);

    public static MicroPromptDiagnostic StoreLockTimeout(TimeSpan timeout, string path) => MicroPromptDiagnostic.Error(DiagnosticCodes.StoreLockTimeout,
        $"Another build held the MicroPrompt store lock for more than {timeout.TotalSeconds:0.#} s. "
        + "Wait for the other build of this project to finish, then build again.", path);

    /// <summary>MP4005 (a warning): a machine cache's entry could not be read; <paramref name="message"/> says which cache and what happens.</summary>
    public static MicroPromptDiagnostic CacheEntryCorrupt(string message, string path) => MicroPromptDiagnostic.Warning(DiagnosticCodes.CacheEntryCorrupt, message, path);

    /// <summary>MP4006 (a warning: a cache is an optimization): a machine cache's entry could not be written.</summary>
    public static MicroPromptDiagnostic CacheWriteFailed(string message, string path) => MicroPromptDiagnostic.Warning(DiagnosticCodes.StoreWriteFailed, message, path);

    public static string CachedGenerationUnreadable(Exception e)
        => $"The cached generation could not be read ({e.Message}); it will be generated again. Check the cache folder's permissions.";

    /// <param name="outcome">What happened to the file ("it was set aside as …").</param>
    public static string CachedGenerationCorrupt(string reason, string outcome)
        => $"The cached generation was corrupt ({reason}); {outcome} and the item will be generated again. "
           + "Nothing to do unless this repeats; then check the disk or the tool writing to the cache folder.";

    public static string CachedGenerationNotWritten(Exception e, string directoryVariable)
        => $"Could not write to the MicroPrompt cache ({e.Message}); the generation was not cached. "
           + $"Check that the folder is writable, or set {directoryVariable} to another folder.";

}
