using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MicroPrompt.Api;

/// <summary>
/// The syntax-only vocabulary shared by the contract comparison, the public API diff and the library shape check:
/// type paths, member names and normalized signatures. Types compare by their written names with namespaces,
/// <c>global::</c>, nullable reference annotations and keyword aliases (<c>String</c> = <c>string</c>) ignored.
/// </summary>
internal static class ApiSyntax
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["String"] = "string", ["Int32"] = "int", ["Int64"] = "long", ["Int16"] = "short", ["Byte"] = "byte",
        ["SByte"] = "sbyte", ["UInt32"] = "uint", ["UInt64"] = "ulong", ["UInt16"] = "ushort", ["Boolean"] = "bool",
        ["Double"] = "double", ["Single"] = "float", ["Decimal"] = "decimal", ["Char"] = "char", ["Object"] = "object",
        ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    public static CompilationUnitSyntax Parse(string code) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ParseOptions).GetRoot();

    /// <summary>
    /// Every type declared under <paramref name="root"/> (nested ones too, after their container) with its namespace
    /// (<c>A.B</c> for nested or dotted namespaces, empty for none) and its path inside the namespace
    /// (<c>Outer.Inner`1</c>: nested types by their containers, generic arity after a backtick).
    /// </summary>
    public static List<(string Namespace, string Path, MemberDeclarationSyntax Node)> Types(SyntaxNode root)
    {
        var result = new List<(string, string, MemberDeclarationSyntax)>();
        Collect(root, "", "", result);
        return result;
    }

    private static void Collect(SyntaxNode container, string ns, string prefix, List<(string, string, MemberDeclarationSyntax)> result)
    {
        var members = container switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax n => n.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax n:
                    var name = string.Concat(n.Name.ToString().Where(c => !char.IsWhiteSpace(c)));
                    Collect(n, ns.Length == 0 ? name : ns + "." + name, prefix, result);
                    break;
                case ExtensionBlockDeclarationSyntax:
                    break; // C# 14 extension members are members of the static class
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    var path = prefix + TypeName(member);
                    result.Add((ns, path, member));
                    if (member is TypeDeclarationSyntax nested)
                    {
                        Collect(nested, ns, path + ".", result);
                    }

                    break;
            }
        }
    }

    public static string TypeName(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.Identifier.ValueText + Arity(t.TypeParameterList),
        EnumDeclarationSyntax e => e.Identifier.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText + Arity(d.TypeParameterList),
        _ => "",
    };

    public static string Arity(TypeParameterListSyntax? list) => list is null ? "" : $"`{list.Parameters.Count}";

    public static string Kind(MemberDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        ClassDeclarationSyntax => "class",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        EnumDeclarationSyntax => "enum",
        DelegateDeclarationSyntax => "delegate",
        _ => "type",
    };

    /// <summary>The members of a type; a primary constructor (<c>record Point(int X)</c>) is its parameter list.</summary>
    public static IEnumerable<SyntaxNode> Members(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.Members.Cast<SyntaxNode>().Concat(t.ParameterList is null ? [] : [t.ParameterList]),
        EnumDeclarationSyntax e => e.Members,
        DelegateDeclarationSyntax d => [d],
        _ => [],
    };

    /// <summary>The member's name (what must exist), or null for members a contract does not constrain.</summary>
    public static string? Key(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null => m.Identifier.ValueText + Arity(m.TypeParameterList),
        ConstructorDeclarationSyntax c when !Has(c.Modifiers, SyntaxKind.StaticKeyword) => ".ctor",
        ParameterListSyntax => ".ctor",
        PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null => p.Identifier.ValueText,
        IndexerDeclarationSyntax i when i.ExplicitInterfaceSpecifier is null => "this[]",
        FieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EventFieldDeclarationSyntax e => string.Join(",", e.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EventDeclarationSyntax e when e.ExplicitInterfaceSpecifier is null => e.Identifier.ValueText,
        EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
        OperatorDeclarationSyntax o when o.ExplicitInterfaceSpecifier is null => "operator " + o.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax c when c.ExplicitInterfaceSpecifier is null => "operator " + c.ImplicitOrExplicitKeyword.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A normalized signature: what callers depend on (the contract comparison's form).</summary>
    public static string? Signature(SyntaxNode member) => member switch
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

    public static string Static(SyntaxTokenList modifiers) => Has(modifiers, SyntaxKind.StaticKeyword) ? "static " : "";

    public static string TypeParameters(TypeParameterListSyntax? list) =>
        list is null ? "" : $"<{list.Parameters.Count}>";

    /// <summary>
    /// Parameter types with <c>ref</c>/<c>out</c>/<c>in</c>/<c>params</c>/<c>this</c>, and <c> = …</c> for an optional
    /// one when <paramref name="defaults"/>; names never (renaming a parameter is no change of shape).
    /// </summary>
    public static string Parameters(BaseParameterListSyntax list, bool defaults = true, IReadOnlyDictionary<string, string>? typeParameters = null) =>
        string.Join(", ", list.Parameters.Select(p =>
        {
            var modifiers = string.Concat(p.Modifiers.Where(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword
                or SyntaxKind.ParamsKeyword or SyntaxKind.ThisKeyword).Select(m => m.ValueText + " "));
            return modifiers + (p.Type is null ? "?" : Type(p.Type, typeParameters)) + (defaults && p.Default is not null ? " = …" : "");
        }));

    /// <summary>
    /// The non-private accessors, sorted: <c>{ get; set; }</c>; an expression-bodied property is <c>{ get; }</c>. With
    /// <paramref name="outsideView"/>, <c>internal</c> accessors are left out too and <c>protected</c> ones say so.
    /// </summary>
    public static string Accessors(AccessorListSyntax? list, ArrowExpressionClauseSyntax? arrow, bool outsideView = false)
    {
        if (list is null)
        {
            return arrow is null ? "" : "{ get; }";
        }

        var kinds = list.Accessors
            .Where(a => !Has(a.Modifiers, SyntaxKind.PrivateKeyword)
                && !(outsideView && Has(a.Modifiers, SyntaxKind.InternalKeyword) && !Has(a.Modifiers, SyntaxKind.ProtectedKeyword)))
            .Select(a => (outsideView && Has(a.Modifiers, SyntaxKind.ProtectedKeyword) ? "protected " : "") + a.Keyword.ValueText)
            .OrderBy(k => k, StringComparer.Ordinal);
        return "{ " + string.Concat(kinds.Select(k => k + "; ")) + "}";
    }

    /// <summary>
    /// A type's written name, normalized; identifiers found in <paramref name="typeParameters"/> are replaced by their
    /// value (so that renaming a type parameter is no change).
    /// </summary>
    public static string Type(TypeSyntax type, IReadOnlyDictionary<string, string>? typeParameters = null)
    {
        var text = new StringBuilder();
        Append(type, text, typeParameters);
        return text.ToString();
    }

    private static void Append(TypeSyntax type, StringBuilder text, IReadOnlyDictionary<string, string>? map)
    {
        switch (type)
        {
            case NullableTypeSyntax n:
                Append(n.ElementType, text, map); // nullable annotations do not change what callers can call
                if (IsValueTypeKeyword(n.ElementType))
                {
                    text.Append('?');
                }

                break;
            case QualifiedNameSyntax q:
                Append(q.Right, text, map);
                break;
            case AliasQualifiedNameSyntax a:
                Append(a.Name, text, map);
                break;
            case GenericNameSyntax g when g.Identifier.ValueText == "Nullable" && g.TypeArgumentList.Arguments.Count == 1:
                Append(g.TypeArgumentList.Arguments[0], text, map);
                text.Append('?');
                break;
            case GenericNameSyntax g:
                text.Append(g.Identifier.ValueText).Append('<');
                AppendList(g.TypeArgumentList.Arguments, text, map);
                text.Append('>');
                break;
            case IdentifierNameSyntax id when map is not null && map.TryGetValue(id.Identifier.ValueText, out var parameter):
                text.Append(parameter);
                break;
            case IdentifierNameSyntax id:
                text.Append(Aliases.TryGetValue(id.Identifier.ValueText, out var alias) ? alias : id.Identifier.ValueText);
                break;
            case ArrayTypeSyntax array:
                Append(array.ElementType, text, map);
                foreach (var rank in array.RankSpecifiers)
                {
                    text.Append('[').Append(',', Math.Max(0, rank.Rank - 1)).Append(']');
                }

                break;
            case TupleTypeSyntax tuple:
                text.Append('(');
                AppendList(tuple.Elements.Select(e => e.Type), text, map);
                text.Append(')');
                break;
            default:
                text.Append(string.Concat(type.ToString().Where(c => !char.IsWhiteSpace(c))));
                break;
        }
    }

    private static void AppendList(IEnumerable<TypeSyntax> types, StringBuilder text, IReadOnlyDictionary<string, string>? map)
    {
        var first = true;
        foreach (var item in types)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            Append(item, text, map);
        }
    }

    private static bool IsValueTypeKeyword(TypeSyntax type) =>
        type is PredefinedTypeSyntax p && !p.Keyword.IsKind(SyntaxKind.StringKeyword) && !p.Keyword.IsKind(SyntaxKind.ObjectKeyword)
        || type is IdentifierNameSyntax { Identifier.ValueText: "Int32" or "Int64" or "Boolean" or "Double" or "Decimal" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "Guid" or "CancellationToken" };

    public static bool IsVisible(SyntaxTokenList modifiers, bool publicByDefault) =>
        Has(modifiers, SyntaxKind.PublicKeyword)
        || (Has(modifiers, SyntaxKind.ProtectedKeyword) && !Has(modifiers, SyntaxKind.PrivateKeyword))
        || (publicByDefault && !Has(modifiers, SyntaxKind.PrivateKeyword) && !Has(modifiers, SyntaxKind.InternalKeyword));

    public static SyntaxTokenList MemberModifiers(SyntaxNode member) => member is MemberDeclarationSyntax m ? m.Modifiers : default;

    public static bool Has(SyntaxTokenList modifiers, SyntaxKind kind) => modifiers.Any(m => m.IsKind(kind));

    public static LinePosition Position(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition;
}
