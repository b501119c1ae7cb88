using System.Security;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Ephemeral;

/// <summary>
/// The throw-away project of <c>dotnet mprompt run &lt;file.mprompt&gt;</c>: a folder in the user cache,
/// <c>&lt;user cache&gt;/run/&lt;h&gt;/</c> with <c>h</c> = the first 16 hex of the SHA-256 of the prompt's full path, holding
/// a generated <c>Run.csproj</c> on <c>MicroPrompt.Sdk/&lt;the tool's version&gt;</c>, a copy of the prompt, and the project's
/// store (<c>.microprompt/</c>) — so an unchanged prompt resolves from that store with no model call, and an edited one
/// is regenerated as an edit of its previous code. The built program is reused while <see cref="BuildStamp"/> holds.
/// </summary>
public sealed class EphemeralProject
{
    /// <summary>The file recording the inputs of the last successful build (<see cref="BuildStamp"/>).</summary>
    public const string StampFileName = "build.stamp";

    private EphemeralProject(string directory, string promptFile, string sdkVersion)
    {
        Directory = directory;
        PromptFile = promptFile;
        SdkVersion = sdkVersion;
    }

    public string Directory { get; }

    /// <summary>The prompt's copy inside <see cref="Directory"/>.</summary>
    public string PromptFile { get; }

    public string SdkVersion { get; }

    public string ProjectFile => Path.Combine(Directory, "Run.csproj");

    /// <summary>Where the program is built to (<c>bin/</c>, a plain <c>-o</c> folder).</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin");

    /// <summary>The built program.</summary>
    public string ProgramPath => Path.Combine(OutputDirectory, "Run.dll");

    public string StoreDirectory => ResolvedStore.DefaultDirectory(Directory);

    /// <summary>
    /// Creates or refreshes the project for <paramref name="promptPath"/>: the csproj (only written when it changes,
    /// so a rebuild is not forced) and the prompt's copy; <paramref name="sources"/> become a <c>nuget.config</c> that
    /// adds them to the user's own sources (the folder's parents and the user-level config still apply).
    /// </summary>
    public static EphemeralProject Prepare(string userCacheDirectory, string promptPath, string sdkVersion, IReadOnlyList<string> sources)
    {
        var fullPrompt = Path.GetFullPath(promptPath);
        var directory = Path.Combine(userCacheDirectory, "run", ContentHash.Sha256Hex(fullPrompt)[..16]);
        var project = new EphemeralProject(directory, Path.Combine(directory, Path.GetFileName(fullPrompt)), sdkVersion);
        System.IO.Directory.CreateDirectory(directory);
        AtomicFile.WriteAllTextIfChanged(project.ProjectFile, ProjectText(sdkVersion));
        AtomicFile.WriteAllTextIfChanged(project.PromptFile, File.ReadAllText(fullPrompt));
        var config = Path.Combine(directory, "nuget.config");
        if (sources.Count > 0)
        {
            AtomicFile.WriteAllTextIfChanged(config, NuGetConfig(sources));
        }
        else if (File.Exists(config))
        {
            File.Delete(config);
        }

        return project;
    }

    /// <summary>
    /// What the built program depends on: the project file, the prompt and the resolved state. Equal to the stamp of the
    /// last successful build (and the program still there): run it without building.
    /// </summary>
    public string BuildStamp()
    {
        var lockPath = Path.Combine(StoreDirectory, ResolvedStore.LockFileName);
        var parts = new[] { ProjectFile, PromptFile, lockPath }.Select(p => File.Exists(p) ? File.ReadAllText(p) : "");
        return ContentHash.Sha256Hex(string.Join("\n\u0000\n", parts));
    }

    /// <summary>True when the program was built from the current inputs.</summary>
    public bool IsBuilt() => File.Exists(ProgramPath) && File.Exists(StampPath) && File.ReadAllText(StampPath).Trim() == BuildStamp();

    /// <summary>Records a successful build.</summary>
    public void MarkBuilt() => AtomicFile.WriteAllText(StampPath, BuildStamp() + "\n");

    private string StampPath => Path.Combine(Directory, StampFileName);

    internal static string ProjectText(string sdkVersion) => $"""
        <!-- Written by dotnet mprompt run: a throw-away project for one kind: program prompt. Do not edit. -->
        <Project Sdk="MicroPrompt.Sdk/{SecurityElement.Escape(sdkVersion)}">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <AssemblyName>Run</AssemblyName>
            <RootNamespace>Run</RootNamespace>
          </PropertyGroup>
        </Project>

        """;

    private static string NuGetConfig(IEnumerable<string> sources)
    {
        var adds = string.Join("\n", sources.Select((s, i) => $"    <add key=\"mprompt-run-{i + 1}\" value=\"{SecurityElement.Escape(Path.IsPathRooted(s) || s.Contains("://", StringComparison.Ordinal) ? s : Path.GetFullPath(s))}\" />"));
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- Written by dotnet mprompt run: its source option and MICROPROMPT_RUN_SOURCES. -->\n<configuration>\n  <packageSources>\n{adds}\n  </packageSources>\n</configuration>\n";
    }
}
