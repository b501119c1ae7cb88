using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MicroPrompt.Core.Tests.Reporting;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Editors;

/// <summary>docs/mprompt.schema.json (what editors complete and check the front matter against) against the parser.</summary>
public class FrontMatterSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(ReportSchema.RepoRoot(), "docs", "mprompt.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    /// <summary>Keys the schema documents before the binder of this branch knows them (added by a concurrent change).</summary>
    private static readonly string[] PendingKeys = FrontMatterBinder.AllowedKeys.Contains("regeneration") ? [] : ["regeneration"];

    public static TheoryData<string> RepositoryPrompts()
    {
        var root = ReportSchema.RepoRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.mprompt", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                     .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "artifacts" or ".git" or "TestResults"))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void The_repository_has_prompts_to_check()
        => Assert.True(RepositoryPrompts().Count >= 40, "expected the samples' prompts (QuickStart, Bench)");

    [Theory]
    [MemberData(nameof(RepositoryPrompts))]
    public void Every_prompt_in_the_repository_matches_the_schema(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(ReportSchema.RepoRoot(), relativePath));
        Assert.True(PromptParser.Parse(relativePath, text).Success, "sanity: the parser accepts " + relativePath);
        var frontMatter = FrontMatterJson.FromPrompt(text) ?? new JsonObject();
        AssertValid(frontMatter, relativePath);
    }

    [Fact]
    public void The_schema_documents_exactly_the_keys_the_binder_knows()
    {
        var properties = JsonNode.Parse(File.ReadAllText(SchemaPath))!["properties"]!.AsObject();
        Assert.Equal(FrontMatterBinder.AllowedKeys.Concat(PendingKeys).Order(StringComparer.Ordinal),
            properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (key, definition) in properties)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition?["description"]?.GetValue<string>()), $"'{key}' has no description");
        }

        Assert.False(JsonNode.Parse(File.ReadAllText(SchemaPath))!["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("model: gpt-4.1-mini\nkind: program\nnamespace: Acme.Billing\nuses: [../Text/Slug.mprompt]\nrequires: [Newtonsoft.Json >= 13.0.1, Polly 8.0.0, \"Markdig [0.40,1.0)\"]\nreview: 2\ncapabilities: [network, filesystem]\ntags: [api, oauth2, file-data]")]
    [InlineData("uses: Money.mprompt")]
    [InlineData("uses:")]
    [InlineData("uses:\n  - A.mprompt\n  - ../B/C.mprompt")]
    [InlineData("capabilities: network")]
    [InlineData("tags: api")]
    [InlineData("requires: Newtonsoft.Json")]
    [InlineData("requires: [\"Newtonsoft.Json>=13.0.1\"]")]
    [InlineData("review: 0")]
    [InlineData("namespace: Acme.Classes")]
    [InlineData("kind: library")]
    public void Front_matter_the_parser_accepts_matches_the_schema(string yaml)
    {
        Assert.True(Parse(yaml).Success, string.Join("\n", Parse(yaml).Diagnostics.Select(d => d.Message)));
        AssertValid(FrontMatterJson.FromYaml(yaml), yaml);
    }

    [Theory]
    [InlineData("modle: x")]
    [InlineData("kind: banana")]
    [InlineData("kind:")]
    [InlineData("model: \"\"")]
    [InlineData("model: [a, b]")]
    [InlineData("review: -1")]
    [InlineData("review: 1.5")]
    [InlineData("review: many")]
    [InlineData("capabilities: [telepathy]")]
    [InlineData("capabilities: {network: true}")]
    [InlineData("tags: [\"a b\"]")]
    [InlineData("namespace: Acme..Billing")]
    [InlineData("namespace: 9Lives")]
    [InlineData("namespace: Acme.class")]
    [InlineData("uses: [/etc/x.mprompt]")]
    [InlineData("uses: {a: b}")]
    [InlineData("requires: [Newtonsoft.Json >= 1.*]")]
    [InlineData("requires: [\">= 1.0\"]")]
    public void Front_matter_the_parser_rejects_is_rejected_by_the_schema(string yaml)
    {
        Assert.False(Parse(yaml).Success, "sanity: the parser rejects " + yaml);
        Assert.False(Evaluate(FrontMatterJson.FromYaml(yaml)).IsValid, "the schema accepts what the build rejects: " + yaml);
    }

    [Theory]
    [InlineData("regeneration: edit", true)]
    [InlineData("regeneration: fresh", true)]
    [InlineData("regeneration: sometimes", false)]
    public void Regeneration_is_edit_or_fresh(string yaml, bool valid)
    {
        Assert.Equal(valid, Evaluate(FrontMatterJson.FromYaml(yaml)).IsValid);
        if (PendingKeys.Length == 0)
        {
            Assert.Equal(valid, Parse(yaml).Success);
        }
    }

    [Fact]
    public void Yaml_scalars_are_typed_like_an_editor_types_them()
    {
        var json = FrontMatterJson.FromYaml("review: 2\nmodel: \"2\"\nuses:\ntags: [a]");
        Assert.Equal(JsonValueKind.Number, json["review"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, json["model"]!.GetValueKind());
        Assert.Null(json["uses"]);
        Assert.True(json.AsObject().ContainsKey("uses"));
    }

    private static PromptParseResult Parse(string yaml) => PromptParser.Parse("p.mprompt", $"---\n{yaml}\n---\n# T\n\nDo it.\n");

    private static EvaluationResults Evaluate(JsonNode frontMatter)
        => Schema.Value.Evaluate(JsonSerializer.SerializeToElement(frontMatter), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static void AssertValid(JsonNode frontMatter, string what)
    {
        var result = Evaluate(frontMatter);
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, $"{what}: the front matter does not match docs/mprompt.schema.json:\n" + string.Join("\n", errors));
    }
}
