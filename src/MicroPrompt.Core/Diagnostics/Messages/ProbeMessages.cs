using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>The texts of the probes: the request for edge cases sent to the model, and notes about it.</summary>
internal static class ProbeMessages
{
    public static IReadOnlyList<ChatMessage> Proposal(PromptDocument prompt, int max) =>
    [
        new(ChatRole.System,
            "You test specifications of small C# components. Given a spec, its public contract and its examples, you list "
            + "inputs on which two correct implementations of the spec could plausibly behave differently: cases the spec "
            + "and the examples leave open (separators, case, whitespace, empty or huge values, unusual characters, boundaries, "
            + "invalid input). You never write implementations or expected results."),
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

    public static string ProposalFailed(Exception ex)
        => $"The model's edge-case probes could not be fetched ({ex.GetType().Name}: {ex.Message}); only probes derived from the contract's types are run.";
}
