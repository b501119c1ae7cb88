using MicroPrompt.Adoption;
using MicroPrompt.Core.Tests.Resolution;
using MicroPrompt.Generation;
using MicroPrompt.Hashing;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Adoption;

/// <summary><c>adopt</c>: a hand edit of resolved code is verified like a generation (no model call) and recorded as <c>hand-edit</c>.</summary>
public sealed class HandEditAdopterTests
{
    private const string A = "# Alpha\n\nReturn 1.\n\n## Contract\n```csharp\npublic static class Alpha { public static int One(); }\n```\n";
    private const string B = "---\nuses: [A.mprompt]\n---\n# Beta\n\nReturn Alpha.One() + 1.\n";
    private const string HandEdit = "namespace App;\npublic static class Alpha { public static int One() => 2 - 1; } // fixed by hand\n";

    private static FakeItemGenerator Generator(Func<GenerationRequest, string, GenerationOutcome?>? verify = null) => new(r => FakeItemGenerator.Code(
        r.Prompt.Title == "Alpha"
            ? $"namespace {r.Namespace};\npublic static class Alpha {{ public static int One() => 1; }}\n"
            : $"namespace {r.Namespace};\npublic static class Beta {{ public static int Two() => Alpha.One() + 1; }}\n"))
    {
        Verify = verify,
    };

    private static async Task<ResolverFixture> ResolvedWithHandEdit()
    {
        var fx = new ResolverFixture().Prompt("A.mprompt", A).Prompt("B.mprompt", B);
        await fx.ResolveAsync(Generator());
        File.WriteAllText(Path.Combine(fx.Store, "code", "A.cs"), HandEdit);
        return fx;
    }

    [Fact]
    public async Task A_verified_hand_edit_becomes_the_resolution_with_origin_hand_edit_and_a_locked_build_takes_it()
    {
        using var fx = await ResolvedWithHandEdit();
        var before = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        var verifier = Generator((_, code) => new GenerationOutcome { Status = GenerationStatus.Succeeded, Code = code, Compiles = true, ExamplesPassed = 1, ExamplesTotal = 1 });

        var result = await new HandEditAdopter(() => verifier).AdoptAsync(fx.Options(), fx.Items, "A.mprompt", CancellationToken.None);

        Assert.Equal(AdoptionOutcome.Adopted, result.Outcome);
        Assert.Empty(verifier.Requests); // no model call
        var verified = verifier.Verified.ToList();
        Assert.Equal(["A.mprompt", "B.mprompt"], verified.Select(v => v.Request.ItemPath));
        Assert.Equal(HandEdit, verified[0].Code);
        Assert.Equal(HandEdit, verified[1].Request.Uses.Single().Code); // its user is re-verified against the edit
        var after = new ResolvedStore(fx.Store).LoadLock().Items["A.mprompt"];
        Assert.Equal(LockOrigins.HandEdit, after.Origin);
        Assert.Equal(before.CodeHash, after.Base);
        Assert.Equal(before.Key, after.Key);
        Assert.Equal(ContentHash.Sha256Hex(HandEdit), after.CodeHash);
        Assert.Equal(0, after.Usage.Passes);
        Assert.Equal(LockOrigins.Reverified, new ResolvedStore(fx.Store).LoadLock().Items["B.mprompt"].Origin);

        var locked = await fx.ResolveAsync(Generator(), fx.Options(locked: true));
        Assert.False(locked.HasErrors, string.Join("\n", locked.Diagnostics)); // no MP4004
        Assert.Equal(ItemStatus.Resolved, locked.Items.Single(i => i.ItemPath == "A.mprompt").Status);
        Assert.Contains("fixed by hand", File.ReadAllText(Path.Combine(fx.Output, "A.g.cs")));
    }

    [Fact]
    public async Task A_hand_edit_that_fails_verification_writes_nothing_and_says_why()
    {
        using var fx = await ResolvedWithHandEdit();
        var lockBefore = File.ReadAllText(Path.Combine(fx.Store, "lock.json"));
        var verifier = Generator((_, _) => new GenerationOutcome
        {
            Status = GenerationStatus.Failed, FailureCode = "MP2007", FailureMessage = "an example failed", LastErrors = ["One() returned 2, expected 1"],
        });

        var result = await new HandEditAdopter(() => verifier).AdoptAsync(fx.Options(), fx.Items, "A.mprompt", CancellationToken.None);

        Assert.Equal(AdoptionOutcome.Failed, result.Outcome);
        Assert.Empty(verifier.Requests);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "MP2007");
        Assert.Contains("expected 1", error.Message);
        Assert.Equal(lockBefore, File.ReadAllText(Path.Combine(fx.Store, "lock.json")));
        Assert.Equal(HandEdit, File.ReadAllText(Path.Combine(fx.Store, "code", "A.cs"))); // the edit stays for the user to fix
    }

    [Fact]
    public async Task An_unedited_item_has_nothing_to_adopt_and_resolves_nothing()
    {
        using var fx = new ResolverFixture().Prompt("A.mprompt", A);
        await fx.ResolveAsync(Generator());
        var verifier = Generator();

        var result = await new HandEditAdopter(() => verifier).AdoptAsync(fx.Options(), fx.Items, "A.mprompt", CancellationToken.None);

        Assert.Equal(AdoptionOutcome.NothingToAdopt, result.Outcome);
        Assert.Empty(verifier.Verified);
    }
}
