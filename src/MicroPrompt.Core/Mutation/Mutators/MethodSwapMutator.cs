using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Mutation.Mutators;

/// <summary>
/// Stryker.NET's LINQ, string-method and math mutators, by method name (no semantic model: a swap that does not
/// compile on another type is a compile error, left out of the score): <c>First</c>↔<c>Last</c>, <c>Any</c>↔<c>All</c>,
/// <c>Min</c>↔<c>Max</c>, <c>OrderBy</c>↔<c>OrderByDescending</c>, <c>Skip</c>↔<c>Take</c>, <c>Distinct()</c> and
/// <c>Reverse()</c> removed, …; <c>StartsWith</c>↔<c>EndsWith</c>, <c>ToUpper</c>↔<c>ToLower</c>,
/// <c>Trim</c>→<c>TrimStart</c>/<c>TrimEnd</c>, <c>PadLeft</c>↔<c>PadRight</c>, <c>IndexOf</c>↔<c>LastIndexOf</c>;
/// <c>Math.Floor</c>↔<c>Math.Ceiling</c>.
/// </summary>
internal sealed class MethodSwapMutator : IMutator
{
    private static readonly Dictionary<string, (string Mutator, string[] To)> Swaps = new(StringComparer.Ordinal)
    {
        ["First"] = ("linq", ["Last", "FirstOrDefault"]),
        ["Last"] = ("linq", ["First", "LastOrDefault"]),
        ["FirstOrDefault"] = ("linq", ["LastOrDefault", "First"]),
        ["LastOrDefault"] = ("linq", ["FirstOrDefault", "Last"]),
        ["Single"] = ("linq", ["SingleOrDefault"]),
        ["SingleOrDefault"] = ("linq", ["Single"]),
        ["Any"] = ("linq", ["All"]),
        ["All"] = ("linq", ["Any"]),
        ["Skip"] = ("linq", ["Take"]),
        ["Take"] = ("linq", ["Skip"]),
        ["SkipWhile"] = ("linq", ["TakeWhile"]),
        ["TakeWhile"] = ("linq", ["SkipWhile"]),
        ["SkipLast"] = ("linq", ["TakeLast"]),
        ["TakeLast"] = ("linq", ["SkipLast"]),
        ["Min"] = ("linq", ["Max"]),
        ["Max"] = ("linq", ["Min"]),
        ["MinBy"] = ("linq", ["MaxBy"]),
        ["MaxBy"] = ("linq", ["MinBy"]),
        ["Sum"] = ("linq", ["Max"]),
        ["Average"] = ("linq", ["Min"]),
        ["OrderBy"] = ("linq", ["OrderByDescending"]),
        ["OrderByDescending"] = ("linq", ["OrderBy"]),
        ["ThenBy"] = ("linq", ["ThenByDescending"]),
        ["ThenByDescending"] = ("linq", ["ThenBy"]),
        ["Union"] = ("linq", ["Intersect"]),
        ["Intersect"] = ("linq", ["Union"]),
        ["Concat"] = ("linq", ["Except"]),
        ["Except"] = ("linq", ["Concat"]),
        ["Append"] = ("linq", ["Prepend"]),
        ["Prepend"] = ("linq", ["Append"]),
        ["StartsWith"] = ("string-method", ["EndsWith"]),
        ["EndsWith"] = ("string-method", ["StartsWith"]),
        ["ToUpper"] = ("string-method", ["ToLower"]),
        ["ToLower"] = ("string-method", ["ToUpper"]),
        ["ToUpperInvariant"] = ("string-method", ["ToLowerInvariant"]),
        ["ToLowerInvariant"] = ("string-method", ["ToUpperInvariant"]),
        ["Trim"] = ("string-method", ["TrimStart", "TrimEnd"]),
        ["TrimStart"] = ("string-method", ["TrimEnd"]),
        ["TrimEnd"] = ("string-method", ["TrimStart"]),
        ["PadLeft"] = ("string-method", ["PadRight"]),
        ["PadRight"] = ("string-method", ["PadLeft"]),
        ["IndexOf"] = ("string-method", ["LastIndexOf"]),
        ["LastIndexOf"] = ("string-method", ["IndexOf"]),
        ["Floor"] = ("math", ["Ceiling"]),
        ["Ceiling"] = ("math", ["Floor"]),
    };

    /// <summary>Calls without arguments whose removal keeps the receiver: <c>xs.Distinct()</c> → <c>xs</c>.</summary>
    private static readonly HashSet<string> Removable = new(StringComparer.Ordinal) { "Distinct", "Reverse" };

    public IEnumerable<MutationCandidate> Mutate(SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            yield break;
        }

        var name = access.Name.Identifier.Text;
        if (Removable.Contains(name) && invocation.ArgumentList.Arguments.Count == 0)
        {
            yield return new(invocation, access.Expression.ToString(), "linq");
            yield break;
        }

        if (!Swaps.TryGetValue(name, out var swap))
        {
            yield break;
        }

        foreach (var to in swap.To)
        {
            var renamed = access.Name.WithIdentifier(SyntaxFactory.Identifier(to).WithTriviaFrom(access.Name.Identifier));
            yield return new(invocation, invocation.WithExpression(access.WithName(renamed)).ToString(), swap.Mutator);
        }
    }
}
