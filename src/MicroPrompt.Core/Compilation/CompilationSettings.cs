using System.Text.RegularExpressions;
using MicroPrompt.Generation;
using MicroPrompt.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MicroPrompt.Compilation;

/// <summary>Parse and compilation options derived from a <see cref="ProjectContext"/> the way the .NET SDK derives them.</summary>
internal sealed class CompilationSettings
{
    private static readonly Regex ModernNet = new(@"^net(?<major>\d+)\.(?<minor>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex NetCoreApp = new(@"^netcoreapp(?<major>\d+)\.(?<minor>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex NetStandard = new(@"^netstandard(?<major>\d+)\.(?<minor>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex NetFramework = new(@"^net\d{2,3}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private CompilationSettings(CSharpParseOptions parseOptions, CSharpCompilationOptions compilationOptions, bool implicitUsings, IReadOnlyList<string> globalUsings)
    {
        ParseOptions = parseOptions;
        CompilationOptions = compilationOptions;
        ImplicitUsings = implicitUsings;
        GlobalUsingDirectives = globalUsings;
        var symbols = string.Join(";", parseOptions.PreprocessorSymbolNames.OrderBy(s => s, StringComparer.Ordinal));
        ParseKey = $"{parseOptions.LanguageVersion}|{symbols}";
        CompilationKey = $"{ParseKey}|{compilationOptions.OutputKind}|{compilationOptions.NullableContextOptions}|{implicitUsings}|{string.Join("", globalUsings)}";
    }

    public CSharpParseOptions ParseOptions { get; }

    public CSharpCompilationOptions CompilationOptions { get; }

    public bool ImplicitUsings { get; }

    /// <summary>The project's global using directives (implicit set when on, plus its <c>@(Using)</c> items); empty for none.</summary>
    public IReadOnlyList<string> GlobalUsingDirectives { get; }

    /// <summary>Identifies the parse options (part of cache keys of parsed trees).</summary>
    public string ParseKey { get; }

    /// <summary>Identifies every option that shapes the compilation (part of the cache key of the project compilation).</summary>
    public string CompilationKey { get; }

    /// <summary>
    /// Program items compile as a console application (their entry point is checked); library items compile as a
    /// library even in an executable project, so the project's own entry point never matters for them.
    /// </summary>
    public static CompilationSettings From(ProjectContext project, PromptKind kind)
    {
        var parseOptions = new CSharpParseOptions(
            ResolveLanguageVersion(project.LangVersion, project.TargetFramework),
            DocumentationMode.Parse,
            SourceCodeKind.Regular,
            PreprocessorSymbols(project.DefineConstants));

        var outputKind = kind == PromptKind.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilationOptions = new CSharpCompilationOptions(outputKind, nullableContextOptions: ResolveNullable(project.Nullable));
        return new CompilationSettings(parseOptions, compilationOptions, project.ImplicitUsings, GlobalUsing.AllDirectives(project));
    }

    /// <summary>
    /// An explicit <c>LangVersion</c> (<c>latest</c>, <c>preview</c>, <c>7.3</c>, …) wins; empty or unparsable means the
    /// SDK default for the target framework (net8.0 → C# 12, net10.0 → C# 14, netstandard2.0 → C# 7.3, …).
    /// </summary>
    internal static LanguageVersion ResolveLanguageVersion(string? langVersion, string? targetFramework)
    {
        if (!string.IsNullOrWhiteSpace(langVersion) && LanguageVersionFacts.TryParse(langVersion.Trim(), out var explicitVersion))
        {
            return explicitVersion.MapSpecifiedToEffectiveVersion();
        }

        return DefaultForTargetFramework(targetFramework ?? "").MapSpecifiedToEffectiveVersion();
    }

    internal static NullableContextOptions ResolveNullable(string? nullable) => nullable?.Trim().ToLowerInvariant() switch
    {
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };

    internal static IReadOnlyList<string> PreprocessorSymbols(IReadOnlyList<string> defineConstants) =>
        defineConstants
            .SelectMany(d => (d ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(SyntaxFacts.IsValidIdentifier)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static LanguageVersion DefaultForTargetFramework(string targetFramework)
    {
        var tfm = targetFramework.Trim();
        if (NetFramework.IsMatch(tfm))
        {
            return LanguageVersion.CSharp7_3;
        }

        if (ModernNet.Match(tfm) is { Success: true } net
            && int.TryParse(net.Groups["major"].Value, out var netMajor) && netMajor is >= 5 and < 1000)
        {
            // .NET 5 shipped with C# 9; every major since pairs with the next C# major. Unknown to this compiler: its default.
            return LanguageVersionFacts.TryParse($"{netMajor + 4}.0", out var version) ? version : LanguageVersion.Default;
        }

        if (NetCoreApp.Match(tfm) is { Success: true } core)
        {
            return core.Groups["major"].Value is "1" or "2" ? LanguageVersion.CSharp7_3 : LanguageVersion.CSharp8;
        }

        if (NetStandard.Match(tfm) is { Success: true } standard)
        {
            return standard.Groups["major"].Value == "2" && standard.Groups["minor"].Value == "1"
                ? LanguageVersion.CSharp8
                : LanguageVersion.CSharp7_3;
        }

        return LanguageVersion.Default;
    }
}
