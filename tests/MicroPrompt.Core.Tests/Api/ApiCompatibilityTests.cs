using System.Text.Json;
using MicroPrompt.Api;

namespace MicroPrompt.Core.Tests.Api;

public sealed class ApiCompatibilityTests
{
    private const string OldCode = """
        namespace Acme;
        public sealed class Greeter
        {
            public string Hello(string name) => $"Hello, {name}";
            public string Helper() => "";
        }
        public static class Slug { public static string Make(string text) => text; }
        """;

    private const string OldContract = """
        public sealed class Greeter { public string Hello(string name); public string Helper(); }
        public static class Slug { public static string Make(string text); }
        """;

    [Fact]
    public void Removals_and_changes_the_contract_did_not_make_break_and_additions_never_do()
    {
        const string NewCode = """
            namespace Acme;
            public sealed class Greeter { public string Greet(string name) => name; }
            public static class Slug { public static string Make(string text, char separator = '-') => text; }
            """;
        var changes = PublicApiDiff.Compare(OldCode, NewCode);

        var breaking = ApiCompatibility.Breaking(changes, OldContract, OldContract);

        Assert.Equal(["removed: Greeter.Hello(string)", "removed: Greeter.Helper()", "changed: static string Slug.Make(string) -> static string Slug.Make(string, char = …)"],
            breaking.Select(c => c.ToString()));
        Assert.Equal(breaking, ApiCompatibility.Breaking(changes, null, null));
        Assert.Contains(changes, c => c.Kind == ApiChangeKind.Added);
    }

    [Fact]
    public void A_removal_or_change_the_contract_made_the_same_way_is_covered()
    {
        const string NewCode = """
            namespace Acme;
            public sealed class Greeter { public string Hello(string name) => name; }
            public static class Slug { public static string Make(string text, char separator = '-') => text; }
            """;
        const string NewContract = """
            namespace Acme;
            public sealed class Greeter { public string Hello(string name); }
            public static class Slug { public static String Make(String text, Char sep = '_'); }
            """;

        Assert.Empty(ApiCompatibility.Breaking(PublicApiDiff.Compare(OldCode, NewCode), OldContract, NewContract));
    }

    [Fact]
    public void A_change_to_another_signature_than_the_new_contract_declares_is_breaking()
    {
        const string NewCode = "public static class Slug { public static string Make(string text, int max) => text; }";
        const string NewContract = "public static class Slug { public static string Make(string text, char separator); }";
        var changes = PublicApiDiff.Compare("public static class Slug { public static string Make(string text) => text; }", NewCode);

        var breaking = Assert.Single(ApiCompatibility.Breaking(changes, "public static class Slug { public static string Make(string text); }", NewContract));
        Assert.Equal(ApiChangeKind.Changed, breaking.Kind);
    }

    [Fact]
    public void A_change_is_breaking_while_the_new_contract_still_declares_the_previous_member()
    {
        const string Before = "public static class Slug { public static string Make(string text) => text; }";
        const string After = "public static class Slug { public static string Make(string text, char c) => text; }";
        const string NewContract = "public static class Slug { public static string Make(string text); public static string Make(string text, char c); }";

        Assert.Single(ApiCompatibility.Breaking(PublicApiDiff.Compare(Before, After), "public static class Slug { public static string Make(string text); }", NewContract));
    }

    [Fact]
    public void A_removed_type_is_covered_when_the_contract_dropped_it_and_a_member_the_old_contract_did_not_declare_is_not()
    {
        var changes = PublicApiDiff.Compare(OldCode, "namespace Acme; public sealed class Greeter { public string Hello(string name) => name; }");
        const string NewContract = "public sealed class Greeter { public string Hello(string name); }";

        Assert.Empty(ApiCompatibility.Breaking(changes, OldContract, NewContract));
        Assert.Equal(
            ["removed: Greeter.Helper()", "removed: Acme.Slug"],
            ApiCompatibility.Breaking(changes, "public sealed class Greeter { public string Hello(string name); }", NewContract).Select(c => c.ToString()));
    }

