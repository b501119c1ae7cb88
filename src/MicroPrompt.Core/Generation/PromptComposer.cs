using System.Text;
using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// Turns a <see cref="GenerationRequest"/> into the chat messages sent to the model, and writes the repair messages
/// that follow a pass that is not correct yet. The wording is deterministic (no timestamps, no machine data): it is
/// part of the cache key through the key's template version (<c>GenerationKey.TemplateVersion</c>), which must be
/// bumped whenever the wording here changes.
/// </summary>
public static partial class PromptComposer
{
    /// <summary>At most this many problems are listed in one repair message.</summary>
    public const int MaxRepairProblems = 20;

    private const string ImplicitUsingNamespaces =
        "System, System.Collections.Generic, System.IO, System.Linq, System.Net.Http, System.Threading, System.Threading.Tasks";

    /// <summary>The system message (rules, project, packages, used API) and the user message (the prompt itself).</summary>
    /// <param name="request">The item to generate.</param>
    /// <param name="publicApi">
    /// Maps a used item's code to the text the model is shown as its public API (e.g. a public-surface extractor);
    /// null shows the whole code.
    /// </param>
    public static IList<ChatMessage> Compose(GenerationRequest request, Func<string, string>? publicApi = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            new ChatMessage(ChatRole.System, SystemText(request, publicApi ?? (code => code))),
            new ChatMessage(ChatRole.User, request.Previous is { Edit: true } previous ? EditText(request, previous) : UserText(request.Prompt)),
        ];
    }

    /// <summary>The message sent after a pass whose code is not correct.</summary>
    /// <param name="problems">Compiler errors (already formatted with file, line and column) or failing checks.</param>
    /// <param name="mode">
    /// <see cref="RepairMode.Exec"/> lists <paramref name="problems"/>; <see cref="RepairMode.Review"/> asks for a
    /// self-review and never shows them (the model gets no execution output).
    /// </param>
    public static ChatMessage RepairMessage(IReadOnlyList<string> problems, RepairMode mode)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder();
        if (mode == RepairMode.Review)
        {
            text.Append("Review your code before it is accepted. Re-read the task, the contract and the examples, then check the file line by line:\n")
                .Append("- Does it compile? Every using directive present, every API called exists with that signature, types match, nothing is missing.\n")
                .Append("- Does it implement the contract exactly (names, signatures, accessibility)?\n")
                .Append("- Does it satisfy every example, including edge cases (empty input, null, boundaries)?\n")
                .Append("- Does it follow every rule (namespace, kind of file, available packages only)?\n")
                .Append("Fix everything that is wrong. Reply with the whole corrected file in one ```csharp block, even if nothing changed, ")
                .Append(AssumptionsAgain);
            return new ChatMessage(ChatRole.User, text.ToString());
        }

        text.Append("The code does not compile / fails these checks:\n");
        foreach (var problem in problems.Take(MaxRepairProblems))
        {
            text.Append("- ").Append(problem).Append('\n');
        }

        if (problems.Count > MaxRepairProblems)
        {
            text.Append("- … and ").Append(problems.Count - MaxRepairProblems).Append(" more.\n");
        }

        text.Append("Fix every problem. Reply with the whole corrected file in one ```csharp block, ").Append(AssumptionsAgain);
        return new ChatMessage(ChatRole.User, text.ToString());
    }

    /// <summary>The message sent after a reply from which no single file could be taken.</summary>
    internal static ChatMessage NoCodeMessage(string? problem)
    {
        var text = new StringBuilder("Your previous reply could not be used: ");
        text.Append(string.IsNullOrWhiteSpace(problem) ? "it contains no code block" : problem.Trim().TrimEnd('.'));
        text.Append(".\nReply with exactly ONE ```csharp block containing the whole C# file, then the ```assumptions block, and nothing else in code blocks.");
        return new ChatMessage(ChatRole.User, text.ToString());
    }

    private static string SystemText(GenerationRequest request, Func<string, string> publicApi)
    {
        var project = request.Project;
        var s = new StringBuilder();
        s.Append("You write one C# source file for a .NET project. Follow these rules exactly.\n\n");

        s.Append("# Reply format\n")
            .Append("- Reply with exactly ONE fenced code block tagged csharp (```csharp … ```) containing one complete C# file.\n")
            .Append("- Do not split the file into several blocks and do not add other code blocks (no usage samples); the only other block is the assumptions block below.\n")
            .Append(AssumptionsRule).Append("\n\n");

        s.Append("# The file\n")
            .Append("- Use the file-scoped namespace declaration `namespace ").Append(request.Namespace).Append(";`.\n")
            .Append("- Target framework: ").Append(project.TargetFramework).Append(".\n")
            .Append("- C# language version: ")
            .Append(project.LangVersion.Length == 0 ? "the default for " + project.TargetFramework : project.LangVersion)
            .Append(".\n")
            .Append("- Nullable reference types: ").Append(NullableText(project.Nullable)).Append('\n');
        if (project.ImplicitUsings)
        {
            s.Append("- Implicit usings are on: ").Append(ImplicitUsingNamespaces)
                .Append(" are imported already; write using directives for any other namespace.\n");
        }
        else
        {
            s.Append("- Implicit usings are off: write every using directive the file needs (including System).\n");
        }

        if (GlobalUsing.Extra(project) is { Count: > 0 } extraUsings)
        {
            s.Append("- The project also declares these global usings, imported in every file already: ")
                .Append(string.Join(" ", extraUsings.Select(d => "`" + d + "`"))).Append('\n');
        }

        s.Append('\n').Append("# Packages\n");
        var packages = project.PackageReferences
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (packages.Count == 0)
        {
            s.Append("- No NuGet packages are available: use only the .NET base class library.\n");
        }
        else
        {
            s.Append("- Available NuGet packages (exact versions):\n");
            foreach (var package in packages)
            {
                s.Append("  - ").Append(package.Id).Append(' ').Append(package.Version).Append('\n');
            }

            s.Append("- No other packages exist: use only these and the .NET base class library, and only APIs these versions have.\n");
        }

        s.Append('\n').Append(request.Prompt.Kind == PromptKind.Program ? ProgramRules : LibraryRules);

        if (request.Prompt.Contract is not null)
        {
            s.Append('\n').Append("# Contract\n")
                .Append("- The task has a `## Contract`: implement it exactly — same type names and kinds, member names, ")
                .Append("signatures, parameter names, default values and accessibility. Add non-public helpers only.\n");
        }

        if (request.Uses.Count > 0)
        {
            s.Append('\n').Append("# Code you may use\n")
                .Append("These types exist in other files of the project. Call them; do not declare them again. ")
                .Append("Add a using directive for their namespace when it is not yours.\n");
            foreach (var used in request.Uses)
            {
                s.Append("\n## ").Append(used.ItemPath).Append(" (namespace ").Append(used.Namespace).Append(")\n")
                    .Append("```csharp\n").Append(EnsureNewline(publicApi(used.Code))).Append("```\n");
            }
        }

        if (request.Prompt.Examples.Count > 0)
        {
            s.Append('\n').Append("# Examples\n")
                .Append(request.Prompt.Kind == PromptKind.Program
                    ? "- The `## Examples` are checks run against the built program (arguments and input → expected output and exit code). The code must satisfy every one.\n"
                    : "- The `## Examples` are checks compiled against your code: boolean expressions must be true, statement blocks must run without throwing. The code must satisfy every one.\n");
        }

        return s.ToString();
    }

    /// <summary>
    /// The request for assumptions (read by <see cref="AssumptionExtractor"/>): a block tagged <c>assumptions</c>, which
    /// the code extractor never takes for code. Not part of the template version: it asks for no different code, and a
    /// bump would regenerate every item of every user; code generated before it simply has no assumptions.
    /// </summary>
    private const string AssumptionsRule =
        "- After the code block, add one fenced block tagged assumptions (```assumptions … ```) listing the decisions you made "
        + "where the task is silent (edge cases, input limits, formats, error behaviour): one short line each, starting with \"- \", "
        + "at most 10; write \"- none\" when the task leaves nothing open. It is recorded for the reader and never compiled.";

    private const string AssumptionsAgain =
        "then the ```assumptions block again (updated where your change decided something new).";

    private const string LibraryRules =
        "# Kind: library\n"
        + "- Declare the public types the task asks for; helpers may be internal or private.\n"
        + "- No Main method, no top-level statements, no Console.ReadLine, no Environment.Exit.\n";

    private const string ProgramRules =
        "# Kind: program\n"
        + "- This file is the program's entry point: a static class with `static int Main(string[] args)` "
        + "(or `static async Task<int> Main(string[] args)`) inside the namespace. Do not use top-level statements "
        + "(they cannot be combined with the file-scoped namespace).\n"
        + "- Read input from args and standard input, write results to standard output and errors to standard error.\n"
        + "- Return the exit code from Main: 0 for success, non-zero for failure. Do not call Environment.Exit.\n";

    private static string UserText(PromptDocument prompt)
    {
        var s = new StringBuilder();
        var instructions = CodeExtractor.NormalizeNewlines(prompt.Instructions).Trim();
        if (prompt.Title is { Length: > 0 } title && !StartsWithHeading(instructions, title))
        {
            s.Append("# ").Append(title.Trim()).Append("\n\n");
        }

        s.Append(instructions).Append('\n');

        if (prompt.Contract is not null)
        {
            s.Append("\n## Contract\n```csharp\n").Append(EnsureNewline(CodeExtractor.NormalizeNewlines(prompt.Contract))).Append("```\n");
        }

        if (prompt.Examples.Count > 0)
        {
            s.Append("\n## Examples\n");
            foreach (var example in prompt.Examples)
            {
                s.Append("```").Append(example.Language).Append('\n')
                    .Append(EnsureNewline(CodeExtractor.NormalizeNewlines(example.Code)))
                    .Append("```\n");
            }
        }

        return s.ToString();
    }

    private static bool StartsWithHeading(string instructions, string title)
    {
        var firstLine = instructions.Split('\n', 2)[0].Trim();
        return firstLine.StartsWith('#') && firstLine.TrimStart('#').Trim() == title.Trim();
    }

    private static string NullableText(string nullable) => nullable.Trim().ToLowerInvariant() switch
    {
        "enable" => "enabled — annotate every reference that may be null with `?` and write code without nullable warnings.",
        "warnings" => "warnings only (annotations off) — write code without nullable warnings.",
        "annotations" => "annotations only (no warnings) — annotate references that may be null with `?`.",
        _ => "disabled — do not use `?` on reference types.",
    };

    private static string EnsureNewline(string text) => text.EndsWith('\n') ? text : text + "\n";
}
