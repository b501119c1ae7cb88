using System.Diagnostics;
using MicroPrompt.Api;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Api;

/// <summary>Model replies are cut off, half-edited or not C# at all: the checks give a best effort and never throw.</summary>
public sealed class MalformedCodeTests
{
    private const string Sample = """
        using System.Collections;
        using System.Text.RegularExpressions;

        Console.WriteLine(Acme.Slug.Make("x"));

        namespace Acme
        {
            namespace Text
            {
                public static partial class Slug
                {
                    public const int Max = 80;
                    public static string Make(string text, char separator = '-') => Regex().Replace(text, "");
                    [GeneratedRegex("[^a-z]")] private static partial Regex Regex();
                    public static void Main(string[] args) { }
                }
            }

            public sealed record Point(int X, int Y) : IComparable<Point>
            {
                public int CompareTo(Point? other) => 0;
                public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);
                public static implicit operator (int, int)(Point p) => (p.X, p.Y);
            }

            public readonly record struct Size<T>(T Width, T Height) where T : struct;
            public interface IShape { double Area { get; } string Name => "shape"; event EventHandler? Changed; int this[int i] { get; } }
            public delegate bool Filter<in T>(T item);
            public enum Color : byte { Red = 1, Green = 2 }
            file sealed class Hidden { public void X() { } }
            public abstract class Base<T> : IEnumerable<T> { public abstract IEnumerator<T> GetEnumerator(); IEnumerator IEnumerable.GetEnumerator() => GetEnumerator(); ~Base() { } static Base() { } }
        }
        """;

    private const string Contract = """
        public static class Slug { public static string Make(string text); }
        public sealed record Point(int X, int Y);
        """;

    [Fact]
    public void Every_prefix_of_a_reply_is_checked_and_compared_without_an_exception()
    {
        for (var length = 0; length <= Sample.Length; length += 11)
        {
            var cut = Sample[..length];
            _ = LibraryShapeChecker.Check(cut, Contract, PromptKind.Library);
            _ = LibraryShapeChecker.Check(Contract, cut, PromptKind.Library);
            var changes = PublicApiDiff.Compare(Sample, cut);
            _ = PublicApiDiff.Compare(cut, Sample);
            _ = ApiCompatibility.Breaking(changes, cut, Contract);
            _ = changes.Select(ApiChangeFormatter.Compact).ToList();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Here is the code you asked for: it slugifies text.")]
    [InlineData("public class { public void () { } }")]
    [InlineData("namespace ; public static class Slug<,> { public static string Make(string text, = ) => ; }")]
    [InlineData("public class A : { public int this[] => 0; public static A operator (A a) => a; public event ; }")]
    [InlineData("}}}} public record R(int, string S) : ; public enum E { , , }")]
    [InlineData("#if DEBUG\npublic class A { \n#endif\n public void M() { } }")]
    public void Garbage_gives_a_best_effort(string code)
    {
        _ = LibraryShapeChecker.Check(code, Contract, PromptKind.Library);
        _ = LibraryShapeChecker.Check(code, code, PromptKind.Library);
        var changes = PublicApiDiff.Compare(code, Sample);
        _ = PublicApiDiff.Compare(Sample, code);
        _ = ApiCompatibility.Breaking(changes, code, code);
    }

    [Fact]
    public void The_sample_reply_has_the_expected_problems_and_surface()
    {
        var problems = LibraryShapeChecker.Check(Sample, Contract, PromptKind.Library).Select(p => p.Message).ToList();

        Assert.Contains("a library item must not contain an entry point: remove the top-level statements (no demo or usage code in the file)", problems);
        Assert.Contains("a library item must not contain an entry point: remove the `Main` method of 'Slug' (no demo or usage code in the file)", problems);
        Assert.Contains("public field 'Slug.Max' is not part of the ## Contract: make it private or remove it", problems);
        Assert.Equal(
            [
                "a library item must not contain an entry point: remove the top-level statements (no demo or usage code in the file)",
                "public field 'Slug.Max' is not part of the ## Contract: make it private or remove it",
                "public method 'Slug.Make(string, char)' is not part of the ## Contract, which declares 'static string Slug.Make(string)' by that name: use the contract's signature, or make it private",
                "a library item must not contain an entry point: remove the `Main` method of 'Slug' (no demo or usage code in the file)",
                "public method 'Point.CompareTo(Point)' is not part of the ## Contract (it belongs to 'IComparable', which the contract's 'Point' does not implement): implement it explicitly or remove it",
                "public operator 'Point.operator +(Point, Point)' is not part of the ## Contract: make it private or remove it",
                "public conversion 'Point.implicit operator (int,int)(Point)' is not part of the ## Contract: make it private or remove it",
            ],
            problems.Where(p => !p.StartsWith("public type", StringComparison.Ordinal)));
        Assert.Equal(
            ["Size<T>", "IShape", "Filter<T>", "Color", "Base<T>"],
            problems.Where(p => p.StartsWith("public type", StringComparison.Ordinal)).Select(p => p.Split('\'')[1]));
        Assert.DoesNotContain(problems, p => p.Contains("Hidden", StringComparison.Ordinal) || p.Contains("Regex", StringComparison.Ordinal));
    }

    [Fact]
    public void A_large_reply_is_checked_and_compared_in_milliseconds()
    {
        var large = string.Join("\n", Enumerable.Range(0, 40).Select(i => Sample.Replace("namespace Acme", $"namespace Acme{i}", StringComparison.Ordinal)));
        _ = LibraryShapeChecker.Check(Sample, Contract, PromptKind.Library); // warm up (the runtime interface index)
        _ = PublicApiDiff.Compare(Sample, Sample);

        var watch = Stopwatch.StartNew();
        var problems = LibraryShapeChecker.Check(large, Contract, PromptKind.Library);
        var changes = PublicApiDiff.Compare(large, large.Replace("char separator = '-'", "char separator", StringComparison.Ordinal));
        watch.Stop();

        Assert.True(problems.Count > 40);
        Assert.Equal(40, changes.Count);
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"{large.Length} characters took {watch.ElapsedMilliseconds} ms");
    }
}
