using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using MicroPrompt.Quality;

namespace MicroPrompt.Core.Tests.Quality;

public sealed class CodeQualityCheckerTests
{
    private const string PromptText = """
        ---
        kind: library
        ---
        # Fetcher

        Fetch and count things.

        ## Contract
        ```csharp
        public static class Fetcher
        {
            public static Task<string> GetAsync(Uri address, CancellationToken ct = default);
            public static int Count(string text);
        }
        ```
        """;

    private static readonly ProjectContext Project = new()
    {
        ProjectDirectory = Path.GetTempPath(),
        ImplicitUsings = true,
        Nullable = "enable",
        ReferencePaths = TestReferences.All,
    };

    private readonly CodeQualityChecker _checker = new();

    [Fact]
    public void Clean_code_that_matches_the_contract_has_no_findings()
    {
        var findings = Check("""
            namespace App;

            public static class Fetcher
            {
                public static async Task<string> GetAsync(System.Uri address, System.Threading.CancellationToken ct = default)
                {
                    ArgumentNullException.ThrowIfNull(address);
                    using var client = new HttpClient();
                    using var response = await client.GetAsync(address, ct);
                    return await response.Content.ReadAsStringAsync(ct);
                }

                public static Int32 Count(String text)
                {
                    try { return text.Length; }
                    catch (NullReferenceException) { throw new ArgumentNullException(nameof(text)); }
                }
            }
            """);
        Assert.Empty(findings);
    }

    [Fact]
    public void Each_smell_gets_its_own_code_located_in_the_prompt()
    {
        var findings = Check("""
            namespace App;

            public static class Fetcher
            {
                public static Task<string> GetAsync(Uri address, CancellationToken ct = default)
                {
                    var client = new HttpClient();
                    var text = client.GetStringAsync(address).Result;
                    client.GetStringAsync(address).Wait();
                    var again = client.GetStringAsync(address).GetAwaiter().GetResult();
                    return Task.FromResult(text + again);
                }

                public static int Count(string text)
                {
                    try { return int.Parse(Console.ReadLine()!); }
                    catch { }
                    Environment.Exit(2);
                    return 0;
                }
            }
            """);

        Assert.Contains(findings, f => f.Code == DiagnosticCodes.UndisposedResource && f.Message.Contains("'client' (HttpClient)"));
        Assert.Equal(3, findings.Count(f => f.Code == DiagnosticCodes.SyncOverAsync));
        Assert.Equal(2, findings.Count(f => f.Code == DiagnosticCodes.ConsoleOrExitInLibrary));
        var empty = Assert.Single(findings, f => f.Code == DiagnosticCodes.EmptyCatch);
        Assert.StartsWith("Fetcher.g.cs(17,", empty.Message);
        Assert.All(findings, f =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
            Assert.Equal("Fetcher.mprompt", f.File);
            Assert.Equal(1, f.Line);
        });
        Assert.DoesNotContain(findings, f => f.Code == DiagnosticCodes.ContractMismatch);
    }

    [Fact]
    public void A_disposable_that_is_returned_passed_on_or_disposed_is_not_flagged()
    {
        var findings = Check("""
            namespace App;

            public static class Fetcher
            {
                public static Task<string> GetAsync(Uri address, CancellationToken ct = default)
                {
                    var a = new CancellationTokenSource();
                    a.Dispose();
                    var b = new StreamReader(new MemoryStream());
                    Keep(b);
                    var c = new SemaphoreSlim(1);
                    return Task.FromResult(c.CurrentCount.ToString());
                }

                public static HttpClient Make() { var client = new HttpClient(); return client; }

                public static int Count(string text) => text.Length;

                private static void Keep(IDisposable d) => d.Dispose();
            }
            """);

        var single = Assert.Single(findings);
        Assert.Equal(DiagnosticCodes.UndisposedResource, single.Code);
        Assert.Contains("'c' (SemaphoreSlim)", single.Message);
    }

    [Fact]
    public void Contract_mismatches_are_reported_at_the_contract_line()
    {
        var findings = Check("""
            namespace App;

            public static class Fetcher
            {
                public static Task<string> GetAsync(Uri address) => Task.FromResult("");
                internal static int Count(string text) => text.Length;
            }
            """);

        var mismatches = findings.Where(f => f.Code == DiagnosticCodes.ContractMismatch).ToList();
        Assert.True(mismatches.Count == 2, string.Join("\n", findings));
        // The contract's code starts on line 10 of the prompt; GetAsync is its 3rd line, Count its 4th.
        Assert.Contains(mismatches, f => f.Line == 12 && f.Message.Contains("GetAsync(Uri, CancellationToken = …)") && f.Message.Contains("GetAsync(Uri)"));
        Assert.Contains(mismatches, f => f.Line == 13 && f.Message.Contains("not public"));
    }

    [Fact]
    public void A_missing_contract_type_is_a_mismatch_and_programs_may_read_the_console()
    {
        var document = Parse(PromptText.Replace("kind: library", "kind: program"));
        var findings = _checker.Check(new CodeQualityRequest
        {
            Code = "var line = Console.ReadLine();\nConsole.WriteLine(line);\n",
            FileName = "Fetcher.g.cs",
            Prompt = document,
            Project = Project,
        });

        var single = Assert.Single(findings);
        Assert.Equal(DiagnosticCodes.ContractMismatch, single.Code);
        Assert.Contains("type 'Fetcher' is missing", single.Message);
        Assert.Equal(10, single.Line);
    }

    private IReadOnlyList<MicroPrompt.Diagnostics.MicroPromptDiagnostic> Check(string code) =>
        _checker.Check(new CodeQualityRequest { Code = code, FileName = "Fetcher.g.cs", Prompt = Parse(PromptText), Project = Project });

    private static PromptDocument Parse(string text)
    {
        var result = PromptParser.Parse("Fetcher.mprompt", text);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }
}
