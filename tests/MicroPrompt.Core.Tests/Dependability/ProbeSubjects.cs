using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Dependability;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>Probe subjects parsed from real .mprompt text, in a throw-away project.</summary>
internal static class ProbeSubjects
{
    public static PromptDocument Parse(string text, string path = "Prompts/Slug.mprompt")
    {
        var result = PromptParser.Parse(path, text);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        return result.Document!;
    }

    public static ProbeSubject Subject(TestProject project, string promptText, string nullable = "enable", string path = "Prompts/Slug.mprompt") => new()
    {
        ItemPath = path,
        Prompt = Parse(promptText, Path.Combine(project.Directory, path)),
        Namespace = "Acme.Text",
        Project = project.Context(nullable: nullable),
    };

    public static string Library(string contract, params string[] examples) => $"""
        ---
        kind: library
        ---
        # Item

        Do the thing the contract says.

        ## Contract
        ```csharp
        {contract}
        ```

        ## Examples
        ```csharp
        {string.Join("\n", examples)}
        ```
        """;
}
