using MicroPrompt.Hashing;
using MicroPrompt.Keys;
using MicroPrompt.Resolution;

namespace MicroPrompt.Core.Tests.Keys;

/// <summary>
/// The planner's shortcuts (issue #15) give exactly the hashes of the long way: the key from a prompt normalized once,
/// the prompt hash of that normalized text, the text hash of a prompt without concatenating the prefix first.
/// </summary>
public class HashOnceTests
{
    public static TheoryData<string> Prompts() =>
    [
        "",
        "---\nmodel: gpt-4.1-mini\n---\n# Slug\n\nMake a URL slug: lower-case, é → e.\n",
        "\uFEFF\r\n\r\n# Title  \r\nbody\t\r\n\r\n",
        "# Emoji \uD83D\uDE00 and a lone \uD83D surrogate\n",
        "\uD83D starts with a lone surrogate",
    ];

    private static KeyInputs Inputs(string prompt, string? baseCodeHash = null) => new()
    {
        PromptText = prompt,
        Model = "m",
        Kind = "library",
        Namespace = "Acme",
        GlobalUsings = ["global using global::Acme.Util;"],
        UsedCodeHashes = new Dictionary<string, string> { ["a.mprompt"] = new string('a', 64) },
        BaseCodeHash = baseCodeHash,
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public void A_key_from_the_prompt_normalized_once_is_the_key(string prompt)
    {
        var normalized = GenerationKey.NormalizePrompt(prompt);

        Assert.Equal(GenerationKey.Compute(Inputs(prompt)), GenerationKey.Compute(Inputs(prompt), normalized));
        Assert.Equal(GenerationKey.Compute(Inputs(prompt, new string('b', 64))), GenerationKey.Compute(Inputs(prompt, new string('b', 64)), normalized));
        Assert.Equal(GenerationKey.PromptHash(prompt), GenerationKey.PromptHashOfNormalized(normalized));
    }

    [Theory]
    [MemberData(nameof(Prompts))]
    public void The_text_hash_is_the_hash_of_the_prefixed_text(string prompt)
    {
        Assert.Equal(ContentHash.Sha256Hex($"mprompt-front-matter/{UnchangedPrompts.Version}\n{prompt}"), UnchangedPrompts.TextHash(prompt));
    }
}
