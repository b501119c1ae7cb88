using System.Text;
using MicroPrompt.Hashing;
using MicroPrompt.Keys;

namespace MicroPrompt.Core.Tests.Keys;

public class GenerationKeyTests
{
    /// <summary>
    /// Computed once from <see cref="Sample"/> and pasted here. If this fails, the key format changed: every user's
    /// lock and cache would be invalidated. Only update it together with a bump of GenerationKey.FormatVersion
    /// (or TemplateVersion).
    /// </summary>
    private const string GoldenKey = "b9ad76d70a2eeb50e630c6f4c927aedcbfcf54228ab15cc943978363e166eae1";

    private static KeyInputs Sample(
        string? prompt = null,
        IReadOnlyDictionary<string, string>? packages = null,
        IReadOnlyDictionary<string, string>? uses = null) => new()
    {
        PromptText = prompt ?? "---\nmodel: gpt-4.1-mini\n---\n# Slug\n\nMake a URL slug: lower-case, é → e.\n",
        Model = "gpt-4.1-mini",
        Kind = "library",
        Namespace = "Acme.Text",
        TargetFramework = "net8.0",
        LangVersion = "latest",
        Nullable = "enable",
        ImplicitUsings = true,
        RepairMode = "exec",
        MaxPasses = 3,
        RequiredPackages = packages ?? new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["Humanizer"] = "2.14.1" },
        UsedCodeHashes = uses ?? new Dictionary<string, string> { ["Money.mprompt"] = new string('a', 64), ["Text/Case.mprompt"] = new string('b', 64) },
    };

    [Fact]
    public void Key_is_64_lower_case_hex()
    {
        var key = GenerationKey.Compute(Sample());
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Fact]
    public void Same_inputs_give_the_same_key()
    {
        Assert.Equal(GenerationKey.Compute(Sample()), GenerationKey.Compute(Sample()));
    }

    [Fact]
    public void Key_matches_the_golden_value()
    {
        Assert.Equal(GoldenKey, GenerationKey.Compute(Sample()));
    }

    [Fact]
    public void Key_is_the_hash_of_a_versioned_payload()
    {
        var payload = KeyPayload.WriteString(Sample());
        Assert.StartsWith($"{{\"format\":{GenerationKey.FormatVersion},\"template\":\"{GenerationKey.TemplateVersion}\",", payload);
        Assert.Contains("\"requires\":[[\"humanizer\",\"2.14.1\"],[\"newtonsoft.json\",\"13.0.1\"]]", payload);
        Assert.Contains("é → e", payload); // not escaped: independent of the runtime's Unicode tables
        Assert.Equal(ContentHash.Sha256Hex(Encoding.UTF8.GetBytes(payload)), GenerationKey.Compute(Sample()));
    }

    public static TheoryData<string> Changes() =>
    [
        "prompt", "model", "kind", "namespace", "tfm", "langversion", "nullable", "implicitusings", "repair", "maxpasses",
        "package-version", "package-added", "package-removed", "uses-hash", "uses-added", "uses-path",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_input_changes_the_key(string change)
    {
        var s = Sample();
        KeyInputs changed = change switch
        {
            "prompt" => Sample(prompt: s.PromptText + "Keep digits.\n"),
            "model" => Clone(s, model: "gpt-4.1"),
            "kind" => Clone(s, kind: "program"),
            "namespace" => Clone(s, ns: "Acme.Text2"),
            "tfm" => Clone(s, tfm: "net10.0"),
            "langversion" => Clone(s, lang: "12"),
            "nullable" => Clone(s, nullable: "disable"),
            "implicitusings" => Clone(s, implicitUsings: false),
            "repair" => Clone(s, repair: "review"),
            "maxpasses" => Clone(s, maxPasses: 4),
            "package-version" => Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.3", ["Humanizer"] = "2.14.1" }),
            "package-added" => Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["Humanizer"] = "2.14.1", ["Polly"] = "8.0.0" }),
            "package-removed" => Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1" }),
            "uses-hash" => Sample(uses: new Dictionary<string, string> { ["Money.mprompt"] = new string('c', 64), ["Text/Case.mprompt"] = new string('b', 64) }),
            "uses-added" => Sample(uses: new Dictionary<string, string> { ["Money.mprompt"] = new string('a', 64), ["Text/Case.mprompt"] = new string('b', 64), ["X.mprompt"] = new string('d', 64) }),
            "uses-path" => Sample(uses: new Dictionary<string, string> { ["Money2.mprompt"] = new string('a', 64), ["Text/Case.mprompt"] = new string('b', 64) }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.NotEqual(GenerationKey.Compute(s), GenerationKey.Compute(changed));
    }

    [Fact]
    public void Dictionary_order_does_not_change_the_key()
    {
        var forward = Sample(
            packages: new Dictionary<string, string> { ["A.Lib"] = "1.0.0", ["B.Lib"] = "2.0.0", ["C.Lib"] = "3.0.0" },
            uses: new Dictionary<string, string> { ["a.mprompt"] = "11", ["b.mprompt"] = "22" });
        var backward = Sample(
            packages: new Dictionary<string, string> { ["C.Lib"] = "3.0.0", ["B.Lib"] = "2.0.0", ["A.Lib"] = "1.0.0" },
            uses: new Dictionary<string, string> { ["b.mprompt"] = "22", ["a.mprompt"] = "11" });
        Assert.Equal(GenerationKey.Compute(forward), GenerationKey.Compute(backward));
    }

    [Fact]
    public void Package_id_case_and_version_spelling_do_not_change_the_key()
    {
        var a = Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["Humanizer"] = "2.14.1" });
        var b = Sample(packages: new Dictionary<string, string> { ["newtonsoft.json"] = "13.0.1.0", ["HUMANIZER"] = " 2.14.1 " });
        Assert.Equal(GenerationKey.Compute(a), GenerationKey.Compute(b));
    }

    [Fact]
    public void Conflicting_duplicate_package_ids_are_rejected()
    {
        var inputs = Sample(packages: new Dictionary<string, string> { ["Newtonsoft.Json"] = "13.0.1", ["newtonsoft.json"] = "12.0.0" });
        Assert.Throws<ArgumentException>(() => GenerationKey.Compute(inputs));
    }

    [Fact]
    public void Line_endings_trailing_white_space_bom_and_outer_blank_lines_do_not_change_the_key()
    {
        var lf = Sample(prompt: "# Slug\n\nMake a slug.\n- keep digits\n");
        var crlf = Sample(prompt: "# Slug\r\n\r\nMake a slug.\r\n- keep digits\r\n");
        var cr = Sample(prompt: "# Slug\r\rMake a slug.\r- keep digits");
        var spaces = Sample(prompt: "\uFEFF\n  \n# Slug   \n\t\nMake a slug.\t \n- keep digits  \n\n\n");
        var key = GenerationKey.Compute(lf);
        Assert.Equal(key, GenerationKey.Compute(crlf));
        Assert.Equal(key, GenerationKey.Compute(cr));
        Assert.Equal(key, GenerationKey.Compute(spaces));
    }

    [Fact]
    public void Leading_indentation_and_inner_blank_lines_change_the_key()
    {
        var key = GenerationKey.Compute(Sample(prompt: "# Slug\n\nMake a slug.\n"));
        Assert.NotEqual(key, GenerationKey.Compute(Sample(prompt: "# Slug\n\n  Make a slug.\n")));
        Assert.NotEqual(key, GenerationKey.Compute(Sample(prompt: "# Slug\nMake a slug.\n")));
    }

    [Fact]
    public void NormalizePrompt_removes_only_what_it_says()
    {
        Assert.Equal("a\n\n  b\nc", GenerationKey.NormalizePrompt("\uFEFF\r\n \r\na  \r\n\r\n  b\t\rc \n\n"));
        Assert.Equal("", GenerationKey.NormalizePrompt(" \r\n\t\n"));
        Assert.Equal("x\uFEFF", GenerationKey.NormalizePrompt("x\uFEFF"));
    }

    [Fact]
    public void PromptHash_is_the_hash_of_the_normalized_prompt()
    {
        Assert.Equal(ContentHash.Sha256Hex("a\nb"), GenerationKey.PromptHash("a \r\nb\r\n"));
        Assert.NotEqual(GenerationKey.PromptHash("a\nb"), GenerationKey.PromptHash("a\nc"));
    }

    private static KeyInputs Clone(
        KeyInputs s,
        string? model = null,
        string? kind = null,
        string? ns = null,
        string? tfm = null,
        string? lang = null,
        string? nullable = null,
        bool? implicitUsings = null,
        string? repair = null,
        int? maxPasses = null) => new()
    {
        PromptText = s.PromptText,
        Model = model ?? s.Model,
        Kind = kind ?? s.Kind,
        Namespace = ns ?? s.Namespace,
        TargetFramework = tfm ?? s.TargetFramework,
        LangVersion = lang ?? s.LangVersion,
        Nullable = nullable ?? s.Nullable,
        ImplicitUsings = implicitUsings ?? s.ImplicitUsings,
        RepairMode = repair ?? s.RepairMode,
        MaxPasses = maxPasses ?? s.MaxPasses,
        RequiredPackages = s.RequiredPackages,
        UsedCodeHashes = s.UsedCodeHashes,
    };
}
