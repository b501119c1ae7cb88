using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Quality;

/// <summary>
/// Compares a <c>## Contract</c> with generated code by syntax: every type the contract declares must exist (same
/// name, arity and kind, public), and each of its members with the same signature. Types compare by their written
/// names with namespaces, <c>global::</c>, nullable annotations and keyword aliases (<c>String</c> = <c>string</c>)
/// ignored, so differently qualified spellings of one type match.
/// </summary>
internal static class ContractComparer
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["String"] = "string", ["Int32"] = "int", ["Int64"] = "long", ["Int16"] = "short", ["Byte"] = "byte",
        ["SByte"] = "sbyte", ["UInt32"] = "uint", ["UInt64"] = "ulong", ["UInt16"] = "ushort", ["Boolean"] = "bool",
        ["Double"] = "double", ["Single"] = "float", ["Decimal"] = "decimal", ["Char"] = "char", ["Object"] = "object",
        ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    /// <summary>Mismatches as (0-based line in the contract, 0-based column, message).</summary>
    public static IReadOnlyList<(int Line, int Column, string Message)> Compare(string contract, string code)
    {
        var contractTypes = Types(CSharpSyntaxTree.ParseText(contract, ParseOptions).GetRoot(), "");
        var codeTypes = Types(CSharpSyntaxTree.ParseText(code, ParseOptions).GetRoot(), "")
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

    private static List<(string Path, MemberDeclarationSyntax Node)> Types(SyntaxNode root, string prefix)
    {
        var result = new List<(string, MemberDeclarationSyntax)>();
        var members = root switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax ns => ns.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    result.AddRange(Types(ns, prefix));
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    var path = prefix + TypeName(member);
                    result.Add((path, member));
                    if (member is TypeDeclarationSyntax nested)
                    {
                        result.AddRange(Types(nested, path + "."));
                    }

                    break;
            }
        }

        return result;
    }

    private static string TypeName(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.Identifier.ValueText + Arity(t.TypeParameterList),
        EnumDeclarationSyntax e => e.Identifier.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText + Arity(d.TypeParameterList),
        _ => "",
    };

    private static string Arity(TypeParameterListSyntax? list) => list is null ? "" : $"`{list.Parameters.Count}";

    private static string Kind(MemberDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        ClassDeclarationSyntax => "class",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        EnumDeclarationSyntax => "enum",
        DelegateDeclarationSyntax => "delegate",
        _ => "type",
    };

    private static IEnumerable<SyntaxNode> Members(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.Members.Cast<SyntaxNode>().Concat(PrimaryConstructor(t)),
        EnumDeclarationSyntax e => e.Members,
        DelegateDeclarationSyntax d => [d],
        _ => [],
    };

    // A record's or class's primary constructor counts as a constructor; a positional record's parameters also as properties.
    private static IEnumerable<SyntaxNode> PrimaryConstructor(TypeDeclarationSyntax type) =>
        type.ParameterList is null ? [] : [type.ParameterList];

    /// <summary>The member's name (what must exist), or null for members the contract does not constrain.</summary>
    private static string? Key(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null => m.Identifier.ValueText + Arity(m.TypeParameterList),
        ConstructorDeclarationSyntax c when !Has(c.Modifiers, SyntaxKind.StaticKeyword) => ".ctor",
        ParameterListSyntax => ".ctor",
        PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null => p.Identifier.ValueText,
        IndexerDeclarationSyntax i when i.ExplicitInterfaceSpecifier is null => "this[]",
        FieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EventFieldDeclarationSyntax e => string.Join(",", e.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EventDeclarationSyntax e => e.Identifier.ValueText,
        EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax c => "operator " + c.ImplicitOrExplicitKeyword.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A normalized signature: what callers depend on.</summary>
    private static string? Signature(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m => $"{Static(m.Modifiers)}{Type(m.ReturnType)} {m.Identifier.ValueText}{TypeParameters(m.TypeParameterList)}({Parameters(m.ParameterList)})",
        ConstructorDeclarationSyntax c => $"{c.Identifier.ValueText}({Parameters(c.ParameterList)})",
        ParameterListSyntax p => $"{(p.Parent as TypeDeclarationSyntax)?.Identifier.ValueText}({Parameters(p)})",
        PropertyDeclarationSyntax p => $"{Static(p.Modifiers)}{Type(p.Type)} {p.Identifier.ValueText} {Accessors(p.AccessorList, p.ExpressionBody)}",
        IndexerDeclarationSyntax i => $"{Type(i.Type)} this[{Parameters(i.ParameterList)}] {Accessors(i.AccessorList, i.ExpressionBody)}",
        FieldDeclarationSyntax f => $"{Static(f.Modifiers)}{Type(f.Declaration.Type)} {Key(f)}",
        EventFieldDeclarationSyntax e => $"event {Type(e.Declaration.Type)} {Key(e)}",
        EventDeclarationSyntax e => $"event {Type(e.Type)} {e.Identifier.ValueText}",
        EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
        OperatorDeclarationSyntax o => $"{Type(o.ReturnType)} operator {o.OperatorToken.ValueText}({Parameters(o.ParameterList)})",
        ConversionOperatorDeclarationSyntax c => $"{c.ImplicitOrExplicitKeyword.ValueText} operator {Type(c.Type)}({Parameters(c.ParameterList)})",
        DelegateDeclarationSyntax d => $"{Type(d.ReturnType)} {d.Identifier.ValueText}({Parameters(d.ParameterList)})",
        _ => null,
    };

    private static string Static(SyntaxTokenList modifiers) => Has(modifiers, SyntaxKind.StaticKeyword) ? "static " : "";

    private static string TypeParameters(TypeParameterListSyntax? list) =>
        list is null ? "" : $"<{list.Parameters.Count}>";

    private static string Parameters(BaseParameterListSyntax list) => string.Join(", ", list.Parameters.Select(p =>
    {
        var modifiers = string.Concat(p.Modifiers.Where(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword
            or SyntaxKind.ParamsKeyword or SyntaxKind.ThisKeyword).Select(m => m.ValueText + " "));
        return modifiers + (p.Type is null ? "?" : Type(p.Type)) + (p.Default is null ? "" : " = …");
    }));

    private static string Accessors(AccessorListSyntax? list, ArrowExpressionClauseSyntax? arrow)
    {
        if (list is null)
        {
            return arrow is null ? "" : "{ get; }";
        }

        var kinds = list.Accessors.Where(a => !Has(a.Modifiers, SyntaxKind.PrivateKeyword)).Select(a => a.Keyword.ValueText).OrderBy(k => k, StringComparer.Ordinal);
        return "{ " + string.Concat(kinds.Select(k => k + "; ")) + "}";
    }

    private static string Type(TypeSyntax type)
    {
        var text = new StringBuilder();
        Append(type, text);
        return text.ToString();
    }

    private static void Append(TypeSyntax type, StringBuilder text)
    {
        switch (type)
        {
            case NullableTypeSyntax n:
                Append(n.ElementType, text); // nullable annotations do not change what callers can call
                if (IsValueTypeKeyword(n.ElementType))
                {
                    text.Append('?');
                }

                break;
            case QualifiedNameSyntax q:
                Append(q.Right, text);
                break;
            case AliasQualifiedNameSyntax a:
                Append(a.Name, text);
                break;
            case GenericNameSyntax g when g.Identifier.ValueText == "Nullable" && g.TypeArgumentList.Arguments.Count == 1:
                Append(g.TypeArgumentList.Arguments[0], text);
                text.Append('?');
                break;
            case GenericNameSyntax g:
                text.Append(g.Identifier.ValueText).Append('<');
                for (var i = 0; i < g.TypeArgumentList.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Append(g.TypeArgumentList.Arguments[i], text);
                }

                text.Append('>');
                break;
            case IdentifierNameSyntax id:
                text.Append(Aliases.TryGetValue(id.Identifier.ValueText, out var alias) ? alias : id.Identifier.ValueText);
                break;
            case ArrayTypeSyntax array:
                Append(array.ElementType, text);
                foreach (var rank in array.RankSpecifiers)
                {
                    text.Append('[').Append(',', rank.Rank - 1).Append(']');
                }

                break;
            case TupleTypeSyntax tuple:
                text.Append('(');
                for (var i = 0; i < tuple.Elements.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Append(tuple.Elements[i].Type, text);
                }

                text.Append(')');
                break;
            default:
                text.Append(string.Concat(type.ToString().Where(c => !char.IsWhiteSpace(c))));
                break;
        }
    }

    private static bool IsValueTypeKeyword(TypeSyntax type) =>
        type is PredefinedTypeSyntax p && !p.Keyword.IsKind(SyntaxKind.StringKeyword) && !p.Keyword.IsKind(SyntaxKind.ObjectKeyword)
        || type is IdentifierNameSyntax { Identifier.ValueText: "Int32" or "Int64" or "Boolean" or "Double" or "Decimal" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "Guid" or "CancellationToken" };

    private static bool IsVisible(SyntaxTokenList modifiers, bool publicByDefault) =>
        Has(modifiers, SyntaxKind.PublicKeyword)
        || (Has(modifiers, SyntaxKind.ProtectedKeyword) && !Has(modifiers, SyntaxKind.PrivateKeyword))
        || (publicByDefault && !Has(modifiers, SyntaxKind.PrivateKeyword) && !Has(modifiers, SyntaxKind.InternalKeyword));

    private static SyntaxTokenList MemberModifiers(SyntaxNode member) => member is MemberDeclarationSyntax m ? m.Modifiers : default;

    private static bool Has(SyntaxTokenList modifiers, SyntaxKind kind) => modifiers.Any(m => m.IsKind(kind));

    private static LinePosition Position(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition;
}
