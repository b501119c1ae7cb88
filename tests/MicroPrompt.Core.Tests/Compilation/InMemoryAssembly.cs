using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MicroPrompt.Core.Tests.Compilation;

/// <summary>Compiles sources against the reference pack and loads the result, to run stub code for real.</summary>
internal static class InMemoryAssembly
{
    public static Assembly Compile(params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var globalUsings = "global using System; global using System.Threading; global using System.Threading.Tasks; global using System.Collections.Generic;";
        var trees = sources.Append(globalUsings).Select(s => CSharpSyntaxTree.ParseText(s, parseOptions));
        var compilation = CSharpCompilation.Create(
            "Stub" + Guid.NewGuid().ToString("N"),
            trees,
            TestReferences.All.Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }
}
