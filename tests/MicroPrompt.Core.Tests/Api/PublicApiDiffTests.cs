using MicroPrompt.Api;

namespace MicroPrompt.Core.Tests.Api;

public sealed class PublicApiDiffTests
{
    private static string[] Compact(string oldCode, string newCode) =>
        PublicApiDiff.Compare(oldCode, newCode).Select(c => c.ToString()).ToArray();

    [Fact]
    public void A_renamed_method_is_a_removal_and_an_addition_with_the_new_position()
    {
        var changes = PublicApiDiff.Compare(
            "namespace Acme;\npublic sealed class Greeter\n{\n    public string Hello(string name) => name;\n}\n",
            "namespace Acme;\npublic sealed class Greeter\n{\n    public string Greet(string name) => name;\n}\n");

        Assert.Equal(
            [
                new ApiChange(ApiChangeKind.Removed, "Greeter.Hello(string)", "string Greeter.Hello(string)", null),
                new ApiChange(ApiChangeKind.Added, "Greeter.Greet(string)", null, "string Greeter.Greet(string)") { Line = 4, Column = 19 },
            ],
            changes.Select(c => c with { }).ToArray(),
            new ChangeComparer());
        Assert.Null(changes[0].Line);
    }

    [Fact]
    public void The_only_overload_with_another_parameter_list_is_one_change()
    {
        var changes = PublicApiDiff.Compare(
            "public static class Slug { public static string Make(string text) => text; }",
            "public static class Slug {\n  public static string Make(string text, char separator = '-') => text; }");

        var change = Assert.Single(changes);
        Assert.Equal(ApiChangeKind.Changed, change.Kind);
        Assert.Equal("Slug.Make(string)", change.Symbol);
        Assert.Equal("changed: static string Slug.Make(string) -> static string Slug.Make(string, char = …)", change.ToString());
        Assert.Equal((2, 24), (change.Line, change.Column));
    }

    [Fact]
    public void Overload_sets_compare_overload_by_overload()
    {
        Assert.Equal(
            ["removed: Parser.Parse(string, int)", "added: Parser.Parse(string, IFormatProvider)"],
            Compact(
                "public class Parser { public int Parse(string s) => 0; public int Parse(string s, int radix) => 0; }",
                "public class Parser { public int Parse(string s) => 0; public int Parse(string s, IFormatProvider p) => 0; }"));
    }

    [Fact]
    public void Return_type_static_ness_ref_kinds_params_and_optional_ness_are_changes()
    {
        Assert.Equal(
            [
                "changed: static string Slug.Make(string) -> static ReadOnlySpan<char> Slug.Make(string)",
                "changed: static int Slug.Count(string) -> int Slug.Count(string)",
                "changed: static bool Slug.TryMake(string, ref string) -> static bool Slug.TryMake(string, out string)",
                "changed: static string Slug.Join(string[]) -> static string Slug.Join(params string[])",
                "changed: static string Slug.Trim(string, char = …) -> static string Slug.Trim(string, char)",
            ],
            Compact(
                """
                public static class Slug
                {
                    public static string Make(string text) => text;
                    public static int Count(string text) => 0;
                    public static bool TryMake(string text, ref string slug) => true;
                    public static string Join(string[] parts) => "";
                    public static string Trim(string text, char c = '-') => text;
                }
                """,
                """
                public class Slug
                {
                    public static ReadOnlySpan<char> Make(string text) => text;
                    public int Count(string text) => 0;
                    public static bool TryMake(string text, out string slug) { slug = ""; return true; }
                    public static string Join(params string[] parts) => "";
                    public static string Trim(string text, char c) => text;
                }
                """)[1..]);
    }

