using Microsoft.CodeAnalysis;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// A mutant before it is numbered: <paramref name="Target"/>'s text (without its outer trivia) becomes
/// <paramref name="Replacement"/>. <paramref name="Shown"/> is what messages show instead of the replacement
/// (<c>""</c> for a removed statement).
/// </summary>
internal readonly record struct MutationCandidate(SyntaxNode Target, string Replacement, string Mutator, string? Shown = null);
