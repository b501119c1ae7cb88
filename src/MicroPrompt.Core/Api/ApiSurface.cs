using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static MicroPrompt.Api.ApiSyntax;

namespace MicroPrompt.Api;

/// <summary>
/// The public surface of C# code by syntax: the public or protected types (and, nested, only inside such types) and
/// their public or protected members, without overrides, explicit interface implementations, static constructors and
/// finalizers. A contract is read whole: every type and every member not marked <c>private</c>. Never throws on
/// malformed code (what parses is read).
/// </summary>
internal static class ApiSurface
{
    public static IReadOnlyList<ApiType> Read(string code, bool contract = false) => Read(Parse(code), contract);

    public static IReadOnlyList<ApiType> Read(CompilationUnitSyntax root, bool contract)
    {
        var parts = new Dictionary<string, List<(string Namespace, string Path, MemberDeclarationSyntax Node)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var type in Types(root))
        {
            var key = type.Namespace + "|" + type.Path;
            if (!parts.TryGetValue(key, out var list))
            {
                parts[key] = list = [];
                order.Add(key);
            }

            list.Add(type);
        }

        var groupOf = parts.Values.SelectMany(g => g.Select(t => (t.Node, Group: g))).ToDictionary(x => x.Node, x => x.Group);
        var visible = new Dictionary<MemberDeclarationSyntax, bool>();
        var result = new List<ApiType>();
        foreach (var key in order)
        {
            var group = parts[key];
            var nodes = group.Select(g => g.Node).ToList();
            if (!contract && !nodes.Any(n => IsVisibleType(n, groupOf, visible)))
            {
                continue;
            }

            result.Add(Describe(group[0].Namespace, group[0].Path, nodes, contract));
        }

