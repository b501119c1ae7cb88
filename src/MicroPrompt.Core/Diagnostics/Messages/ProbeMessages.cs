using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The texts of the probes: the request for edge cases sent to the model, and notes about it.</summary>
internal static class ProbeMessages
{
    private const string System =
        "You test specifications of small C# components. Given a spec, its public contract and its examples, you list "
        + "inputs on which two correct implementations of the spec could plausibly behave differently: cases the spec "
        + "and the examples leave open (separators, case, whitespace, empty or huge values, unusual characters, boundaries, "
        + "invalid input). You never write implementations or expected results.";

    public static IReadOnlyList<ChatMessage> Proposal(PromptDocument prompt, int max) =>
    [
        new(ChatRole.System, System),
        new(ChatRole.User,
            $"""
            Spec:
            {prompt.Instructions.Trim()}

            Contract:
            ```csharp
            {prompt.Contract!.Trim()}
            ```

            Examples (already covered; do not repeat them):
            ```csharp
            {string.Join("\n", prompt.Examples.Select(e => e.Code.Trim()))}
            ```

            Reply with at most {max} C# expressions in one ```csharp block, one per line, each a call of the contract's
            public API with literal arguments (for example `Type.Method("a_b")`). No expected values, no assertions, no prose.
            """),
    ];

    public static IReadOnlyList<ChatMessage> ProgramProposal(PromptDocument prompt, int max) =>
    [
        new(ChatRole.System, System),
        new(ChatRole.User,
            $"""
            Spec of a command-line program:
            {prompt.Instructions.Trim()}

            Examples (already covered; do not repeat them):
            ```text
            {string.Join("\n---\n", prompt.Examples.Select(e => e.Code.Trim()))}
            ```

            Reply with at most {max} runs of the program in one ```json block, one JSON object per line, each with the
            command-line arguments and standard input, for example {"{"}"args": ["--upper", ""], "stdin": "a\tb\n"{"}"}.
            The program starts in an empty directory (a file argument names a missing file). No expected output, no prose.
            """),
    ];

    public static string ProposalFailed(Exception ex)
        => $"The model's edge-case probes could not be fetched ({ex.GetType().Name}: {ex.Message}); only probes derived from the contract's types are run.";
}
