namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of a <c>.mprompt</c> file that cannot be read as text (MP0001–MP0004) and of a parser failure (MP9001).
/// Each method returns the diagnostic of one code without a location; the parser adds the file, line and column.
/// </summary>
internal static class PromptFileMessages
{
    private const string SaveAsUtf8 = "save it as UTF-8";

    public static MicroPromptDiagnostic FileMissing() => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptUnreadable,
        "The prompt file does not exist; check the path of the MicroPrompt item.");

    public static MicroPromptDiagnostic FileUnreadable(string reason) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptUnreadable,
        $"The prompt file cannot be read ({reason}); check that it exists and is readable.");

    public static MicroPromptDiagnostic Empty() => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptEmpty,
        "The prompt file is empty; write what the code should do (see the .mprompt format in the README), or delete the file.");

    public static MicroPromptDiagnostic Utf16() => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptNotText,
        $"The prompt is UTF-16 encoded; {SaveAsUtf8}.");

    /// <param name="what">"bytes" (the file's bytes) or "characters" (its decoded text).</param>
    public static MicroPromptDiagnostic Binary(string what) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptNotText,
        $"The prompt contains NUL {what}, so it looks like a binary file; a .mprompt must be UTF-8 text.");

    public static MicroPromptDiagnostic InvalidUtf8(byte value, int offset) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptNotText,
        $"The prompt is not valid UTF-8 (byte 0x{value:X2} at offset {offset}); {SaveAsUtf8}.");

    public static MicroPromptDiagnostic UnpairedSurrogate() => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptNotText,
        $"The prompt contains invalid Unicode (an unpaired surrogate); {SaveAsUtf8} text.");

    public static MicroPromptDiagnostic TooLarge(long bytes, long maxBytes) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptTooLarge,
        $"The prompt is {bytes} bytes, over the {maxBytes}-byte limit; split it into smaller prompts linked with 'uses:'.");

    public static MicroPromptDiagnostic FrontMatterTooLarge(int chars, int maxChars) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptTooLarge,
        $"The front matter is {chars} characters, over the {maxChars}-character limit; keep only the keys "
        + "model, kind, namespace, uses, requires, review and capabilities there, and put text in the body.");

    public static MicroPromptDiagnostic ParserFailed(Exception exception) => MicroPromptDiagnostic.Error(DiagnosticCodes.InternalError,
        $"The prompt parser failed unexpectedly ({exception.GetType().Name}: {exception.Message}); please report this with the file.");
}
