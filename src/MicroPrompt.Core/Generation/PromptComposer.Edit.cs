using System.Text;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

public static partial class PromptComposer
{
    /// <summary>
    /// The user message of an edit-in-place regeneration: the current prompt, how it changed (unified diff, when the
    /// previous text is known), and the previous resolved code, with the request for the smallest change. Its wording
    /// is versioned by <c>GenerationKey.EditTemplateVersion</c>.
    /// </summary>
    private static string EditText(GenerationRequest request, PreviousResolution previous)
    {
        var s = new StringBuilder();
        s.Append("This item already has working code, generated from an earlier version of its prompt. The prompt has changed. ")
            .Append("Change the existing code so that it implements the NEW prompt, and change nothing else:\n")
            .Append("- make the smallest change that does it;\n")
            .Append("- keep every name, signature, public member, file structure, comment and behaviour the prompt change does not touch: ")
            .Append("other files of the project call this code;\n")
            .Append("- reply with the whole updated file in one ```csharp block, then the ```assumptions block with the assumptions of the ")
            .Append("updated code: keep those that still hold, change or drop those the new prompt settles, add any new ones.\n\n");

        s.Append("# The new prompt\n\n").Append(UserText(request.Prompt));

        if (!string.IsNullOrEmpty(previous.PromptDiff))
        {
            s.Append("\n# What changed in the prompt (unified diff, previous → new)\n```diff\n").Append(EnsureNewline(previous.PromptDiff)).Append("```\n");
        }
        else
        {
            s.Append("\n# What changed in the prompt\nThe previous prompt's text is not available; compare the code with the new prompt above.\n");
        }

        s.Append("\n# The existing code\n```csharp\n").Append(EnsureNewline(CodeExtractor.NormalizeNewlines(previous.Code))).Append("```\n");
        if (previous.Assumptions.Count > 0)
        {
            s.Append("\n# The existing code's assumptions\n```assumptions\n");
            foreach (var assumption in previous.Assumptions)
            {
                s.Append("- ").Append(assumption).Append('\n');
            }

            s.Append("```\n");
        }
        return s.ToString();
    }
}
