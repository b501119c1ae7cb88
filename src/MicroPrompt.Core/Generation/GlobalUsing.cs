namespace MicroPrompt.Generation;

/// <summary>
/// One of the project's <c>@(Using)</c> items: a namespace, a type imported with <c>static</c>, or an alias
/// (<c>Alias</c> metadata). With <c>ImplicitUsings</c> on, the .NET SDK's implicit namespaces are <c>Using</c> items too.
/// </summary>
/// <param name="Name">The namespace or type (<c>Include</c>).</param>
/// <param name="Alias">The alias name, or null.</param>
/// <param name="Static">Whether the type's static members are imported.</param>
public sealed record GlobalUsing(string Name, string? Alias = null, bool Static = false)
{
    /// <summary>The global usings the .NET SDK adds to a console or class library project with <c>ImplicitUsings</c>.</summary>
    public static IReadOnlyList<string> ImplicitNamespaces { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The directive, as the .NET SDK writes it: <c>global using [static ][Alias = ]global::Name;</c>.</summary>
    public string Directive
    {
        get
        {
            var name = Name.Trim();
            var qualified = name.StartsWith("global::", StringComparison.Ordinal) ? name : "global::" + name;
            return Alias is { Length: > 0 } alias
                ? $"global using {alias.Trim()} = {qualified};"
                : Static ? $"global using static {qualified};" : $"global using {qualified};";
        }
    }

    /// <summary>Every global using directive of the project: the implicit set (when on) and its <c>@(Using)</c> items, each once.</summary>
    public static IReadOnlyList<string> AllDirectives(ProjectContext project)
    {
        var implicitOnes = project.ImplicitUsings ? ImplicitNamespaces.Select(n => new GlobalUsing(n).Directive) : [];
        return implicitOnes.Concat(project.GlobalUsings.Where(u => !string.IsNullOrWhiteSpace(u.Name)).Select(u => u.Directive))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The directives beyond the implicit set, sorted: what a project's usings add to the generation key and the prompt
    /// (a project without extra usings keeps the key it always had).
    /// </summary>
    public static IReadOnlyList<string> Extra(ProjectContext project)
    {
        var implicitOnes = project.ImplicitUsings ? ImplicitNamespaces.Select(n => new GlobalUsing(n).Directive).ToHashSet(StringComparer.Ordinal) : [];
        return AllDirectives(project).Where(d => !implicitOnes.Contains(d)).Order(StringComparer.Ordinal).ToList();
    }
}
