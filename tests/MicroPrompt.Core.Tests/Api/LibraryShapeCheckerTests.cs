using MicroPrompt.Api;
using MicroPrompt.Compilation;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Api;

public sealed class LibraryShapeCheckerTests
{
    private const string SlugContract = """
        public static class Slug
        {
            public static string Make(string text);
        }
        """;

    private static IReadOnlyList<CompileError> Check(string code, string? contract = SlugContract) =>
        LibraryShapeChecker.Check(code, contract, PromptKind.Library);

    private static string Messages(IEnumerable<CompileError> problems) => string.Join("\n", problems.Select(p => p.ToString()));

    [Fact]
    public void A_demo_Program_class_after_the_library_class_is_an_entry_point_and_an_undeclared_type()
    {
        var problems = Check("""
            using System;

            namespace Acme.Text;

            public static class Slug
            {
                public static string Make(string text) => text.ToLowerInvariant();
            }

            public class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine(Slug.Make("Hello World"));
                }
            }
            """);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("MP2040", p.Id));
        Assert.All(problems, p => Assert.False(p.IsWarning));
        Assert.Equal(new CompileError("MP2040", "public type 'Program' is not part of the ## Contract: make it internal or remove it", 10, 14), problems[0]);
        Assert.Equal(
            new CompileError("MP2040", "a library item must not contain an entry point: remove the `Main` method of 'Program' (no demo or usage code in the file)", 12, 24),
            problems[1]);
    }

    [Fact]
    public void Without_a_contract_only_the_entry_point_is_a_problem()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;
                public static string Helper(string text) => text;
            }

            internal static class Demo
            {
                static async System.Threading.Tasks.Task<int> Main() { await System.Threading.Tasks.Task.Yield(); return 0; }
            }

            public sealed class Extra { }
            """, contract: null);

        var problem = Assert.Single(problems);
        Assert.Equal("a library item must not contain an entry point: remove the `Main` method of 'Demo' (no demo or usage code in the file)", problem.Message);
        Assert.Equal((9, 51), (problem.Line, problem.Column));
        Assert.Empty(Check("public static class Slug { public static string Make(string t) => t; }", contract: "   "));
    }

    [Fact]
    public void A_static_Main_inside_the_library_class_itself_is_reported_once()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;

                public static void Main() => System.Console.WriteLine(Make("x"));
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Contains("remove the `Main` method of 'Slug'", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void A_Main_in_a_nested_type_names_the_nested_type_and_an_instance_Main_is_no_entry_point()
    {
        var problems = Check("""
            public static class Slug
            {
                public static string Make(string text) => text;

                private static class Demo { private static int Main(string[] a) => 0; }
            }

            internal sealed class Runner { public void Main() { } }
            """);

        var problem = Assert.Single(problems);
        Assert.Contains("the `Main` method of 'Slug.Demo'", problem.Message);
    }

    [Fact]
    public void Top_level_statements_before_the_namespace_are_one_problem_at_the_first_statement()
    {
        var problems = Check("""
            using System;

            Console.WriteLine(Acme.Slug.Make("Hello"));
            Console.WriteLine("done");

            namespace Acme
            {
                public static class Slug
                {
                    public static string Make(string text) => text;
                }
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("a library item must not contain an entry point: remove the top-level statements (no demo or usage code in the file)", problem.Message);
        Assert.Equal((3, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_program_item_has_no_shape_problems()
    {
        const string Code = """
            public class Program
            {
                public static void Main() { }
                public static int Helper() => 1;
            }
            """;

        Assert.Empty(LibraryShapeChecker.Check(Code, SlugContract, PromptKind.Program));
        Assert.Empty(LibraryShapeChecker.Check("System.Console.WriteLine(1);", null, PromptKind.Program));
    }

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
    public void Overrides_explicit_implementations_and_members_of_declared_interfaces_are_not_problems()
    {
        const string Contract = """
            public sealed class Bag<T> : IEnumerable<T>, IDisposable, IEquatable<Bag<T>>
            {
                public Bag(int capacity);
                public int Count { get; }
                public void Add(T item);
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            using System.Collections;

            public sealed class Bag<TItem> : IEnumerable<TItem>, IDisposable, IEquatable<Bag<TItem>>
            {
                private readonly List<TItem> _items;
                public Bag(int capacity) => _items = new(capacity);
                public int Count => _items.Count;
                public void Add(TItem item) => _items.Add(item);
                public IEnumerator<TItem> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                public void Dispose() => _items.Clear();
                public bool Equals(Bag<TItem>? other) => ReferenceEquals(this, other);
                public override bool Equals(object? obj) => Equals(obj as Bag<TItem>);
                public override int GetHashCode() => 0;
                public override string ToString() => $"{Count} items";
                public void Clear() => _items.Clear();
            }
            """, Contract, PromptKind.Library);

        var problem = Assert.Single(problems);
        Assert.Equal("public method 'Bag<TItem>.Clear()' is not part of the ## Contract: make it private or remove it", problem.Message);
    }

    [Fact]
    public void A_member_of_an_interface_the_contract_does_not_declare_is_told_to_be_implemented_explicitly()
    {
        const string Contract = "public sealed class Pool { public int Rent(); }";
        var problems = LibraryShapeChecker.Check("""
            public sealed class Pool : System.IDisposable
            {
                public int Rent() => 1;
                public void Dispose() { }
            }
            """, Contract, PromptKind.Library);

        var problem = Assert.Single(problems);
        Assert.Equal(
            "public method 'Pool.Dispose()' is not part of the ## Contract (it belongs to 'IDisposable', which the contract's 'Pool' does not implement): implement it explicitly or remove it",
            problem.Message);
    }

    [Fact]
    public void Members_of_an_interface_declared_in_the_contract_are_allowed_on_the_implementing_type()
    {
        const string Contract = """
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter { }
            """;

        var problems = LibraryShapeChecker.Check("""
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter
            {
                public string Greet(string name) => $"Hello, {name}!";
                public string Shout(string name) => Greet(name).ToUpperInvariant();
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(["public method 'Greeter.Shout(string)' is not part of the ## Contract: make it private or remove it"], problems.Select(p => p.Message));
    }

    [Fact]
    public void Enum_members_record_parameters_and_record_replacements_are_not_problems()
    {
        const string Contract = """
            public enum Color { Red, Green }
            public sealed record Point(int X, int Y);
            public readonly record struct Size(int Width, int Height);
            public record Line { public Point From { get; init; } public Point To { get; init; } }
            """;

        var problems = LibraryShapeChecker.Check("""
            namespace Shapes;

            public enum Color { Red, Green, Blue }

            public sealed record Point(int X, int Y)
            {
                public bool Equals(Point? other) => other is not null && X == other.X && Y == other.Y;
                public override int GetHashCode() => HashCode.Combine(X, Y);
                private bool PrintMembers(System.Text.StringBuilder b) { b.Append(X); return true; }
                public double Length => Math.Sqrt(X * X + Y * Y);
            }

            public readonly record struct Size(int Width, int Height)
            {
                public int Area => Width * Height;
            }

            public record Line(Point From, Point To)
            {
                protected Line(Line original) { From = original.From; To = original.To; }
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public property 'Point.Length' is not part of the ## Contract: make it private or remove it",
             "public property 'Size.Area' is not part of the ## Contract: make it private or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void A_record_struct_with_an_extra_positional_parameter_is_a_problem()
    {
        var problems = LibraryShapeChecker.Check(
            "public record struct Money(decimal Amount, string Currency, int Scale);",
            "public record struct Money(decimal Amount, string Currency);",
            PromptKind.Library);

        Assert.Equal(
            ["public constructor 'Money.Money(decimal, string, int)' is not part of the ## Contract, which declares 'Money.Money(decimal, string)' by that name: use the contract's signature, or make it private",
             "public property 'Money.Scale' is not part of the ## Contract: make it private or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void Constructors_a_parameterless_one_is_implied_when_the_contract_declares_none()
    {
        var implied = LibraryShapeChecker.Check(
            "public sealed class Clock { public Clock() { } public System.DateTime Now() => default; }",
            "public sealed class Clock { public System.DateTime Now(); }",
            PromptKind.Library);
        var extra = LibraryShapeChecker.Check(
            "public sealed class Clock { public Clock(int offset) { } public System.DateTime Now() => default; }",
            "public sealed class Clock { public System.DateTime Now(); }",
            PromptKind.Library);
        var declared = LibraryShapeChecker.Check(
            "public sealed class Clock(int offset) { public System.DateTime Now() => default; }",
            "public sealed class Clock { public Clock(int offset); public System.DateTime Now(); }",
            PromptKind.Library);

        Assert.Empty(implied);
        Assert.Equal(["public constructor 'Clock.Clock(int)' is not part of the ## Contract: make it private or remove it"], extra.Select(p => p.Message));
        Assert.Empty(declared);
    }

    [Fact]
    public void Operators_declared_in_the_contract_and_their_required_partners_are_allowed()
    {
        const string Contract = """
            public readonly struct Money
            {
                public Money(decimal amount);
                public decimal Amount { get; }
                public static Money operator +(Money a, Money b);
                public static bool operator ==(Money a, Money b);
                public static implicit operator decimal(Money m);
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            public readonly struct Money : IEquatable<Money>
            {
                public Money(decimal amount) => Amount = amount;
                public decimal Amount { get; }
                public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
                public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
                public static bool operator ==(Money a, Money b) => a.Amount == b.Amount;
                public static bool operator !=(Money a, Money b) => !(a == b);
                public static implicit operator decimal(Money m) => m.Amount;
                public static explicit operator Money(decimal d) => new(d);
                public bool Equals(Money other) => this == other;
                public override bool Equals(object? obj) => obj is Money m && Equals(m);
                public override int GetHashCode() => Amount.GetHashCode();
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public operator 'Money.operator -(Money, Money)' is not part of the ## Contract: make it private or remove it",
             "public conversion 'Money.explicit operator Money(decimal)' is not part of the ## Contract: make it private or remove it",
             "public method 'Money.Equals(Money)' is not part of the ## Contract (it belongs to 'IEquatable', which the contract's 'Money' does not implement): implement it explicitly or remove it"],
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
    public void Positions_are_1_based_in_the_code_with_CRLF_line_ends()
    {
        var code = "namespace Acme;\r\n\r\npublic static class Slug\r\n{\r\n    public static string Make(string text) => text;\r\n    public static string Helper() => \"\";\r\n}\r\n\r\nclass Demo { static void Main() { } }\r\n";
        var problems = Check(code);

        Assert.Equal(["(6,26): error MP2040: public method 'Slug.Helper()' is not part of the ## Contract: make it private or remove it",
                      "(9,26): error MP2040: a library item must not contain an entry point: remove the `Main` method of 'Demo' (no demo or usage code in the file)"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_contract_type_implementing_an_interface_of_a_package_is_not_checked_member_by_member()
    {
        const string Contract = "public sealed class Worker : IHostedService { }";
        var problems = LibraryShapeChecker.Check("""
            public sealed class Worker : IHostedService
            {
                public Task StartAsync(CancellationToken token) => Task.CompletedTask;
                public Task StopAsync(CancellationToken token) => Task.CompletedTask;
            }
            """, Contract, PromptKind.Library);

        Assert.Empty(problems);
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
