using MicroPrompt.Hashing;
using MicroPrompt.Keys;

namespace MicroPrompt.Core.Tests.Keys;

public class KeyInputHashesTests
{
    private static KeyInputs Sample(
        string prompt = "# Slug\n\nMake a URL slug.\n",
        string model = "gpt-4.1-mini",
        string kind = "library",
        string ns = "Acme.Text",
        string targetFramework = "net8.0",
        string langVersion = "latest",
        string nullable = "enable",
        bool implicitUsings = true,
        IReadOnlyList<string>? usings = null,
        string repair = "exec",
        int maxPasses = 3,
        IReadOnlyDictionary<string, string>? packages = null,
        IReadOnlyDictionary<string, string>? uses = null) => new()
    {
        PromptText = prompt,
        Model = model,
        Kind = kind,
        Namespace = ns,
        TargetFramework = targetFramework,
        LangVersion = langVersion,
        Nullable = nullable,
        ImplicitUsings = implicitUsings,
        GlobalUsings = usings ?? [],
        RepairMode = repair,
        MaxPasses = maxPasses,
        RequiredPackages = packages ?? new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1" },
        UsedCodeHashes = uses ?? new Dictionary<string, string> { ["Text/Case.mprompt"] = new string('B', 64) },
    };

    [Fact]
    public void Every_named_input_has_one_hash()
    {
        var hashes = KeyInputHashes.Of(Sample());

        Assert.Equal(
            ["langVersion", "model", "namespace", "nullable", "prompt", "repair", "requires:newtonsoft.json", "targetFramework", "template",
             "uses:Text/Case.mprompt", "usings"], // ordinal
            hashes.Keys);
        Assert.All(hashes.Values, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.Equal(GenerationKey.PromptHash("# Slug\n\nMake a URL slug.\n"), hashes["prompt"]); // the entry's promptHash
        Assert.Equal(new string('b', 64), hashes["uses:Text/Case.mprompt"]); // the used item's code hash itself
        Assert.Equal(hashes.Count, hashes.Values.Distinct().Count());
    }

    [Fact]
    public void Normalizations_that_keep_the_key_keep_the_hashes()
    {
        var plain = Sample();
        var noisy = Sample(
            prompt: "\uFEFF# Slug  \r\n\r\nMake a URL slug.\r\n\r\n",
            model: " gpt-4.1-mini ",
            kind: "LIBRARY",
            targetFramework: "NET8.0",
            nullable: "Enable",
            repair: "EXEC",
            packages: new Dictionary<string, string> { ["NEWTONSOFT.JSON"] = "13.0.1.0" },
            uses: new Dictionary<string, string> { ["Text\\Case.mprompt"] = new string('b', 64) });

        Assert.Equal(GenerationKey.Compute(plain), GenerationKey.Compute(noisy));
        Assert.Equal(KeyInputHashes.Of(plain), KeyInputHashes.Of(noisy));
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("model")]
    [InlineData("namespace")]
    [InlineData("kind")]
    [InlineData("targetFramework")]
    [InlineData("langVersion")]
    [InlineData("nullable")]
    [InlineData("implicitUsings")]
    [InlineData("globalUsings")]
    [InlineData("repair")]
    [InlineData("maxPasses")]
    [InlineData("packageVersion")]
    [InlineData("usedCode")]
    public void A_changed_input_changes_its_hash_and_only_its_hash(string what)
    {
        var changed = what switch
        {
            "prompt" => Sample(prompt: "# Slug\n\nMake a slug."),
            "model" => Sample(model: "gpt-4.1"),
            "namespace" => Sample(ns: "Acme.Strings"),
            "kind" => Sample(kind: "program"),
            "targetFramework" => Sample(targetFramework: "net9.0"),
            "langVersion" => Sample(langVersion: "12"),
            "nullable" => Sample(nullable: "disable"),
            "implicitUsings" => Sample(implicitUsings: false),
            "globalUsings" => Sample(usings: ["System.Text.Json"]),
            "repair" => Sample(repair: "compile"),
            "maxPasses" => Sample(maxPasses: 5),
            "packageVersion" => Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.3" }),
            "usedCode" => Sample(uses: new Dictionary<string, string> { ["Text/Case.mprompt"] = new string('c', 64) }),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var expected = what switch
        {
            "kind" => "namespace",
            "implicitUsings" or "globalUsings" => "usings",
            "maxPasses" => "repair",
            "packageVersion" => "requires:newtonsoft.json",
            "usedCode" => "uses:Text/Case.mprompt",
            _ => what,
        };

        Assert.NotEqual(GenerationKey.Compute(Sample()), GenerationKey.Compute(changed));
        Assert.Equal([expected], KeyInputHashes.Changed(KeyInputHashes.Of(Sample()), KeyInputHashes.Of(changed)));
    }

    [Fact]
    public void Changed_reports_added_removed_and_changed_names_sorted()
    {
        var before = KeyInputHashes.Of(Sample(
            packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["Humanizer"] = "2.14.1" }));
        var after = KeyInputHashes.Of(Sample(
            prompt: "# Slug v2",
            packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["Polly"] = "8.4.0" },
            uses: new Dictionary<string, string>()));

        Assert.Equal(
            ["prompt", "requires:humanizer", "requires:polly", "uses:Text/Case.mprompt"],
            KeyInputHashes.Changed(before, after));
        Assert.Empty(KeyInputHashes.Changed(before, before));
    }

    [Fact]
    public void Changed_against_nothing_recorded_reports_every_name()
    {
        var current = KeyInputHashes.Of(Sample());
        Assert.Equal(current.Keys, KeyInputHashes.Changed(null, current));
        Assert.Equal(["prompt"], KeyInputHashes.Changed(new Dictionary<string, string>(), new Dictionary<string, string> { ["prompt"] = "a" }));
    }

    [Fact]
    public void The_same_package_twice_with_different_versions_is_refused_as_by_the_key()
    {
        var twice = Sample(packages: new Dictionary<string, string> { ["Polly"] = "8.4.0", ["polly"] = "8.5.0" });
        Assert.Throws<ArgumentException>(() => GenerationKey.Compute(twice));
        Assert.Throws<ArgumentException>(() => KeyInputHashes.Of(twice));
    }

    [Fact]
    public void Template_hash_is_of_both_versions()
    {
        var expected = ContentHash.Sha256Hex($"[\"{GenerationKey.FormatVersion}\",\"{GenerationKey.TemplateVersion}\"]");
        Assert.Equal(expected, KeyInputHashes.Of(Sample())["template"]);
    }
}