    [Fact]
    public void Names_aliases_qualifications_nullable_annotations_defaults_bodies_and_private_members_are_no_change()
    {
        const string Before = """
            using System.Collections.Generic;
            namespace Acme.Text
            {
                // first version
                public sealed class Index<T> where T : notnull
                {
                    public IReadOnlyList<T> Find(string query, int limit = 10) => [];
                    public string? Name { get; private set; }
                    private int _count;
                    private void Helper() { }
                    public override string ToString() => "index";
                }
            }
            """;
        const string After = """
            namespace Acme.Text;

            /// <summary>Rewritten from scratch.</summary>
            public sealed class Index<TItem> where TItem : notnull
            {
                public string Name { get; }
                public System.Collections.Generic.IReadOnlyList<TItem> Find(String text, Int32 max = 20)
                {
                    return new List<TItem>();
                }

                internal void Helper2() { }
            }
            """;

        Assert.Empty(PublicApiDiff.Compare(Before, After));
    }

    [Fact]
    public void A_removed_or_added_type_is_one_change_and_its_members_and_nested_types_are_not_listed()
    {
        Assert.Equal(
            ["removed: Acme.Old", "added: Acme.New"],
            Compact(
                "namespace Acme; public class Old { public void A() { } public class Inner { public void B() { } } }",
                "namespace Acme; public class New { public void A() { } public class Inner { } }"));
    }

    [Fact]
    public void A_type_that_becomes_internal_is_removed_and_a_namespace_move_is_a_removal_and_an_addition()
    {
        Assert.Equal(["removed: Acme.Slug"], Compact("namespace Acme; public static class Slug { }", "namespace Acme; internal static class Slug { }"));
        Assert.Equal(["removed: Acme.Slug", "added: Acme.Text.Slug"], Compact("namespace Acme { public static class Slug { } }", "namespace Acme { namespace Text { public static class Slug { } } }"));
    }

    [Fact]
    public void Type_kind_modifiers_base_list_and_constraints_are_type_changes()
    {
        Assert.Equal(
            [
                "changed: class Acme.Point -> struct Acme.Point",
                "changed: class Acme.Shape -> abstract class Acme.Shape",
                "changed: class Acme.Bag<T> : IEnumerable<T> -> class Acme.Bag<T> : IDisposable, IEnumerable<T>",
                "changed: class Acme.Box<T> -> class Acme.Box<T> where T : class",
            ],
            Compact(
                "namespace Acme; public class Point { } public class Shape { } public class Bag<T> : IEnumerable<T> { } public class Box<T> { }",
                "namespace Acme; public struct Point { } public abstract class Shape { } public class Bag<T> : IEnumerable<T>, IDisposable { } public class Box<T> where T : class { }"));
    }

    [Fact]
    public void Protected_members_count_where_they_can_be_called_and_overrides_never_count()
    {
        Assert.Equal(
            ["removed: Shape.Round(double)"],
            Compact(
                "public abstract class Shape { protected static double Round(double v) => v; public override string ToString() => \"\"; }" +
                " public sealed class Square : Shape { protected int Side => 1; }",
                "public abstract class Shape { } public sealed class Square : Shape { }"));
        Assert.Equal(
            ["changed: string Greeter.Name { get; } -> protected string Greeter.Name { get; }"],
            Compact("public class Greeter { public string Name { get; } }", "public class Greeter { protected string Name { get; } }"));
    }

    [Fact]
    public void Property_accessors_fields_events_indexers_and_enum_members()
    {
        Assert.Equal(
            [
                "removed: Color.Blue",
                "removed: Options.Changed",
                "added: Color.Yellow",
                "changed: int Options.Max { get; set; } -> int Options.Max { get; }",
                "changed: const int Options.Limit -> static readonly int Options.Limit",
                "changed: string Options.this[int] { get; } -> string Options.this[int] { get; set; }",
            ],
            Compact(
                "public enum Color { Red, Blue } public class Options { public int Max { get; set; } public const int Limit = 3; public event EventHandler? Changed; public string this[int i] => \"\"; }",
                "public enum Color { Red, Yellow } public class Options { public int Max { get; internal set; } public static readonly int Limit = 3; public string this[int i] { get => \"\"; set { } } }"));
    }

