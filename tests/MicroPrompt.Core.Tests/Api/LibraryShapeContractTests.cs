using MicroPrompt.Api;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Api;

public sealed class LibraryShapeContractTests
{
    private const string SlugContract = """
        public static class Slug
        {
            public static string Make(string text);
        }
        """;

    private static IReadOnlyList<CompileError> Check(string code, string? contract = SlugContract) =>
        LibraryShapeChecker.Check(code, contract, PromptKind.Library);

    [Fact]
    public void Extra_public_DTO_types_and_helper_methods_are_problems_private_and_internal_ones_are_not()
    {
        var problems = Check("""
            namespace Acme.Text
            {
                public static class Slug
                {
                    public static string Make(string text) => Normalize(text);
                    public static string Normalize(string text) => text.Trim();
                    internal static string Internal(string text) => text;
                    private static string Private(string text) => text;
                    public const int MaxLength = 80;
                }

                public sealed record SlugOptions(int MaxLength);

                public enum SlugStyle { Lower, Upper }

                internal sealed class Cache { public string Get() => ""; }

                file sealed class Scratch { public int X; }
            }
            """);

        Assert.Equal(
            [
                "(6,30): error MP2040: public method 'Slug.Normalize(string)' is not part of the ## Contract: make it private or remove it",
                "(9,26): error MP2040: public field 'Slug.MaxLength' is not part of the ## Contract: make it private or remove it",
                "(12,26): error MP2040: public type 'SlugOptions' is not part of the ## Contract: make it internal or remove it",
                "(14,17): error MP2040: public type 'SlugStyle' is not part of the ## Contract: make it internal or remove it",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Types_nested_in_an_internal_type_are_not_public_and_undeclared_nested_public_types_are()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;

                public sealed class Options { public int Max { get; set; } }
            }

            internal static class Hidden
            {
                public sealed class StillHidden { public void Run() { } }
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("public type 'Slug.Options' is not part of the ## Contract: make it internal or remove it", problem.Message);
    }

    [Fact]
    public void Nested_types_the_contract_declares_are_checked_as_contract_types()
    {
        const string Contract = """
            public sealed class Parser
            {
                public Result Parse(string text);
                public sealed class Result { public bool Ok { get; } }
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            public sealed class Parser
            {
                public Result Parse(string text) => new(true);

                public sealed class Result(bool ok)
                {
                    public bool Ok { get; } = ok;
                    public string Debug() => ok.ToString();
                }
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public constructor 'Parser.Result.Result(bool)' is not part of the ## Contract: make it private or remove it",
             "public method 'Parser.Result.Debug()' is not part of the ## Contract: make it private or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void Generic_types_match_by_arity_and_their_members_by_parameter_types_whatever_the_type_parameter_names()
    {
        const string Contract = """
            public sealed class Cache<TKey, TValue> where TKey : notnull
            {
                public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory);
                public bool TryGet(TKey key, out TValue value);
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            public sealed class Cache<K, V> where K : notnull
            {
                private readonly Dictionary<K, V> _items = new();
                public V GetOrAdd(K key, Func<K, V> factory) => _items.TryGetValue(key, out var v) ? v : _items[key] = factory(key);
                public bool TryGet(K key, out V value) => _items.TryGetValue(key, out value!);
                public int Count => _items.Count;
            }

            public sealed class Cache<T> { }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public property 'Cache<K, V>.Count' is not part of the ## Contract: make it private or remove it",
             "public type 'Cache<T>' is not part of the ## Contract: make it internal or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void Interfaces_with_default_members_the_contract_does_not_declare_are_problems()
    {
        const string Contract = """
            public interface IShape
            {
                double Area { get; }
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            public interface IShape
            {
                double Area { get; }
                string Describe() => $"area {Area}";
                private string Secret() => "";
                static IShape Unit { get; } = null!;
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public method 'IShape.Describe()' is not part of the ## Contract: remove it from the interface",
             "public property 'IShape.Unit' is not part of the ## Contract: remove it from the interface"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void Protected_members_count_in_a_type_that_can_be_derived_from_only()
    {
        const string Contract = """
            public abstract class Shape { public abstract double Area(); }
            public sealed class Square : Shape { public Square(double side); }
            """;

        var problems = LibraryShapeChecker.Check("""
            public abstract class Shape
            {
                public abstract double Area();
                protected static double Round(double value) => Math.Round(value, 2);
                private protected int Hidden;
            }

            public sealed class Square(double side) : Shape
            {
                public override double Area() => Round(side * side);
                protected double Side => side;
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(["protected method 'Shape.Round(double)' is not part of the ## Contract: make it private or remove it"], problems.Select(p => p.Message));
    }

    [Fact]
    public void Partial_types_and_source_generator_halves_are_read_once()
    {
        const string Contract = "public static partial class Slug { public static string Make(string text); }";
        var problems = LibraryShapeChecker.Check("""
            using System.Text.RegularExpressions;

            public static partial class Slug
            {
                public static string Make(string text) => NotAllowed().Replace(text, "");
                [GeneratedRegex("[^a-z0-9-]")]
                private static partial Regex NotAllowed();
            }

            public static partial class Slug
            {
                public static partial string Extra(string text);
                public static partial string Extra(string text) => text;
            }
            """, Contract, PromptKind.Library);

        var problem = Assert.Single(problems);
        Assert.Equal("public method 'Slug.Extra(string)' is not part of the ## Contract: make it private or remove it", problem.Message);
        Assert.Equal(12, problem.Line);
    }

    [Fact]
    public void Block_nested_and_file_scoped_namespaces_do_not_matter_to_the_contract()
    {
        var block = Check("namespace Acme { namespace Text { public static class Slug { public static string Make(string t) => t; } public class Demo { } } }");
        var dotted = Check("namespace Acme.Text { public static class Slug { public static string Make(string t) => t; } }");
        var contractWithNamespace = LibraryShapeChecker.Check(
            "namespace Other; public static class Slug { public static string Make(string t) => t; }",
            "namespace Acme.Text;\n" + SlugContract,
            PromptKind.Library);

        Assert.Equal(["public type 'Demo' is not part of the ## Contract: make it internal or remove it"], block.Select(p => p.Message));
        Assert.Empty(dotted);
        Assert.Empty(contractWithNamespace);
    }

    [Fact]
    public void A_contract_without_a_type_holds_nothing_and_a_delegate_is_a_type()
    {
        Assert.Empty(LibraryShapeChecker.Check("public static class Slug { public static string Helper() => \"\"; }", "string Make(string text);", PromptKind.Library));
        Assert.Equal(
            ["public type 'Filter' is not part of the ## Contract: make it internal or remove it"],
            Check("public static class Slug { public static string Make(string t) => t; } public delegate bool Filter(string s);").Select(p => p.Message));
    }
}
