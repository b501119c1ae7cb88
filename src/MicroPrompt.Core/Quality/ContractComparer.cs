using MicroPrompt.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static MicroPrompt.Api.ApiSyntax;

namespace MicroPrompt.Quality;

/// <summary>
/// Compares a <c>## Contract</c> with generated code by syntax: every type the contract declares must exist (same
/// name, arity and kind, public), and each of its members with the same signature. Types compare by their written
/// names with namespaces, <c>global::</c>, nullable annotations and keyword aliases (<c>String</c> = <c>string</c>)
/// ignored, so differently qualified spellings of one type match.
/// </summary>
internal static class ContractComparer
{
    /// <summary>Mismatches as (0-based line in the contract, 0-based column, message).</summary>
    public static IReadOnlyList<(int Line, int Column, string Message)> Compare(string contract, string code)
    {
        var contractTypes = Types(contract);
        var codeTypes = Types(code)
            .GroupBy(t => t.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<(int, int, string)>();

        foreach (var (path, expected) in contractTypes)
        {
            var where = Position(expected);
            if (!codeTypes.TryGetValue(path, out var candidates))
            {
                problems.Add((where.Line, where.Character, $"type '{path}' is missing"));
                continue;
            }

            var actual = candidates.Find(c => Kind(c.Node) == Kind(expected));
            if (actual.Node is null)
            {
                actual = candidates[0];
            }

            if (Kind(actual.Node) != Kind(expected))
            {
                problems.Add((where.Line, where.Character, $"'{path}' is a {Kind(expected)} in the contract but a {Kind(actual.Node)} in the code"));
                continue;
            }

            if (IsVisible(expected.Modifiers, false) && !IsVisible(actual.Node.Modifiers, false))
            {
                problems.Add((where.Line, where.Character, $"type '{path}' is not public in the code"));
            }

            if (Has(expected.Modifiers, SyntaxKind.StaticKeyword) != Has(actual.Node.Modifiers, SyntaxKind.StaticKeyword))
            {
                problems.Add((where.Line, where.Character, $"type '{path}' is {(Has(expected.Modifiers, SyntaxKind.StaticKeyword) ? "" : "not ")}static in the contract but {(Has(actual.Node.Modifiers, SyntaxKind.StaticKeyword) ? "" : "not ")}static in the code"));
            }

            CompareMembers(path, expected, actual.Node, problems);
        }

        return problems;
    }

    private static List<(string Path, MemberDeclarationSyntax Node)> Types(string code) =>
        ApiSyntax.Types(Parse(code)).Select(t => (t.Path, t.Node)).ToList();

    private static void CompareMembers(string path, MemberDeclarationSyntax expected, MemberDeclarationSyntax actual, List<(int, int, string)> problems)
    {
        var inInterface = expected is InterfaceDeclarationSyntax;
        var actualMembers = Members(actual).Select(m => (Member: m, Key: Key(m), Sig: Signature(m))).Where(m => m.Key is not null).ToList();
        var actualInterface = actual is InterfaceDeclarationSyntax;
        foreach (var member in Members(expected))
        {
            var key = Key(member);
            if (key is null || member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                continue; // nested types are compared as types of their own
            }

            var where = Position(member);
            var signature = Signature(member)!;
            var sameName = actualMembers.Where(m => m.Key == key).ToList();
            var match = sameName.FirstOrDefault(m => m.Sig == signature);
            if (match.Member is null)
            {
                var found = sameName.Count == 0 ? "it is missing" : $"the code has {string.Join(" / ", sameName.Select(m => $"'{m.Sig}'"))}";
                problems.Add((where.Line, where.Character, $"'{path}' should have '{signature}', but {found}"));
                continue;
            }

            if (IsVisible(MemberModifiers(member), inInterface || member is ParameterListSyntax or EnumMemberDeclarationSyntax)
                && !IsVisible(MemberModifiers(match.Member), actualInterface || match.Member is ParameterListSyntax or EnumMemberDeclarationSyntax))
            {
                problems.Add((where.Line, where.Character, $"'{path}.{key}' is not public in the code"));
            }
        }
    }
}
