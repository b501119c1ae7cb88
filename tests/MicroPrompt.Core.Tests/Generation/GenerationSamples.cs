using MicroPrompt.Generation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Generation;

/// <summary>Requests and replies shared by the generation tests (documents built directly, no parser).</summary>
internal static class GenerationSamples
{
    public const string SlugFile = """
        namespace Acme.Text;

        public static class Slug
        {
            public static string Make(string text) => text.ToLowerInvariant().Replace(' ', '-');
        }
        """;

    public static string Fenced(string code, string language = "csharp") => $"```{language}\n{code}\n```";

    public static PromptDocument Document(
        PromptKind kind = PromptKind.Library,
        string? contract = null,
        IReadOnlyList<PromptExample>? examples = null) => new()
    {
        FilePath = "/proj/Prompts/Slug.mprompt",
        Text = "# Slug\n\nMake a URL slug.\n",
        Title = "Slug",
        Instructions = "# Slug\n\nMake a URL slug: lower-case, spaces become dashes.",
        Contract = contract,
        Examples = examples ?? [],
        Kind = kind,
    };

    public static GenerationRequest Request(
        PromptDocument? prompt = null,
        RepairMode repair = RepairMode.Exec,
        int maxPasses = 3,
        IReadOnlyList<PackageInfo>? packages = null,
        IReadOnlyList<UsedItem>? uses = null,
        bool implicitUsings = true) => new()
    {
        Prompt = prompt ?? Document(),
        ItemPath = "Prompts/Slug.mprompt",
        Namespace = "Acme.Text",
        Model = "test-model",
        Project = new ProjectContext
        {
            ProjectDirectory = "/proj",
            RootNamespace = "Acme",
            TargetFramework = "net8.0",
            LangVersion = "12.0",
            Nullable = "enable",
            ImplicitUsings = implicitUsings,
            PackageReferences = packages ?? [],
        },
        Uses = uses ?? [],
        CompanionSources = ["namespace Acme.Other; public class Companion { }"],
        Repair = repair,
        MaxPasses = maxPasses,
    };
}
