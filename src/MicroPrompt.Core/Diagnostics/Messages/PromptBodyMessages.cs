namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of a prompt's Markdown body (MP0030–MP0033): instructions, <c>## Contract</c>, <c>## Examples</c>.
/// Program examples have their own: <see cref="ProgramExampleMessages"/>. The parser adds the location.
/// </summary>
internal static class PromptBodyMessages
{
    public static MicroPromptDiagnostic NoInstructions() => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptNoInstructions,
        "The prompt has no instructions: below the front matter, write in plain text what the code should do " +
        "(text under '## Contract' and '## Examples' does not count).");

    public static MicroPromptDiagnostic SeveralContracts() => MicroPromptDiagnostic.Error(DiagnosticCodes.ContractMalformed,
        "There is more than one '## Contract' section; merge them into one.");

    public static MicroPromptDiagnostic ContractWithoutCode() => MicroPromptDiagnostic.Error(DiagnosticCodes.ContractMalformed,
        "The '## Contract' section has no fenced code block; put the public API in a ```csharp block, or remove the section.");

    public static MicroPromptDiagnostic ContractNotCSharp(string language) => MicroPromptDiagnostic.Error(DiagnosticCodes.ContractMalformed,
        $"The '## Contract' code block is marked '{language}'; the contract must be C# (```csharp).");

    public static MicroPromptDiagnostic ContractEmpty() => MicroPromptDiagnostic.Error(DiagnosticCodes.ContractMalformed,
        "The '## Contract' code block is empty; write the public types and members the code must expose.");

    public static MicroPromptDiagnostic NoExample() => MicroPromptDiagnostic.Warning(DiagnosticCodes.ExamplesMalformed,
        "The '## Examples' section has no example; write each one in a fenced code block (```csharp), " +
        "one boolean expression per line or one statement block per fence.");

    public static MicroPromptDiagnostic BodyUnreadable(string parserMessage) => MicroPromptDiagnostic.Error(DiagnosticCodes.PromptBodyMalformed,
        $"The Markdown body cannot be read: {parserMessage} Simplify the nesting of lists, quotes or brackets.");
}
