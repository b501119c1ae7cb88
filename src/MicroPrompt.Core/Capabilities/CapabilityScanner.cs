using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MicroPrompt.Capabilities;

/// <summary>
/// Finds the capabilities generated code uses by binding every name in it with Roslyn's semantic model: a symbol
/// from <c>System.Net</c> is network, <c>System.IO.File</c> filesystem, <c>System.Diagnostics.Process</c> process,
/// <c>Environment.GetEnvironmentVariable</c> environment, <c>System.Reflection</c> reflection, and so on.
/// </summary>
/// <remarks>
/// A review aid, not a sandbox: code can always reach a capability in ways no static check sees (e.g. through a
/// library that uses it). Pure helpers in those namespaces (<c>WebUtility</c>, <c>Path</c>, <c>Stream</c>s over memory,
/// <c>typeof</c>, <c>Environment.NewLine</c>) are not flagged.
/// </remarks>
public static class CapabilityScanner
{
    private static readonly HashSet<string> PureNetTypes = new(StringComparer.Ordinal)
    {
        "System.Net.WebUtility", "System.Net.HttpStatusCode", "System.Net.IPAddress", "System.Net.IPNetwork", "System.Net.IPEndPoint",
    };

    private static readonly HashSet<string> FileTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
        "System.IO.FileStream", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
    };

    private static readonly HashSet<string> EnvironmentMembers = new(StringComparer.Ordinal)
    {
        "GetEnvironmentVariable", "GetEnvironmentVariables", "SetEnvironmentVariable", "ExpandEnvironmentVariables",
        "UserName", "UserDomainName", "MachineName", "CurrentDirectory", "GetFolderPath", "GetLogicalDrives",
        "SystemDirectory", "CommandLine", "GetCommandLineArgs", "ProcessPath",
    };

    private static readonly HashSet<string> ReflectiveTypeMembers = new(StringComparer.Ordinal)
    {
        "GetMethod", "GetMethods", "GetField", "GetFields", "GetProperty", "GetProperties", "GetMember", "GetMembers",
        "GetConstructor", "GetConstructors", "InvokeMember", "GetEvent", "GetEvents", "GetNestedType", "GetNestedTypes",
        "GetInterface", "GetRuntimeMethods", "GetRuntimeProperties", "GetRuntimeFields", "MakeGenericType", "MakeGenericMethod",
    };

    /// <summary>Each capability <paramref name="tree"/> uses with its first use, in <see cref="CapabilityNames.All"/> order.</summary>
    public static IReadOnlyList<CapabilityUse> Scan(SemanticModel model, SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tree);
        var first = new Dictionary<string, CapabilityUse>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not (SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax))
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(node, cancellationToken) is { Symbol: { } bound } info ? bound : model.GetSymbolInfo(node, cancellationToken).CandidateSymbols.FirstOrDefault();
            if (symbol is null || Classify(symbol) is not { } capability || first.ContainsKey(capability))
            {
                continue;
            }

            var position = node.GetLocation().GetLineSpan().StartLinePosition;
            first[capability] = new CapabilityUse(capability, Describe(symbol), position.Line + 1, position.Character + 1);
        }

        return CapabilityNames.All.Where(first.ContainsKey).Select(c => first[c]).ToList();
    }

    /// <summary>The capability a symbol's use needs, or null.</summary>
    internal static string? Classify(ISymbol symbol)
    {
        if (symbol is IAliasSymbol alias)
        {
            symbol = alias.Target;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var typeName = type is null ? null : type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "", StringComparison.Ordinal);
        var ns = (symbol as INamespaceSymbol ?? type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
        if (symbol is INamespaceSymbol)
        {
            return null; // a using directive or qualified name: the type it leads to decides
        }

        if (InNamespace(ns, "System.Net") && (typeName is null || !PureNetTypes.Contains(typeName)))
        {
            return CapabilityNames.Network;
        }

        if (typeName is not null && (FileTypes.Contains(typeName) || InNamespace(ns, "System.IO.MemoryMappedFiles") || InNamespace(ns, "System.IO.IsolatedStorage")))
        {
            return CapabilityNames.FileSystem;
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
            && typeName is "System.IO.StreamReader" or "System.IO.StreamWriter"
            && ctor.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String)
        {
            return CapabilityNames.FileSystem; // new StreamReader("path")
        }

        if (typeName is "System.IO.Path" && symbol.Name is "GetTempFileName")
        {
            return CapabilityNames.FileSystem;
        }

        if (typeName is "System.Diagnostics.Process" or "System.Diagnostics.ProcessStartInfo"
            || (typeName is "System.Environment" && symbol.Name is "Exit" or "FailFast"))
        {
            return CapabilityNames.Process;
        }

        if (typeName is "System.Environment" && EnvironmentMembers.Contains(symbol.Name))
        {
            return CapabilityNames.Environment;
        }

        // MemberInfo's members (Name, DeclaringType, …) are what typeof(T).Name binds to: describing a type is not reflection.
        if ((InNamespace(ns, "System.Reflection") && typeName is not "System.Reflection.MemberInfo") || InNamespace(ns, "System.Runtime.Loader")
            || typeName is "System.Activator"
            || (typeName is "System.Type" && (ReflectiveTypeMembers.Contains(symbol.Name) || (symbol.Name == "GetType" && symbol.IsStatic))))
        {
            return CapabilityNames.Reflection;
        }

        return null;
    }

    private static bool InNamespace(string ns, string root)
        => ns.Equals(root, StringComparison.Ordinal) || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static string Describe(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor)
        {
            return "new " + ctor.ContainingType.ToDisplayString();
        }

        return symbol is INamedTypeSymbol named ? named.ToDisplayString() : $"{symbol.ContainingType?.ToDisplayString()}.{symbol.Name}";
    }
}
