using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Probe calls derived from a library contract: every public static method, public constructor (a record's primary
/// constructor too) and — on a type it can construct without arguments or with its first constructor's ordinary values —
/// every public instance method, each with one parameter at a time set to each of its <see cref="ProbeValues"/> and the
/// others at their ordinary value (taken from an example calling the same member when there is one). Generic members
/// and <c>ref</c>/<c>out</c>/<c>in</c> parameters are left out; calls an example already makes are skipped.
/// </summary>
internal static class LibraryProbeGenerator
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The probes of each member, in contract order (the caller interleaves them when it caps the count).</summary>
    public static IReadOnlyList<IReadOnlyList<Probe>> Generate(PromptDocument prompt, bool nullableReferences)
    {
        if (string.IsNullOrWhiteSpace(prompt.Contract))
        {
            return [];
        }

        var root = CSharpSyntaxTree.ParseText(prompt.Contract, ParseOptions).GetRoot();
        var enums = root.DescendantNodes().OfType<EnumDeclarationSyntax>()
            .Where(e => e.Members.Count > 0)
            .ToDictionary(e => e.Identifier.Text, e => (IReadOnlyList<string>)e.Members.Select(m => $"{e.Identifier.Text}.{m.Identifier.Text}").ToList(), StringComparer.Ordinal);
        var values = new ProbeValues(enums, nullableReferences);
        var calls = ExampleCalls(prompt.Examples);
        var members = new List<IReadOnlyList<Probe>>();
        foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            if (type is InterfaceDeclarationSyntax || type.TypeParameterList is not null || !IsVisibleType(type.Modifiers) || type.Parent is TypeDeclarationSyntax)
            {
                continue;
            }

            var name = type.Identifier.Text;
            var constructors = Constructors(type).ToList();
            foreach (var parameters in constructors)
            {
                members.Add(Calls($"new {name}", parameters, values, calls));
            }

            var receiver = Receiver(type, name, constructors, values);
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                var isStatic = method.Modifiers.Any(SyntaxKind.StaticKeyword);
                if (method.TypeParameterList is not null || !IsVisible(method.Modifiers) || (!isStatic && receiver is null))
                {
                    continue;
                }

                members.Add(Calls($"{(isStatic ? name : receiver)}.{method.Identifier.Text}", method.ParameterList.Parameters, values, calls));
            }
        }

        return members.Where(m => m.Count > 0).ToList();
    }

    /// <summary>Normalized text of every call and construction in the examples.</summary>
    public static HashSet<string> ExampleCalls(IEnumerable<PromptExample> examples)
    {
        var calls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var block = SyntaxFactory.ParseStatement("{\n" + example.Code + "\n}", options: ParseOptions);
            foreach (var node in block.DescendantNodes().Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
            {
                calls.Add(Normalize(node));
            }
        }

        return calls;
    }

    public static string Normalize(SyntaxNode node) => node.NormalizeWhitespace(indentation: "", eol: " ").ToFullString();

    public static string Normalize(string expression) => Normalize(SyntaxFactory.ParseExpression(expression, options: ParseOptions));

    private static List<Probe> Calls(string callee, SeparatedSyntaxList<ParameterSyntax> parameters, ProbeValues values, HashSet<string> examples)
    {
        if (parameters.Any(p => p.Type is null || p.Modifiers.Any(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword)))
        {
            return [];
        }

        var candidates = new List<IReadOnlyList<string>>();
        foreach (var parameter in parameters)
        {
            if (values.For(parameter.Type!) is not { } list)
            {
                return [];
            }

            candidates.Add(list);
        }

        var ordinary = OrdinaryArguments(callee, parameters.Count, examples) ?? candidates.Select(c => c[0]).ToList();
        var texts = new List<string> { Call(callee, ordinary) };
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var value in candidates[i])
            {
                var arguments = ordinary.ToList();
                arguments[i] = value;
                texts.Add(Call(callee, arguments));
            }
        }

        return texts.Distinct(StringComparer.Ordinal)
            .Where(t => !examples.Contains(Normalize(t)))
            .Select(t => new Probe(t, t, ProbeCall.Value))
            .ToList();
    }

    /// <summary>The arguments of the first example call of <paramref name="callee"/> with that many arguments.</summary>
    private static List<string>? OrdinaryArguments(string callee, int count, HashSet<string> examples)
    {
        var prefix = Normalize(callee + "()")[..^2];
        foreach (var call in examples.Order(StringComparer.Ordinal))
        {
            if (!call.StartsWith(prefix + "(", StringComparison.Ordinal))
            {
                continue;
            }

            var node = SyntaxFactory.ParseExpression(call, options: ParseOptions);
            var list = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (list is not null && list.Arguments.Count == count && list.Arguments.All(a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None)))
            {
                return list.Arguments.Select(a => a.Expression.ToString()).ToList();
            }
        }

        return null;
    }

    private static string Call(string callee, IEnumerable<string> arguments) => $"{callee}({string.Join(", ", arguments)})";

    private static IEnumerable<SeparatedSyntaxList<ParameterSyntax>> Constructors(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.StaticKeyword) || type.Modifiers.Any(SyntaxKind.AbstractKeyword))
        {
            yield break;
        }

        if (type.ParameterList is { Parameters.Count: > 0 } primary)
        {
            yield return primary.Parameters;
        }

        foreach (var constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
        {
            if (IsVisible(constructor.Modifiers) && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && constructor.ParameterList.Parameters.Count > 0)
            {
                yield return constructor.ParameterList.Parameters;
            }
        }
    }

    /// <summary><c>new T()</c> when T has a parameterless constructor, else <c>new T(ordinary values)</c> of its first one.</summary>
    private static string? Receiver(TypeDeclarationSyntax type, string name, List<SeparatedSyntaxList<ParameterSyntax>> constructors, ProbeValues values)
    {
        if (type.Modifiers.Any(SyntaxKind.StaticKeyword) || type.Modifiers.Any(SyntaxKind.AbstractKeyword))
        {
            return null;
        }

        var declared = type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        if ((declared.Count == 0 && type.ParameterList is not { Parameters.Count: > 0 })
            || declared.Any(c => c.ParameterList.Parameters.Count == 0 && IsVisible(c.Modifiers)))
        {
            return $"new {name}()";
        }

        foreach (var parameters in constructors)
        {
            var ordinary = parameters.Select(p => p.Type is null ? null : values.For(p.Type)?[0]).ToList();
            if (ordinary.All(a => a is not null))
            {
                return Call($"new {name}", ordinary!);
            }
        }

        return null;
    }

    private static bool IsVisible(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PublicKeyword);

    /// <summary>Public, or written without an access modifier (a terse contract).</summary>
    private static bool IsVisibleType(SyntaxTokenList modifiers)
        => modifiers.Any(SyntaxKind.PublicKeyword)
           || !modifiers.Any(m => m.Kind() is SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.FileKeyword);
}
