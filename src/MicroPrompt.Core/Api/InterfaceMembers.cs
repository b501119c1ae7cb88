using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Api;

/// <summary>
/// The member names (<see cref="ApiEntry.Name"/> form: <c>Dispose</c>, <c>this[]</c>, <c>operator +</c>) an interface
/// written in a base list requires, its base interfaces' too: an interface declared in the contract or the code is read
/// from its syntax; any other is looked up by name and arity among the public interfaces of the runtime's libraries
/// (<c>IDisposable</c>, <c>IEnumerable&lt;T&gt;</c>, <c>IEquatable&lt;T&gt;</c>, <c>INotifyPropertyChanged</c>, …).
/// </summary>
internal static class InterfaceMembers
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Runtime = new(IndexRuntime);

    /// <summary>The lookup name of a written type: <c>IEnumerable`1</c> for <c>System.Collections.Generic.IEnumerable&lt;T&gt;</c>; null for other syntax.</summary>
    public static string? LookupName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => LookupName(q.Right),
        AliasQualifiedNameSyntax a => LookupName(a.Name),
        GenericNameSyntax g => $"{g.Identifier.ValueText}`{g.TypeArgumentList.Arguments.Count}",
        IdentifierNameSyntax id => id.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The names the interface requires, or null when <paramref name="lookupName"/> is no interface known here (a base
    /// class, or an interface of a package).
    /// </summary>
    /// <param name="declared">Interfaces declared in the contract or the code, by lookup name.</param>
    public static IReadOnlySet<string>? Names(string lookupName, IReadOnlyDictionary<string, ApiType> declared)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return Collect(lookupName, declared, names, new HashSet<string>(StringComparer.Ordinal)) ? names : null;
    }

    private static bool Collect(string lookupName, IReadOnlyDictionary<string, ApiType> declared, HashSet<string> names, HashSet<string> visited)
    {
        if (!visited.Add(lookupName))
        {
            return true;
        }

        if (declared.TryGetValue(lookupName, out var type))
        {
            names.UnionWith(type.Members.Select(m => m.Name));
            foreach (var inherited in type.Parts.OfType<BaseTypeDeclarationSyntax>().SelectMany(p => p.BaseList?.Types ?? default))
            {
                if (LookupName(inherited.Type) is { } name)
                {
                    Collect(name, declared, names, visited);
                }
            }

            return true;
        }

        if (Runtime.Value.TryGetValue(lookupName, out var known))
        {
            names.UnionWith(known);
            return true;
        }

        return false;
    }

    private static Dictionary<string, HashSet<string>> IndexRuntime()
    {
        var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var assemblies = new[]
        {
            typeof(object).Assembly,
            typeof(LinkedList<>).Assembly,
            typeof(System.ComponentModel.INotifyPropertyChanged).Assembly,
            typeof(Enumerable).Assembly,
            typeof(IQueryable).Assembly,
        }.Distinct();
        foreach (var assembly in assemblies)
        {
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is ReflectionTypeLoadException or NotSupportedException or FileNotFoundException)
            {
                continue;
            }

            foreach (var type in types.Where(t => t.IsInterface))
            {
                string[] members;
                try
                {
                    members = type.GetInterfaces().Prepend(type).SelectMany(Members).ToArray();
                }
                catch (Exception e) when (e is TypeLoadException or FileNotFoundException or NotSupportedException)
                {
                    continue; // an interface the runtime cannot describe: unknown, so its implementers are not checked by it
                }

                if (!index.TryGetValue(type.Name, out var names))
                {
                    index[type.Name] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.UnionWith(members);
            }
        }

        return index;
    }

    private static IEnumerable<string> Members(Type type)
    {
        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            switch (member)
            {
                case MethodInfo { IsSpecialName: true } method when method.Name.StartsWith("op_", StringComparison.Ordinal):
                    var kind = SyntaxFacts.GetOperatorKind(method.Name);
                    if (kind != SyntaxKind.None)
                    {
                        yield return "operator " + SyntaxFacts.GetText(kind);
                    }

                    break;
                case MethodInfo { IsSpecialName: false } method:
                    yield return method.Name;
                    break;
                case PropertyInfo property:
                    yield return property.GetIndexParameters().Length > 0 ? "this[]" : property.Name;
                    break;
                case EventInfo e:
                    yield return e.Name;
                    break;
            }
        }
    }
}
