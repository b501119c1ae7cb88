using MicroPrompt.Generation;

namespace MicroPrompt.Settings;

/// <summary>The project's own MSBuild values (not MicroPrompt settings) as the <see cref="ProjectContext"/> of a resolution.</summary>
internal static class ProjectContextReader
{
    public static ProjectContext Read(ResolutionParameters task) => new()
    {
        ProjectDirectory = task.ProjectDirectory,
        RootNamespace = task.RootNamespace ?? "",
        TargetFramework = task.TargetFramework ?? "",
        LangVersion = task.LangVersion ?? "",
        Nullable = task.Nullable ?? "",
        ImplicitUsings = string.Equals(task.ImplicitUsings, "enable", StringComparison.OrdinalIgnoreCase)
            || string.Equals(task.ImplicitUsings, "true", StringComparison.OrdinalIgnoreCase),
        IsExecutable = string.Equals(task.OutputType, "Exe", StringComparison.OrdinalIgnoreCase)
            || string.Equals(task.OutputType, "WinExe", StringComparison.OrdinalIgnoreCase),
        ReferencePaths = task.References.Select(r => r.Get("FullPath")).Distinct(StringComparer.Ordinal).ToList(),
        PackageReferences = task.References
            .Where(r => !string.IsNullOrWhiteSpace(r.Get("NuGetPackageId")))
            .Select(r => new PackageInfo(r.Get("NuGetPackageId"), r.Get("NuGetPackageVersion")))
            .DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ToList(),
        AnalyzerPaths = task.Analyzers.Select(a => a.Get("FullPath")).Distinct(StringComparer.Ordinal).ToList(),
        SourceFiles = task.Sources.Select(s => s.Get("FullPath")).Where(File.Exists).ToList(),
        GlobalUsings = task.Usings
            .Select(u => new GlobalUsing(
                u.ItemSpec,
                string.IsNullOrWhiteSpace(u.Get("Alias")) ? null : u.Get("Alias").Trim(),
                string.Equals(u.Get("Static")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            .ToList(),
        DefineConstants = (task.DefineConstants ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };
}