    [Fact]
    public void A_type_change_is_covered_when_the_new_contract_declares_the_new_type_signature()
    {
        var changes = PublicApiDiff.Compare(
            "namespace Acme; public class Greeter { public string Hello() => \"\"; }",
            "namespace Acme; public sealed class Greeter : IDisposable { public string Hello() => \"\"; public void Dispose() { } }");

        Assert.Equal(["changed: class Acme.Greeter -> sealed class Acme.Greeter : IDisposable", "added: Greeter.Dispose()"], changes.Select(c => c.ToString()));
        Assert.Empty(ApiCompatibility.Breaking(changes, "public class Greeter { public string Hello(); }", "public sealed class Greeter : System.IDisposable { public string Hello(); }"));
        Assert.Single(ApiCompatibility.Breaking(changes, "public class Greeter { public string Hello(); }", "public class Greeter { public string Hello(); }"));
    }

    [Fact]
    public void Repair_problems_name_the_symbol_and_say_what_to_do()
    {
        var changes = PublicApiDiff.Compare(
            "public sealed class Greeter { public string Hello(string name) => name; } public static class Slug { public static string Make(string t) => t; }",
            "public sealed class Greeter { } public static class Slug { public static string Make(string t, char c) => t; }");

        Assert.Equal(
            [
                "Greeter.Hello(string) was removed: callers of the previous version use it. Keep it (or change the ## Contract and set MicroPromptAllowApiChanges).",
                "Slug.Make(string) changed from 'static string Slug.Make(string)' to 'static string Slug.Make(string, char)': callers of the previous version use 'static string Slug.Make(string)'. Keep it (or change the ## Contract and set MicroPromptAllowApiChanges).",
            ],
            changes.Select(ApiChangeFormatter.Problem));
        Assert.Throws<ArgumentException>(() => ApiChangeFormatter.Problem(new ApiChange(ApiChangeKind.Added, "Greeter.Hi()", null, "string Greeter.Hi()")));
        Assert.Equal("added: Greeter.Hi()", ApiChangeFormatter.Compact(new ApiChange(ApiChangeKind.Added, "Greeter.Hi()", null, "string Greeter.Hi()")));
    }

    [Fact]
    public void Changes_serialize_as_kind_symbol_old_new_in_camel_case_and_read_back()
    {
        var changes = PublicApiDiff.Compare(
            "public sealed class Greeter { public string Hello(string name) => name; public int Count => 0; }",
            "public sealed class Greeter { public long Count => 0; public string Hi() => \"\"; }");

        var json = JsonSerializer.Serialize(changes);

        Assert.Equal(
            """[{"kind":"removed","symbol":"Greeter.Hello(string)","old":"string Greeter.Hello(string)"},""" +
            """{"kind":"changed","symbol":"Greeter.Count","old":"int Greeter.Count { get; }","new":"long Greeter.Count { get; }"},""" +
            """{"kind":"added","symbol":"Greeter.Hi()","new":"string Greeter.Hi()"}]""",
            json);
        var read = JsonSerializer.Deserialize<List<ApiChange>>(json)!;
        Assert.Equal(changes.Select(c => (c.Kind, c.Symbol, c.OldSignature, c.NewSignature)), read.Select(c => (c.Kind, c.Symbol, c.OldSignature, c.NewSignature)));

        // Read back, a change has no identities to match a contract with: it stays breaking.
        Assert.Equal(2, ApiCompatibility.Breaking(read, "public sealed class Greeter { public string Hello(string name); }", "public sealed class Greeter { }").Count);
        Assert.Single(ApiCompatibility.Breaking(changes, "public sealed class Greeter { public string Hello(string name); }", "public sealed class Greeter { }"));
    }
}
