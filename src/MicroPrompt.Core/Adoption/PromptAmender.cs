using System.Text.RegularExpressions;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;
using MicroPrompt.History;
using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Adoption;

/// <summary>
/// <c>dotnet mprompt absorb</c>: asks the model to amend a prompt so that it describes what a hand edit of its code
/// changed (one call, no repair loop). The answer must be a whole <c>.mprompt</c> the parser accepts; it is proposed
/// for review, never applied here.
/// </summary>
public static partial class PromptAmender
{
    private const string Instructions =
        "You maintain micro-prompts: Markdown specifications (optional YAML front matter, a title, instructions, "
        + "## Contract and ## Examples sections) from which C# code is generated. A developer changed the generated code by hand. "
        + "Amend the prompt so that code generated from it would behave like the hand-edited code: change as little as possible, "
        + "keep its structure, front matter, contract and examples unless the edit changes them, and add an example for the new behaviour when one fits. "
        + "Reply with the complete amended prompt in one ```markdown fenced block and nothing else.";

    /// <summary>The amended prompt text.</summary>
    /// <param name="client">The chat client of the project's provider and model.</param>
    /// <param name="promptPath">The prompt file (for the parser's messages).</param>
    /// <param name="prompt">The prompt's current text.</param>
    /// <param name="originalCode">The code the prompt resolved to before the hand edit, when known.</param>
    /// <param name="editedCode">The hand-edited code.</param>
    /// <exception cref="MicroPromptException">MP2002: the reply holds no prompt the parser accepts.</exception>
    public static async Task<string> AmendAsync(IChatClient client, string promptPath, string prompt, string? originalCode, string editedCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fileName = Path.GetFileName(promptPath);
        var request = $"The prompt ({fileName}):\n```markdown\n{prompt.TrimEnd()}\n```\n\n"
            + (originalCode is null ? "" : $"The hand edit, as a diff of the generated code:\n```diff\n{TextDiff.Unified(originalCode, editedCode, fileName + ".cs").TrimEnd()}\n```\n\n")
            + $"The hand-edited code:\n```csharp\n{editedCode.TrimEnd()}\n```";
        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, request)],
            new ChatOptions { Temperature = 0 },
            cancellationToken).ConfigureAwait(false);
        var amended = Extract(response.Text ?? "");
        var parsed = PromptParser.Parse(promptPath, amended);
        if (amended.Trim().Length == 0 || !parsed.Success)
        {
            var why = parsed.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error ? $" ({error.Code}: {error.Message})" : "";
            throw new MicroPromptException(AdoptionMessages.PromptNotAmended(why, promptPath));
        }

        return CodeExtractor.NormalizeNewlines(amended).TrimEnd() + "\n";
    }

    /// <summary>The reply's ```markdown / ```md / ```mprompt (or bare ```) block up to its last closing fence (prompts hold fenced blocks too), else the whole reply.</summary>
    internal static string Extract(string reply)
    {
        var text = CodeExtractor.NormalizeNewlines(reply);
        var match = Fence().Match(text);
        return match.Success ? match.Groups["body"].Value : text.Trim();
    }

    [GeneratedRegex(@"^```[ \t]*(?:markdown|md|mprompt)?[ \t]*\n(?<body>.*)\n```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
