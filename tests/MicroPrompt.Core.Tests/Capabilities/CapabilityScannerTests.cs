using MicroPrompt.Capabilities;
using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;
using MicroPrompt.Resolution;
using Microsoft.Extensions.Caching.Memory;
using CompileTestProject = MicroPrompt.Core.Tests.Compilation.TestProject;

namespace MicroPrompt.Core.Tests.Capabilities;

/// <summary>The Roslyn capability scan run by the compile check, and the MP2020 report built from it.</summary>
public sealed class CapabilityScannerTests : IDisposable
{
    private readonly CompileTestProject _project = new();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _project.Dispose();
    }

    [Theory]
    [InlineData("public static string Read(string p) => System.IO.File.ReadAllText(p);", "filesystem", "System.IO.File", "File.")]
    [InlineData("public static string Read(string p) { using var r = new System.IO.StreamReader(p); return r.ReadToEnd(); }", "filesystem", "new System.IO.StreamReader", "new ")]
    [InlineData("public static System.Net.Http.HttpClient Make() => new();", "network", "System.Net.Http.HttpClient", "HttpClient")]
    [InlineData("public static void Run() => System.Diagnostics.Process.Start(\"sh\");", "process", "System.Diagnostics.Process", "Process.")]
    [InlineData("public static void Quit() => System.Environment.Exit(1);", "process", "System.Environment.Exit", "Exit")]
    [InlineData("public static string? Key() => Environment.GetEnvironmentVariable(\"HOME\");", "environment", "System.Environment.GetEnvironmentVariable", "GetEnv")]
    [InlineData("public static object? M() => typeof(string).GetMethod(\"Trim\", Type.EmptyTypes);", "reflection", "System.Type.GetMethod", "GetMethod")]
    [InlineData("public static object? New(Type t) => Activator.CreateInstance(t);", "reflection", "System.Activator", "Activator")]
    public void Each_capability_is_found_at_its_first_use(string member, string capability, string api, string at)
    {
        var uses = Scan(member);

        var use = Assert.Single(uses);
        Assert.Equal(capability, use.Capability);
        Assert.Equal(api, use.Api);
        Assert.Equal((5, 4 + member.IndexOf(at, StringComparison.Ordinal) + 1), (use.Line, use.Column)); // member is on line 5, indented 4
    }

    [Fact]
    public void Pure_code_touching_the_same_namespaces_uses_no_capability()
    {
        var uses = Scan("""
            public static string Pure(string s)
            {
                var encoded = System.Net.WebUtility.HtmlEncode(s) + System.IO.Path.Combine("a", "b") + Environment.NewLine;
                using var reader = new System.IO.StreamReader(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(s)));
                return encoded + reader.ReadToEnd() + typeof(string).Name + nameof(Pure) + s.GetType().FullName + Environment.ProcessorCount;
            }
            """);

        Assert.Empty(uses);
    }

    [Fact]
    public void Several_capabilities_are_listed_once_each_in_a_fixed_order()
    {
        var uses = Scan("""
            public static string Many()
            {
                var a = System.Reflection.Assembly.GetExecutingAssembly().FullName;
                var b = System.IO.File.Exists("x");
                var c = System.IO.File.Exists("y");
                return a + b + c + new System.Net.Http.HttpClient().BaseAddress;
            }
            """);

        Assert.Equal(["network", "filesystem", "reflection"], uses.Select(u => u.Capability));
        Assert.Equal(["network", "filesystem", "reflection"], CapabilityCheck.Names(uses)!.OrderBy(n => n == "network" ? 0 : n == "filesystem" ? 1 : 2));
    }

    [Fact]
    public void Undeclared_use_is_warning_MP2020_at_the_capabilities_key_and_error_when_strict()
    {
        var item = new ResolutionItem { FullPath = "/p/Reader.mprompt", ItemPath = "Io/Reader.mprompt" };
        var found = new[] { new CapabilityUse("filesystem", "System.IO.File", 5, 50), new CapabilityUse("network", "System.Net.Http.HttpClient", 7, 3) };
        var document = Document(["network"], new SourceSpan(3, 1));

        var diagnostics = new List<MicroPromptDiagnostic>();
        CapabilityCheck.Report(item, document, null, found, strict: false, diagnostics);
        CapabilityCheck.Report(item, document, null, found, strict: true, diagnostics);

        Assert.Equal([DiagnosticSeverity.Warning, DiagnosticSeverity.Error], diagnostics.Select(d => d.Severity));
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(DiagnosticCodes.CapabilityNotDeclared, d.Code);
            Assert.Equal(("/p/Reader.mprompt", 3, 1), (d.File, d.Line, d.Column));
            Assert.Contains("filesystem (System.IO.File at Reader.g.cs(5,50))", d.Message);
            Assert.DoesNotContain("network (", d.Message); // declared
            Assert.Contains("capabilities: [filesystem, network]", d.Message);
        });
    }

    [Fact]
    public void Recorded_capabilities_of_resolved_code_are_checked_and_declared_ones_pass()
    {
        var item = new ResolutionItem { FullPath = "/p/R.mprompt", ItemPath = "R.mprompt" };
        var diagnostics = new List<MicroPromptDiagnostic>();

        CapabilityCheck.Report(item, Document(["process"], new SourceSpan(2, 1)), ["process"], null, strict: true, diagnostics);
        Assert.Empty(diagnostics);

        CapabilityCheck.Report(item, Document([], default), ["environment", "process"], null, strict: false, diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal((1, 1), (d.Line, d.Column));
        Assert.Contains("uses environment; process", d.Message);
    }

    private IReadOnlyList<CapabilityUse> Scan(string member)
    {
        var code = "namespace Acme;\n\npublic static class Subject\n{\n    " + member.Replace("\n", "\n    ") + "\n}\n";
        var result = new RoslynCompileChecker(_cache).Check(new CompileCheckRequest { Code = code, FileName = "Subject.g.cs", Project = _project.Context() });
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Capabilities;
    }

    private static PromptDocument Document(IReadOnlyList<string> capabilities, SourceSpan span) => new()
    {
        FilePath = "/p/x.mprompt",
        Text = "",
        Instructions = "",
        Capabilities = capabilities,
        KeySpans = span == default ? new Dictionary<string, SourceSpan>() : new Dictionary<string, SourceSpan> { ["capabilities"] = span },
    };
}
