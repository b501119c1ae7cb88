using Microsoft.CodeAnalysis;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>One family of Stryker.NET's operators: the mutants it makes of one syntax node (none for most nodes).</summary>
internal interface IMutator
{
    IEnumerable<MutationCandidate> Mutate(SyntaxNode node);
}
