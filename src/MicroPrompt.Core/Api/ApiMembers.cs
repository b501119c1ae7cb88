using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static MicroPrompt.Api.ApiSyntax;

namespace MicroPrompt.Api;

/// <summary>The <see cref="ApiEntry"/> of each kind of member (a field declaration with two variables is two).</summary>
internal static class ApiMembers
{
    public static IEnumerable<ApiEntry> Describe(SyntaxNode member, ApiEntry type, string typeDisplay, IReadOnlyDictionary<string, string> typeMap)
    {
        var modifiers = MemberModifiers(member);
        var isProtected = !Has(modifiers, SyntaxKind.PublicKeyword) && Has(modifiers, SyntaxKind.ProtectedKeyword);
        var access = isProtected ? "protected " : "";
        var isStatic = Static(modifiers);
        ApiEntry Entry(string identity, string name, string kind, string display, string shape, string signature, SyntaxToken at)
        {
            var (line, column) = ApiSurface.Located(at);
            return new ApiEntry(type.Namespace, type.TypePath, identity, name, kind, display, access + signature, shape, isProtected, line, column, member);
        }

        switch (member)
        {
            case MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null:
            {
                var map = MethodMap(typeMap, m.TypeParameterList);
                var name = m.Identifier.ValueText;
                var display = $"{typeDisplay}.{name}{ApiSurface.TypeParameterDisplay(m.TypeParameterList)}({Parameters(m.ParameterList, false)})";
                var constraints = ApiSurface.Constraints(m.ConstraintClauses, map);
                yield return Entry(
                    $"{name}{Arity(m.TypeParameterList)}({Parameters(m.ParameterList, false, map)})",
                    name,
                    "method",
                    display,
                    $"{isStatic}{Type(m.ReturnType, map)} {name}{Arity(m.TypeParameterList)}({Parameters(m.ParameterList, true, map)}){constraints}",
                    $"{isStatic}{Type(m.ReturnType)} {typeDisplay}.{name}{ApiSurface.TypeParameterDisplay(m.TypeParameterList)}({Parameters(m.ParameterList)}){ApiSurface.Constraints(m.ConstraintClauses, null)}",
                    m.Identifier);
                break;
            }

            case ConstructorDeclarationSyntax c:
                yield return Constructor(c.ParameterList, c.Identifier);
                break;

            case ParameterListSyntax p when p.Parent is TypeDeclarationSyntax owner:
                yield return Constructor(p, p.OpenParenToken);
                if (owner is RecordDeclarationSyntax record)
                {
                    // A positional record's parameters are also its properties.
                    var accessors = record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) && !Has(record.Modifiers, SyntaxKind.ReadOnlyKeyword)
                        ? "{ get; set; }"
                        : "{ get; init; }";
                    foreach (var parameter in p.Parameters.Where(x => x.Type is not null))
                    {
                        var name = parameter.Identifier.ValueText;
                        yield return Entry(name, name, "property", $"{typeDisplay}.{name}", $"{Type(parameter.Type!, typeMap)} {name} {accessors}", $"{Type(parameter.Type!)} {typeDisplay}.{name} {accessors}", parameter.Identifier);
                    }
                }

                break;

            case PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null:
            {
                var name = p.Identifier.ValueText;
                var accessors = Accessors(p.AccessorList, p.ExpressionBody, outsideView: true);
                yield return Entry(name, name, "property", $"{typeDisplay}.{name}", $"{isStatic}{Type(p.Type, typeMap)} {name} {accessors}", $"{isStatic}{Type(p.Type)} {typeDisplay}.{name} {accessors}", p.Identifier);
                break;
            }

            case IndexerDeclarationSyntax i when i.ExplicitInterfaceSpecifier is null:
            {
                var accessors = Accessors(i.AccessorList, i.ExpressionBody, outsideView: true);
                yield return Entry(
                    $"this[{Parameters(i.ParameterList, false, typeMap)}]",
                    "this[]",
                    "indexer",
                    $"{typeDisplay}.this[{Parameters(i.ParameterList, false)}]",
                    $"{Type(i.Type, typeMap)} this[{Parameters(i.ParameterList, true, typeMap)}] {accessors}",
                    $"{Type(i.Type)} {typeDisplay}.this[{Parameters(i.ParameterList)}] {accessors}",
                    i.ThisKeyword);
                break;
            }

            case BaseFieldDeclarationSyntax f:
            {
                var isEvent = f is EventFieldDeclarationSyntax;
                var prefix = isEvent ? "event " : isStatic + (Has(modifiers, SyntaxKind.ConstKeyword) ? "const " : "") + (Has(modifiers, SyntaxKind.ReadOnlyKeyword) ? "readonly " : "");
                foreach (var variable in f.Declaration.Variables)
                {
                    var name = variable.Identifier.ValueText;
                    yield return Entry(name, name, isEvent ? "event" : "field", $"{typeDisplay}.{name}", $"{prefix}{Type(f.Declaration.Type, typeMap)} {name}", $"{prefix}{Type(f.Declaration.Type)} {typeDisplay}.{name}", variable.Identifier);
                }

                break;
            }

            case EventDeclarationSyntax e when e.ExplicitInterfaceSpecifier is null:
            {
                var name = e.Identifier.ValueText;
                yield return Entry(name, name, "event", $"{typeDisplay}.{name}", $"{isStatic}event {Type(e.Type, typeMap)} {name}", $"{isStatic}event {Type(e.Type)} {typeDisplay}.{name}", e.Identifier);
                break;
            }

            case EnumMemberDeclarationSyntax e:
            {
                var name = e.Identifier.ValueText;
                yield return Entry(name, name, "enum member", $"{typeDisplay}.{name}", name, $"{typeDisplay}.{name}", e.Identifier);
                break;
            }

            case OperatorDeclarationSyntax o when o.ExplicitInterfaceSpecifier is null:
            {
                var name = "operator " + o.OperatorToken.ValueText;
                var parameters = Parameters(o.ParameterList, false, typeMap);
                yield return Entry(
                    $"{name}({parameters})",
                    name,
                    "operator",
                    $"{typeDisplay}.{name}({Parameters(o.ParameterList, false)})",
                    $"{Type(o.ReturnType, typeMap)} {name}({parameters})",
                    $"{Type(o.ReturnType)} {typeDisplay}.{name}({Parameters(o.ParameterList, false)})",
                    o.OperatorToken);
                break;
            }

            case ConversionOperatorDeclarationSyntax c when c.ExplicitInterfaceSpecifier is null:
            {
                var direction = c.ImplicitOrExplicitKeyword.ValueText;
                var parameters = Parameters(c.ParameterList, false, typeMap);
                yield return Entry(
                    $"operator {direction} {Type(c.Type, typeMap)}({parameters})",
                    "operator " + direction,
                    "conversion",
                    $"{typeDisplay}.{direction} operator {Type(c.Type)}({Parameters(c.ParameterList, false)})",
                    $"{direction} operator {Type(c.Type, typeMap)}({parameters})",
                    $"{typeDisplay}.{direction} operator {Type(c.Type)}({Parameters(c.ParameterList, false)})",
                    c.OperatorKeyword);
                break;
            }
        }

        ApiEntry Constructor(ParameterListSyntax parameters, SyntaxToken at)
        {
            var typeName = type.Name;
            var display = $"{typeDisplay}.{typeName}({Parameters(parameters, false)})";
            return Entry(
                $".ctor({Parameters(parameters, false, typeMap)})",
                ".ctor",
                "constructor",
                display,
                $".ctor({Parameters(parameters, true, typeMap)})",
                $"{typeDisplay}.{typeName}({Parameters(parameters)})",
                at);
        }
    }

    private static IReadOnlyDictionary<string, string> MethodMap(IReadOnlyDictionary<string, string> typeMap, TypeParameterListSyntax? list)
    {
        if (list is null)
        {
            return typeMap;
        }

        var map = new Dictionary<string, string>(typeMap, StringComparer.Ordinal);
        for (var i = 0; i < list.Parameters.Count; i++)
        {
            map[list.Parameters[i].Identifier.ValueText] = "``" + i;
        }

        return map;
    }
}
