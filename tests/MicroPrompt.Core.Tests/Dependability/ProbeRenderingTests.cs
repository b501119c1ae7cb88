using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Dependability.Probes;
using MicroPrompt.Prompts;
using MicroPrompt.Verification;
using static MicroPrompt.Core.Tests.Dependability.ProbeSubjects;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Dependability;

/// <summary>Probe outcomes rendered in the sandbox, and the examples that pin them holding against the same code.</summary>
public sealed class ProbeRenderingTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Outcomes_are_rendered_canonically_with_examples_that_pin_them()
    {
        const string contract = """
            public enum Color { Red, Green }
            public sealed record Pair(string Key, int Value);
            public sealed class Token { public override string ToString(); }
            public static class Values
            {
                public static string Text();
                public static string? Nothing();
                public static long Big();
                public static double NotANumber();
                public static double Half();
                public static bool Yes();
                public static char Letter();
                public static Color Favourite();
                public static List<int> Numbers();
                public static IEnumerable<string> None();
                public static Dictionary<string, int> Counts();
                public static Pair First();
                public static Token Opaque();
                public static (string, int) Tuple();
                public static string Long();
                public static void Run();
                public static Task<int> LaterAsync();
                public static int Fails();
            }
            """;
        const string code = """
            namespace Acme.Text;
            public enum Color { Red, Green }
            public sealed record Pair(string Key, int Value);
            public sealed class Token { public override string ToString() => "tok"; }
            public static class Values
            {
                public static string Text() => "say \"hi\"\n\tÜ";
                public static string? Nothing() => null;
                public static long Big() => 5_000_000_000;
                public static double NotANumber() => double.NaN;
                public static double Half() => -0.5;
                public static bool Yes() => true;
                public static char Letter() => '\'';
                public static Color Favourite() => Color.Green;
                public static List<int> Numbers() => [3, 1, 2];
                public static IEnumerable<string> None() => [];
                public static Dictionary<string, int> Counts() => new() { ["b"] = 2, ["a"] = 1 };
                public static Pair First() => new("k", 7);
                public static Token Opaque() => new();
                public static (string, int) Tuple() => ("x", 1);
                public static string Long() => new string('z', 300);
                public static void Run() { }
                public static async Task<int> LaterAsync() { await Task.Yield(); return 42; }
                public static int Fails() => throw new InvalidOperationException("no");
            }
            """;
        var subject = Subject(_project, Library(contract, "Values.Yes()"));
        using var comparer = new ProbeComparer(Options());
        var probes = await comparer.ProbesAsync(subject, CancellationToken.None);
        using var runner = new ProbeRunner(Options(), new ProbeComparerOptions());

        var outcomes = await runner.RunAsync(subject, code, probes, CancellationToken.None);
        var all = probes.Zip(outcomes, (p, o) => (p.Input, o.Display, Example: ProbeExampleWriter.Write(p, o, false))).ToList();
        var shown = all.Where(s => s.Input.StartsWith("Values.", StringComparison.Ordinal)).ToList();

        Assert.Equal(
        [
            ("Values.Text()", "\"say \\\"hi\\\"\\n\\tÜ\"", "Values.Text() == \"say \\\"hi\\\"\\n\\tÜ\""),
            ("Values.Nothing()", "null", "Values.Nothing() is null"),
            ("Values.Big()", "5000000000", "Values.Big() == 5000000000"),
            ("Values.NotANumber()", "NaN", "double.IsNaN(Values.NotANumber())"),
            ("Values.Half()", "-0.5", "Values.Half() == -0.5"),
            ("Values.Letter()", "'\\''", "Values.Letter() == '\\''"),
            ("Values.Favourite()", "Color.Green", "Values.Favourite() == Color.Green"),
            ("Values.Numbers()", "[3, 1, 2]", "Values.Numbers().SequenceEqual(new[] { 3, 1, 2 })"),
            ("Values.None()", "[]", "!Values.None().Any()"),
            ("Values.Counts()", "{ [\"a\"] = 1, [\"b\"] = 2 }", "Values.Counts() is { Count: 2 } __d && __d[\"a\"] == 1 && __d[\"b\"] == 2"),
            ("Values.First()", "Pair { Key = \"k\", Value = 7 }", "Values.First() is { Key: \"k\", Value: 7 }"),
            ("Values.Opaque()", "Token(\"tok\")", "Values.Opaque().ToString() == \"tok\""),
            ("Values.Tuple()", "(\"x\", 1)", "Values.Tuple() == (\"x\", 1)"),
            ("Values.Long()", "\"" + new string('z', 160) + "\"… (300 chars, #" + Fnv(new string('z', 300)) + ")", "Values.Long() == \"" + new string('z', 300) + "\""),
            ("Values.Run()", "completes", "Values.Run();"),
            ("Values.LaterAsync()", "42", "(await Values.LaterAsync()) == 42"),
            ("Values.Fails()", "throws InvalidOperationException", "Assert.Throws<System.InvalidOperationException>(() => Values.Fails());"),
        ], shown);

        // Every suggested example holds when run against the code it was taken from.
        using var examples = new ExampleRunner(Options());
        var report = await examples.RunAsync(Request(_project, code, all.Where(s => s.Example.Length > 0).Select(s => new PromptExample(s.Example, "csharp", new SourceSpan(20, 1))).ToList()), CancellationToken.None);
        Assert.True(report.AllPassed, string.Join("\n", report.Failures.Select(f => f.Example.Code + ": " + f.Message)));
    }

    private static string Fnv(string s)
    {
        var hash = 2166136261;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 16777619;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
