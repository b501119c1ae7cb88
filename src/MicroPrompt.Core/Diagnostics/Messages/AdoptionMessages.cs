namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The messages of <c>dotnet mprompt adopt</c> / <c>absorb</c>: a hand edit that does not verify, a prompt the model could not amend.</summary>
internal static class AdoptionMessages
{
    /// <param name="code">The verification's failure code (MP2001 when it has none).</param>
    /// <param name="problems">Empty, or the first errors, each preceded by a space.</param>
    public static MicroPromptDiagnostic NotAdopted(string code, string itemPath, string reason, string problems, string codeFile, string file) =>
        MicroPromptDiagnostic.Error(code,
            $"The hand edit of '{itemPath}' was not adopted: {reason}.{problems} Fix the code file ({codeFile}) and adopt again, or regenerate the item.",
            file, 1, 1);

    /// <summary>The reason a hand edit is not adopted when the generator can only generate.</summary>
    public const string CannotVerify = "the generator cannot verify code without a model";

    /// <summary>MP2004: verifying a hand edit never calls a model.</summary>
    public static string NeedsModelCall(string itemPath) => $"'{itemPath}' needs a model call, which adopt never makes; build the project to regenerate it.";

    /// <param name="why">Empty, or " (code: message)" of the first parse error.</param>
    public static MicroPromptDiagnostic PromptNotAmended(string why, string promptPath) => MicroPromptDiagnostic.Error(DiagnosticCodes.NoCodeInReply,
        $"The model's reply holds no prompt that parses{why}; the prompt was not amended. The hand edit is adopted; run absorb again or amend the prompt by hand.",
        promptPath, 1, 1);
}
