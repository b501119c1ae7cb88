using MicroPrompt.Generation;
using MicroPrompt.Keys;
using MicroPrompt.Prompts;
using NuGet.Versioning;

namespace MicroPrompt.Resolution;

/// <summary>
/// What a normal build and a comparison run both derive from an item: the packages its <c>requires:</c> resolve to,
/// the project as the item sees it, and its generation key. One copy, so a comparison run's key and compile settings
/// are exactly the ones a normal build would use.
/// </summary>
internal static class ItemPlanning
{
    /// <summary>
    /// The project's versions of the item's <c>requires:</c> packages (lower-case id → version), or null when one is not
    /// referenced or its version is out of range (each such problem is passed to <paramref name="problem"/>).
    /// </summary>
    public static SortedDictionary<string, string>? RequiredPackages(ProjectContext project, PromptDocument document, Action<PackageRequirement, string>? problem = null)
    {
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var requirement in document.Requires)
        {
            var reference = project.PackageReferences
                .FirstOrDefault(p => string.Equals(p.Id, requirement.Id, StringComparison.OrdinalIgnoreCase));
            var message = reference is null
                ? $"the project does not reference {requirement.Id}. Add <PackageReference Include=\"{requirement.Id}\" Version=\"...\" /> to the project."
                : NuGetVersion.TryParse(reference.Version, out var version) && !requirement.Range.Satisfies(version)
                    ? $"the project resolves {requirement.Id} {reference.Version}. Change the PackageReference version or the range."
                    : null;
            if (message is not null)
            {
                problem?.Invoke(requirement, message);
                ok = false;
                continue;
            }

            packages[requirement.Id.ToLowerInvariant()] = reference!.Version;
        }

        return ok ? packages : null;
    }

    /// <summary>The item's namespace: item metadata, else front matter, else root namespace + the prompt's folder.</summary>
    public static string Namespace(ProjectContext project, ResolutionItem item, PromptDocument document)
        => FirstNonEmpty(item.NamespaceOverride, document.Namespace) ?? NamespaceNames.ForItem(project.RootNamespace, item.ItemPath);

    /// <summary>The first value that is not blank, trimmed (item metadata > front matter > property).</summary>
    public static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>The project as the item's generation sees it: only the packages it <c>requires:</c> are offered.</summary>
    public static ProjectContext ProjectFor(ProjectContext project, PromptDocument document) => project with
    {
        PackageReferences = project.PackageReferences
            .Where(p => document.Requires.Any(r => string.Equals(r.Id, p.Id, StringComparison.OrdinalIgnoreCase)))
            .ToList(),
    };

    /// <summary>The generation key of the item with <paramref name="model"/>, repair mode and passes.</summary>
    public static string Key(
        ProjectContext project,
        PromptDocument document,
        string ns,
        string model,
        RepairMode repair,
        int maxPasses,
        IReadOnlyDictionary<string, string> packages,
        IReadOnlyDictionary<string, string> usedCodeHashes)
        => GenerationKey.Compute(Inputs(project, document, ns, model, repair, maxPasses, packages, usedCodeHashes));

    /// <summary>What the key of the item is computed from (a fresh generation's: no base code).</summary>
    /// <param name="extraUsings"><see cref="GlobalUsing.Extra"/> of <paramref name="project"/> when the caller computed it once for many items.</param>
    public static KeyInputs Inputs(
        ProjectContext project,
        PromptDocument document,
        string ns,
        string model,
        RepairMode repair,
        int maxPasses,
        IReadOnlyDictionary<string, string> packages,
        IReadOnlyDictionary<string, string> usedCodeHashes,
        IReadOnlyList<string>? extraUsings = null)
        => new()
        {
            PromptText = document.Text,
            Model = model,
            Kind = document.Kind.ToString().ToLowerInvariant(),
            Namespace = ns,
            TargetFramework = project.TargetFramework,
            LangVersion = project.LangVersion,
            Nullable = project.Nullable,
            ImplicitUsings = project.ImplicitUsings,
            GlobalUsings = extraUsings ?? GlobalUsing.Extra(project),
            RepairMode = repair.ToString().ToLowerInvariant(),
            MaxPasses = maxPasses,
            RequiredPackages = packages,
            UsedCodeHashes = usedCodeHashes,
        };
}