    [Fact]
    public void A_positional_record_parameter_changes_its_constructor_and_its_properties()
    {
        Assert.Equal(
            [
                "removed: Point.Y",
                "changed: Point.Point(int, int) -> Point.Point(int, long)",
                "added: Point.Z",
            ],
            Compact("public record Point(int X, int Y);", "public record Point(int X, long Z);"));
    }

    [Fact]
    public void Partial_types_are_one_type_and_interface_members_are_public_by_default()
    {
        Assert.Empty(PublicApiDiff.Compare(
            "public static partial class Slug { public static string Make(string t) => t; } public static partial class Slug { private static partial int X(); }",
            "public static partial class Slug { public static string Make(string t) => t; }"));
        Assert.Equal(
            ["removed: IShape.Area", "added: IShape.Describe()"],
            Compact("public interface IShape { double Area { get; } }", "public interface IShape { string Describe() => \"\"; private int Hidden() => 0; }"));
    }

    [Fact]
    public void Operators_conversions_and_generic_methods()
    {
        Assert.Equal(
            [
                "removed: Money.implicit operator decimal(Money)",
                "changed: Money Money.operator +(Money, Money) -> Money Money.operator +(Money, decimal)",
                "changed: static T Money.Convert<T>(Money) -> static TOut Money.Convert<TOut>(Money) where TOut : struct",
            ],
            Compact(
                "public struct Money { public static Money operator +(Money a, Money b) => a; public static implicit operator decimal(Money m) => 0; public static T Convert<T>(Money m) => default!; }",
                "public struct Money { public static Money operator +(Money a, decimal b) => a; public static TOut Convert<TOut>(Money m) where TOut : struct => default; }"));
    }

    [Fact]
    public void Identical_code_and_code_without_public_types_have_no_changes()
    {
        const string Code = "namespace Acme; public static class Slug { public static string Make(string t) => t; }";
        Assert.Empty(PublicApiDiff.Compare(Code, Code));
        Assert.Empty(PublicApiDiff.Compare("System.Console.WriteLine(1);", "internal class Program { static void Main() { } }"));
        Assert.Equal(["added: Acme.Slug"], Compact("", Code));
        Assert.Equal(["removed: Acme.Slug"], Compact(Code, ""));
    }

    [Fact]
    public void CSharp_14_extension_members_are_members_of_their_static_class_told_apart_by_receiver()
    {
        const string Before = """
            public static class TextExtensions
            {
                extension(string text)
                {
                    public string Slug() => text;
                    public int Words => 0;
                }

                extension<T>(IEnumerable<T> items)
                {
                    public bool IsEmpty() => !items.Any();
                }
            }
            """;
        const string After = """
            public static class TextExtensions
            {
                extension(string s)
                {
                    public string Slug(char separator) => s;
                }

                extension<TItem>(IEnumerable<TItem> source)
                {
                    public bool IsEmpty() => !source.Any();
                }
            }
            """;

        Assert.Equal(
            [
                "removed: TextExtensions.extension(string).Words",
                "changed: extension(string) string TextExtensions.Slug() -> extension(string) string TextExtensions.Slug(char)",
            ],
            Compact(Before, After));
        Assert.Equal(
            ["public method 'TextExtensions.extension(string).Slug(char)' is not part of the ## Contract, which declares 'extension(string) string TextExtensions.Slug()' by that name: use the contract's signature, or make it private"],
            LibraryShapeChecker.Check(After, Before, MicroPrompt.Prompts.PromptKind.Library).Select(p => p.Message));
    }

    private sealed class ChangeComparer : IEqualityComparer<ApiChange>
    {
        public bool Equals(ApiChange? x, ApiChange? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Symbol == y.Symbol && x.OldSignature == y.OldSignature
            && x.NewSignature == y.NewSignature && x.Line == y.Line && x.Column == y.Column;

        public int GetHashCode(ApiChange obj) => obj.Symbol.GetHashCode(StringComparison.Ordinal);
    }
}