        return result;
    }

    private static bool IsVisibleType(
        MemberDeclarationSyntax node,
        Dictionary<MemberDeclarationSyntax, List<(string Namespace, string Path, MemberDeclarationSyntax Node)>> groupOf,
        Dictionary<MemberDeclarationSyntax, bool> memo)
    {
        if (memo.TryGetValue(node, out var known))
        {
            return known;
        }

        bool result;
        if (node.Parent is TypeDeclarationSyntax container)
        {
            // A nested type is visible when its container is (any part of it) and it is public, or protected in a type that can be derived from.
            var containerParts = groupOf.TryGetValue(container, out var group) ? group : [];
            result = containerParts.Any(p => IsVisibleType(p.Node, groupOf, memo))
                && IsVisibleMember(node.Modifiers, containerParts.Select(p => p.Node).ToList());
        }
        else
        {
            result = Has(node.Modifiers, SyntaxKind.PublicKeyword);
        }

        memo[node] = result;
        return result;
    }

    /// <summary>Public, or protected (not private protected) in a type that can be derived from; interface members are public by default.</summary>
    private static bool IsVisibleMember(SyntaxTokenList modifiers, IReadOnlyList<MemberDeclarationSyntax> container)
    {
        if (Has(modifiers, SyntaxKind.PublicKeyword))
        {
            return true;
        }

        var isInterface = container.Any(p => p is InterfaceDeclarationSyntax);
        if (Has(modifiers, SyntaxKind.ProtectedKeyword) && !Has(modifiers, SyntaxKind.PrivateKeyword))
        {
            return isInterface || (container.All(p => p is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword })
                && !container.Any(p => Has(p.Modifiers, SyntaxKind.SealedKeyword) || Has(p.Modifiers, SyntaxKind.StaticKeyword)));
        }

        return isInterface && !Has(modifiers, SyntaxKind.PrivateKeyword) && !Has(modifiers, SyntaxKind.InternalKeyword) && !Has(modifiers, SyntaxKind.ProtectedKeyword);
    }

    private static ApiType Describe(string ns, string path, List<MemberDeclarationSyntax> nodes, bool contract)
    {
        var first = nodes[0];
        var map = TypeParameterMap(first);
        var pathDisplay = PathDisplay(first);
        var display = ns.Length == 0 ? pathDisplay : ns + "." + pathDisplay;
        var modifiers = nodes.SelectMany(n => n.Modifiers).ToList();
        var typeModifiers = string.Concat(new[] { SyntaxKind.StaticKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.SealedKeyword }
            .Where(k => modifiers.Any(m => m.IsKind(k))).Select(k => SyntaxFacts.GetText(k) + " "));
        var isProtected = !modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword)) && modifiers.Any(m => m.IsKind(SyntaxKind.ProtectedKeyword));
        var bases = nodes.OfType<BaseTypeDeclarationSyntax>()
            .SelectMany(n => n.BaseList?.Types.Select(t => t.Type) ?? [])
            .ToList();
        string Tail(IReadOnlyDictionary<string, string>? m)
        {
            var baseText = string.Join(", ", bases.Select(b => ApiSyntax.Type(b, m)).Distinct(StringComparer.Ordinal).OrderBy(b => b, StringComparer.Ordinal));
            return (baseText.Length == 0 ? "" : " : " + baseText) + Constraints(nodes.SelectMany(ConstraintClauses), m);
        }

        string shape, signature;
        if (first is DelegateDeclarationSyntax d)
        {
            shape = $"delegate {ApiSyntax.Type(d.ReturnType, map)} {TypeName(d)}({Parameters(d.ParameterList, true, map)}){Constraints(d.ConstraintClauses, map)}";
            signature = $"{(isProtected ? "protected " : "")}delegate {ApiSyntax.Type(d.ReturnType)} {display}({Parameters(d.ParameterList)}){Constraints(d.ConstraintClauses, null)}";
        }
        else
        {
            shape = $"{typeModifiers}{Kind(first)} {TypeName(first)}{Tail(map)}";
            signature = $"{(isProtected ? "protected " : "")}{typeModifiers}{Kind(first)} {display}{Tail(null)}";
        }

        var (line, column) = Located(Identifier(first));
        var entry = new ApiEntry(ns, path, null, Identifier(first).ValueText, Kind(first), display, signature, shape, isProtected, line, column, first);
        var members = new List<ApiEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var member in ApiSyntax.Members(node))
            {
                if (member is ExtensionBlockDeclarationSyntax block)
                {
                    // C# 14 extension members belong to the static class, told apart by their receiver.
                    var blockMap = ExtensionMap(map, block);
                    foreach (var inner in block.Members.Where(m => Included(m, nodes, contract)))
                    {
                        foreach (var described in ApiMembers.Describe(inner, entry, pathDisplay, blockMap))
                        {
                            Add(Extension(described, block, pathDisplay, blockMap));
                        }
                    }

                    continue;
                }

                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax || !Included(member, nodes, contract))
                {
                    continue;
                }

                foreach (var described in ApiMembers.Describe(member, entry, pathDisplay, map))
                {
                    Add(described);
                }
            }
        }

        return new ApiType(entry, members, nodes);

        void Add(ApiEntry described)
        {
            if (seen.Add(described.Member!))
            {
                members.Add(described);
            }
        }
    }

    private static Dictionary<string, string> ExtensionMap(Dictionary<string, string> map, ExtensionBlockDeclarationSyntax block)
    {
        var result = new Dictionary<string, string>(map, StringComparer.Ordinal);
        var parameters = block.TypeParameterList?.Parameters ?? default;
        for (var i = 0; i < parameters.Count; i++)
        {
            result[parameters[i].Identifier.ValueText] = "`e" + i;
        }

        return result;
    }

    private static ApiEntry Extension(ApiEntry member, ExtensionBlockDeclarationSyntax block, string typeDisplay, IReadOnlyDictionary<string, string> map)
    {
        var receiver = block.ParameterList?.Parameters.FirstOrDefault()?.Type;
        var shape = receiver is null ? "?" : ApiSyntax.Type(receiver, map);
        var display = (receiver is null ? "?" : ApiSyntax.Type(receiver)) + TypeParameterDisplay(block.TypeParameterList);
        var rest = member.Display.StartsWith(typeDisplay + ".", StringComparison.Ordinal) ? member.Display[typeDisplay.Length..] : "." + member.Display;
        return member with
        {
            Member = $"extension({shape}).{member.Member}",
            Display = $"{typeDisplay}.extension({display}){rest}",
            Signature = $"extension({display}) {member.Signature}",
            Shape = $"extension({shape}) {member.Shape}",
        };
    }

    private static bool Included(SyntaxNode member, List<MemberDeclarationSyntax> container, bool contract)
    {
        var modifiers = MemberModifiers(member);
        if (Has(modifiers, SyntaxKind.OverrideKeyword) || member is DestructorDeclarationSyntax
            || (member is ConstructorDeclarationSyntax && Has(modifiers, SyntaxKind.StaticKeyword)))
        {
            return false;
        }

        if (contract)
        {
            return !Has(modifiers, SyntaxKind.PrivateKeyword) || Has(modifiers, SyntaxKind.ProtectedKeyword);
        }

        return member is ParameterListSyntax or EnumMemberDeclarationSyntax || IsVisibleMember(modifiers, container);
    }

    private static IEnumerable<TypeParameterConstraintClauseSyntax> ConstraintClauses(MemberDeclarationSyntax node) =>
        node is TypeDeclarationSyntax t ? t.ConstraintClauses : [];

    /// <summary><c> where `0 : class, new()</c> for the clauses, type parameters replaced through <paramref name="map"/>.</summary>
    public static string Constraints(IEnumerable<TypeParameterConstraintClauseSyntax> clauses, IReadOnlyDictionary<string, string>? map) =>
        string.Concat(clauses
            .Select(c =>
            {
                var name = c.Name.Identifier.ValueText;
                var constraints = string.Join(", ", c.Constraints.Select(k => k is TypeConstraintSyntax t
                    ? ApiSyntax.Type(t.Type, map)
                    : string.Concat(k.ToString().Where(ch => !char.IsWhiteSpace(ch)))));
                return $" where {(map is not null && map.TryGetValue(name, out var p) ? p : name)} : {constraints}";
            })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal));

    /// <summary>The type parameters of the type and its containers by position (<c>`0</c>, <c>`1</c>, …; outermost first).</summary>
    private static Dictionary<string, string> TypeParameterMap(MemberDeclarationSyntax type)
    {
        var names = type.AncestorsAndSelf().Reverse()
            .SelectMany(n => n switch
            {
                TypeDeclarationSyntax t => t.TypeParameterList?.Parameters ?? default,
                DelegateDeclarationSyntax d => d.TypeParameterList?.Parameters ?? default,
                _ => default(SeparatedSyntaxList<TypeParameterSyntax>),
            })
            .Select(p => p.Identifier.ValueText)
            .ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            map[names[i]] = "`" + i;
        }

        return map;
    }

    /// <summary><c>Outer.Box&lt;T&gt;</c>: the type and its containers with their type parameters.</summary>
    public static string PathDisplay(MemberDeclarationSyntax type) => string.Join(".", type.AncestorsAndSelf().Reverse()
        .OfType<MemberDeclarationSyntax>()
        .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
        .Select(n => Identifier(n).ValueText + TypeParameterDisplay(n switch
        {
            TypeDeclarationSyntax t => t.TypeParameterList,
            DelegateDeclarationSyntax d => d.TypeParameterList,
            _ => null,
        })));

    public static string TypeParameterDisplay(TypeParameterListSyntax? list) =>
        list is null ? "" : "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.ValueText)) + ">";

    private static SyntaxToken Identifier(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier,
        DelegateDeclarationSyntax d => d.Identifier,
        _ => default,
    };

    public static (int Line, int Column) Located(SyntaxToken token)
    {
        var position = token.GetLocation().GetLineSpan().StartLinePosition;
        return (position.Line + 1, position.Character + 1);
    }
}
