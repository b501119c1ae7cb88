using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Resolution;

public class ItemPlanningTests
{
    [Fact]
    public void The_project_an_item_sees_keeps_every_setting_and_offers_only_the_packages_it_requires()
    {
        var project = new ProjectContext
        {
            ProjectDirectory = "/p",
            RootNamespace = "App",
            TargetFramework = "net10.0",
            LangVersion = "13",
            Nullable = "enable",
            ImplicitUsings = true,
            GlobalUsings = [new GlobalUsing("Acme")],
            IsExecutable = true,
            PackageReferences = [new PackageInfo("Newtonsoft.Json", "13.0.3"), new PackageInfo("Polly", "8.5.0")],
            ReferencePaths = ["/r/a.dll"],
            SourceFiles = ["/p/Program.cs"],
            DefineConstants = ["DEBUG"],
            AnalyzerPaths = ["/a/gen.dll"],
        };
        var document = PromptParser.Parse("A.mprompt", "---\nrequires: [newtonsoft.json >= 13.0.1]\n---\n# A\n\nDo it.\n").Document!;

        var seen = ItemPlanning.ProjectFor(project, document);

        Assert.Equal("Newtonsoft.Json", Assert.Single(seen.PackageReferences).Id);
        // Every other property is the project's own (a property added later is carried over, not forgotten).
        foreach (var property in typeof(ProjectContext).GetProperties().Where(p => p.Name != nameof(ProjectContext.PackageReferences)))
        {
            Assert.Equal(property.GetValue(project), property.GetValue(seen));
        }
    }
}
