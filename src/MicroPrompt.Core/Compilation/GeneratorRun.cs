using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MicroPrompt.Compilation;

/// <summary>A compilation with its source generators' output added, and what the generator driver reported.</summary>
internal sealed record GeneratorRun(CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Generators that threw (CS8784/CS8785): their output is missing from <see cref="Compilation"/>.</summary>
    public IEnumerable<Diagnostic> Failures => Diagnostics.Where(d => CompilationInputCache.GeneratorFailureIds.Contains(d.Id));
}
