using MicroPrompt.Mutation;

namespace MicroPrompt.Core.Tests.Mutation;

/// <summary>Every operator family of the mutator set, on the smallest code that has it.</summary>
public sealed class MutantFinderTests
{
    private static string Class(string members) => $$"""
        namespace Acme;

        public static class C
        {
        {{members}}
        }
        """;

    /// <summary>The (original, mutated) pairs of <paramref name="mutator"/>'s mutants, in order.</summary>
    private static List<(string, string)> Pairs(string code, string mutator)
        => MutantFinder.Find(code).Where(m => m.Mutator == mutator).Select(m => (m.Original, m.Mutated)).ToList();

    [Fact]
    public void Arithmetic_swaps_each_operator_and_leaves_string_concatenation_alone()
    {
        var code = Class("""
                public static int F(int a, int b) => a + b * 2 % 3 - a / b;
                public static string G(int a) => "n=" + a;
            """);

        Assert.Equal(
            [("a + b * 2 % 3 - a / b", "a + b * 2 % 3 + a / b"), ("a + b * 2 % 3", "a - b * 2 % 3"), ("b * 2 % 3", "b * 2 * 3"), ("b * 2", "b / 2"), ("a / b", "a * b")],
            Pairs(code, "arithmetic"));
        Assert.DoesNotContain(Pairs(code, "arithmetic"), p => p.Item1.Contains("\"n=\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Equality_swaps_equals_and_moves_each_boundary_both_ways()
    {
        var code = Class("""
                public static bool F(int a, int b) => a < b || a <= b || a > b || a >= b || a == b || a != b;
            """);

        var pairs = Pairs(code, "equality");

        Assert.Contains(("a < b", "a <= b"), pairs);
        Assert.Contains(("a < b", "a >= b"), pairs);
        Assert.Contains(("a <= b", "a < b"), pairs);
        Assert.Contains(("a <= b", "a > b"), pairs);
        Assert.Contains(("a > b", "a >= b"), pairs);
        Assert.Contains(("a > b", "a <= b"), pairs);
        Assert.Contains(("a >= b", "a > b"), pairs);
        Assert.Contains(("a >= b", "a < b"), pairs);
        Assert.Contains(("a == b", "a != b"), pairs);
        Assert.Contains(("a != b", "a == b"), pairs);
        Assert.Equal(10, pairs.Count);
    }

    [Fact]
    public void Logical_and_bitwise_operators_swap()
    {
        var code = Class("""
                public static bool F(bool a, bool b) => a && b;
                public static bool G(bool a, bool b) => a || b;
                public static int H(int a, int b) => (a & b) | (a ^ b) | (a << 1) | (a >> 1);
            """);

        Assert.Equal([("a && b", "a || b"), ("a || b", "a && b")], Pairs(code, "logical"));
        var bitwise = Pairs(code, "bitwise");
        Assert.Contains(("a & b", "a | b"), bitwise);
        Assert.Contains(("a ^ b", "a | b"), bitwise);
        Assert.Contains(("a ^ b", "a & b"), bitwise);
        Assert.Contains(("a << 1", "a >> 1"), bitwise);
        Assert.Contains(("a >> 1", "a << 1"), bitwise);
    }

    [Fact]
    public void Null_coalescing_swaps_sides_and_keeps_either_one()
    {
        var code = Class("""    public static string F(string? a, string b) => a ?? b;""");

        Assert.Equal([("a ?? b", "b ?? a"), ("a ?? b", "a"), ("a ?? b", "b")], Pairs(code, "null-coalescing"));
    }

    [Fact]
    public void Boolean_and_string_literals_flip_or_empty()
    {
        var code = Class("""
                public static bool T() => true;
                public static bool F() => false;
                public static string S() => "abc";
                public static string E() => "";
                public static string I(int n) => $"n={n}";
                public static string Z() => string.Empty;
            """);

        Assert.Equal([("true", "false"), ("false", "true")], Pairs(code, "boolean"));
        Assert.Equal(
            [("\"abc\"", "\"\""), ("\"\"", "\"Stryker was here!\""), ("$\"n={n}\"", "\"\""), ("string.Empty", "\"Stryker was here!\"")],
            Pairs(code, "string"));
    }

    [Fact]
    public void Unary_negation_and_update_operators_change()
    {
        var code = Class("""
                public static int F(int a, bool b)
                {
                    a++;
                    a--;
                    ++a;
                    --a;
                    var c = b ? -a : ~a;
                    return !b ? c : +c;
                }
            """);

        Assert.Equal([("a++", "a--"), ("a--", "a++"), ("++a", "--a"), ("--a", "++a")], Pairs(code, "update"));
        Assert.Equal([("-a", "+a"), ("~a", "a"), ("+c", "-c")], Pairs(code, "unary"));
        Assert.Equal([("!b", "b")], Pairs(code, "negation"));
    }

    [Fact]
    public void Compound_assignments_swap()
    {
        var code = Class("""
                public static int F(int a, string? s)
                {
                    a += 1; a -= 1; a *= 2; a /= 2; a %= 3; a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1;
                    s ??= "x";
                    return a + s.Length;
                }
            """);

        Assert.Equal(
            [("a += 1", "a -= 1"), ("a -= 1", "a += 1"), ("a *= 2", "a /= 2"), ("a /= 2", "a *= 2"), ("a %= 3", "a *= 3"),
             ("a &= 1", "a |= 1"), ("a |= 1", "a &= 1"), ("a ^= 1", "a |= 1"), ("a ^= 1", "a &= 1"), ("a <<= 1", "a >>= 1"),
             ("a >>= 1", "a <<= 1"), ("s ??= \"x\"", "s = \"x\"")],
            Pairs(code, "assignment"));
    }

    [Fact]
    public void Conditions_of_if_loops_and_conditional_expressions_are_negated()
    {
        var code = Class("""
                public static int F(int a)
                {
                    if (a > 0) { a = 1; }
                    while (a < 10) { a++; }
                    do { a--; } while (a > 5);
                    for (var i = 0; i < a; i++) { a--; }
                    return a == 3 ? 1 : 2;
                }
            """);

        Assert.Equal(
            [("a > 0", "!(a > 0)"), ("a < 10", "!(a < 10)"), ("a > 5", "!(a > 5)"), ("i < a", "!(i < a)"), ("a == 3", "!(a == 3)")],
            Pairs(code, "conditional"));
    }

    [Fact]
    public void Linq_string_and_math_methods_swap_by_name()
    {
        var code = Class("""
                public static object F(int[] xs, string s) => new object[]
                {
                    xs.First(), xs.Any(x => x > 0), xs.Min(), xs.OrderBy(x => x), xs.Skip(1), xs.Distinct(),
                    s.StartsWith("a"), s.ToUpperInvariant(), s.Trim(), Math.Floor(1.5),
                };
            """);

        var linq = Pairs(code, "linq");
        Assert.Contains(("xs.First()", "xs.Last()"), linq);
        Assert.Contains(("xs.First()", "xs.FirstOrDefault()"), linq);
        Assert.Contains(("xs.Any(x => x > 0)", "xs.All(x => x > 0)"), linq);
        Assert.Contains(("xs.Min()", "xs.Max()"), linq);
        Assert.Contains(("xs.OrderBy(x => x)", "xs.OrderByDescending(x => x)"), linq);
        Assert.Contains(("xs.Skip(1)", "xs.Take(1)"), linq);
        Assert.Contains(("xs.Distinct()", "xs"), linq);
        Assert.Equal(
            [("s.StartsWith(\"a\")", "s.EndsWith(\"a\")"), ("s.ToUpperInvariant()", "s.ToLowerInvariant()"), ("s.Trim()", "s.TrimStart()"), ("s.Trim()", "s.TrimEnd()")],
            Pairs(code, "string-method"));
        Assert.Equal([("Math.Floor(1.5)", "Math.Ceiling(1.5)")], Pairs(code, "math"));
    }

    [Fact]
    public void Regex_patterns_lose_anchors_and_quantifiers_and_have_their_classes_negated()
    {
        var code = Class("""
                private static readonly System.Text.RegularExpressions.Regex Id = new("^\\d+-[a-z]*$");
                public static bool F(string s) => System.Text.RegularExpressions.Regex.IsMatch(s, "[^,]?") || new Regex("(?<x>a)").IsMatch(s);
                public static string G() => "^not+a*pattern$";
            """);

        Assert.Equal(
            [("\"^\\\\d+-[a-z]*$\"", "\"\\\\d+-[a-z]*$\""), ("\"^\\\\d+-[a-z]*$\"", "\"^\\\\d-[a-z]*$\""), ("\"^\\\\d+-[a-z]*$\"", "\"^\\\\d+-[^a-z]*$\""),
             ("\"^\\\\d+-[a-z]*$\"", "\"^\\\\d+-[a-z]$\""), ("\"^\\\\d+-[a-z]*$\"", "\"^\\\\d+-[a-z]*\""),
             ("\"[^,]?\"", "\"[,]?\""), ("\"[^,]?\"", "\"[^,]\"")],
            Pairs(code, "regex"));
    }

    [Fact]
    public void Statements_are_removed_and_bodies_emptied_with_a_default_return_where_one_is_needed()
    {
        var code = Class("""
                public static void V(List<int> xs) { xs.Add(1); xs.Add(2); }
                public static int R(int a) { if (a > 0) { return 1; } throw new ArgumentException("a"); }
            """);

        var removed = MutantFinder.Find(code).Where(m => m.Mutator == "statement").ToList();
        Assert.Equal(["xs.Add(1);", "xs.Add(2);", "return 1;", "throw new ArgumentException(\"a\");"], removed.Select(m => m.Original));
        Assert.All(removed, m => Assert.Equal("", m.Mutated));
        Assert.All(removed, m => Assert.Equal($"`{m.Original}` removed", m.Description));

        var blocks = MutantFinder.Find(code).Where(m => m.Mutator == "block").ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Contains("public static void V(List<int> xs) {}", blocks[0].ApplyTo(code), StringComparison.Ordinal);
        Assert.Contains("public static int R(int a) { return default!; }", blocks[1].ApplyTo(code), StringComparison.Ordinal);
    }

    [Fact]
    public void Checked_arithmetic_loses_its_overflow_check()
    {
        var code = Class("""    public static int F(int a) => checked(a * 2);""");

        Assert.Equal([("checked(a * 2)", "(a * 2)")], Pairs(code, "checked"));
    }

    [Fact]
    public void Attributes_and_nameof_are_never_mutated()
    {
        var code = Class("""
                [System.Obsolete("old")]
                public static string F(int a) => nameof(a);
            """);

        Assert.Empty(MutantFinder.Find(code));
    }

    [Fact]
    public void Mutants_are_numbered_in_source_order_with_lines_columns_and_a_diff()
    {
        var code = Class("""
                public static bool F(int a) => a <= 10;
            """);

        var mutants = MutantFinder.Find(code);

        Assert.Equal([1, 2], mutants.Select(m => m.Id));
        var first = mutants[0];
        Assert.Equal((5, 36), (first.Line, first.Column));
        Assert.Equal("`a <= 10` → `a < 10`", first.Description);
        Assert.Contains("public static bool F(int a) => a < 10;", first.ApplyTo(code), StringComparison.Ordinal);
        Assert.Equal("@@ line 5 @@\n-    public static bool F(int a) => a <= 10;\n+    public static bool F(int a) => a < 10;\n", first.Diff(code));
    }

    [Fact]
    public void Keys_survive_lines_moving_and_tell_repeated_changes_apart()
    {
        var code = Class("""
                public static int F(int a) => a + 1;
                public static int G(int a) => a + 1;
                public static int H(int a) => a + 1;
            """);
        var moved = "// a comment above\n\n" + code;

        var keys = MutantFinder.Find(code).Select(m => m.Key).ToList();

        Assert.Equal(keys, MutantFinder.Find(moved).Select(m => m.Key));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal("public static int F(int a) => a + 1; | a + 1 -> a - 1", keys[0]);
    }

    [Fact]
    public void A_long_expression_is_shown_around_what_changes()
    {
        var code = Class("""    public static object F(Dictionary<string, int> counts) => counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);""");

        var mutant = MutantFinder.Find(code).Single(m => m.Mutator == "linq" && m.Mutated.Contains("ThenByDescending", StringComparison.Ordinal));

        Assert.Equal("… p => p.Value).ThenBy(p => p.Key, StringC …", mutant.Original);
        Assert.Equal("… p => p.Value).ThenByDescending(p => p.Key, StringC …", mutant.Mutated);
    }

    [Fact]
    public void Finding_is_deterministic()
    {
        var code = Class("""
                public static int F(int[] xs) { var n = 0; foreach (var x in xs) { if (x > 0 && x % 2 == 0) { n += x; } } return n; }
            """);

        Assert.Equal(MutantFinder.Find(code), MutantFinder.Find(code));
    }
}
