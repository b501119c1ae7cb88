using System.Text;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// A throw-away project in its own temp folder: own nuget.config (only the run's feed and the machine's offline
/// package folder), own NUGET_PACKAGES, own user cache. Built with the real `dotnet build`.
/// </summary>
public sealed class TestProject : IDisposable
{
    public const string ApiKeyVariable = "MP_TEST_API_KEY";
    public const string ApiKey = "sk-test-DO-NOT-LEAK-7f3a9c2e";

    private readonly SdkPackageFixture _sdk;

    public TestProject(SdkPackageFixture sdk, string name = "App")
    {
        _sdk = sdk;
        Name = name;
        Root = Path.Combine(sdk.Root, "p-" + Guid.NewGuid().ToString("N")[..8]);
        Directory = Path.Combine(Root, name);
        System.IO.Directory.CreateDirectory(Directory);
        PackagesDirectory = Path.Combine(Root, "nuget-packages");
        UserCacheDirectory = Path.Combine(Root, "user-cache");
        WriteNuGetConfig(Directory);
    }

    public string Name { get; }

    /// <summary>Holds the project folder, its packages folder and its user cache.</summary>
    public string Root { get; }

    public string Directory { get; }

    public string PackagesDirectory { get; }

    public string UserCacheDirectory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string StoreDirectory => Path.Combine(Directory, ".microprompt");

    public string GeneratedDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0", "microprompt", "g");

    /// <summary>Extra environment for builds (null removes a variable).</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes the csproj. <paramref name="style"/>: attribute (Sdk="MicroPrompt.Sdk/v"), element (&lt;Sdk Name=…/&gt;) or globaljson.</summary>
    public TestProject WithProject(string properties = "", string items = "", string style = "attribute", string outputType = "Exe")
    {
        var body = $"""
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <MicroPromptModel>test-model</MicroPromptModel>
                <MicroPromptApiKeyVariable>{ApiKeyVariable}</MicroPromptApiKeyVariable>
                <!-- The judge adds one call per new generation; tests that count requests should not see it unless they ask. -->
                <MicroPromptJudge>false</MicroPromptJudge>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            """;
        var text = style switch
        {
            "attribute" => $"<Project Sdk=\"MicroPrompt.Sdk/{_sdk.Version}\">\n{body}\n</Project>\n",
            "element" => $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Sdk Name=\"MicroPrompt.Sdk\" Version=\"{_sdk.Version}\" />\n{body}\n</Project>\n",
            "globaljson" => $"<Project Sdk=\"MicroPrompt.Sdk\">\n{body}\n</Project>\n",
            _ => throw new ArgumentOutOfRangeException(nameof(style)),
        };
        if (style == "globaljson")
        {
            WriteFile("global.json", $$"""{ "msbuild-sdks": { "MicroPrompt.Sdk": "{{_sdk.Version}}" } }""");
        }

        WriteFile(Name + ".csproj", text);
        return this;
    }

    public TestProject WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <summary>`dotnet build` with node reuse off, the model endpoint and the API key variable set.</summary>
    public Task<ProcessResult> BuildAsync(ScriptedEndpoint? endpoint, params string[] arguments) => BuildAsync(endpoint, null, CancellationToken.None, arguments);

    /// <summary>Like <see cref="BuildAsync(ScriptedEndpoint?, string[])"/>; <paramref name="started"/> gets the dotnet process (to signal it).</summary>
    public Task<ProcessResult> BuildAsync(ScriptedEndpoint? endpoint, Action<System.Diagnostics.Process>? started, params string[] arguments)
        => BuildAsync(endpoint, started, CancellationToken.None, arguments);

    /// <summary>Like the other overloads; cancelling <paramref name="kill"/> kills the build's whole process tree.</summary>
    public Task<ProcessResult> BuildAsync(ScriptedEndpoint? endpoint, CancellationToken kill, params string[] arguments)
        => BuildAsync(endpoint, null, kill, arguments);

    private Task<ProcessResult> BuildAsync(ScriptedEndpoint? endpoint, Action<System.Diagnostics.Process>? started, CancellationToken kill, string[] arguments)
    {
        var args = new List<string> { "build", ProjectFile, "-nodeReuse:false", "-clp:NoSummary" };
        if (endpoint is not null)
        {
            args.Add($"-p:MicroPromptEndpoint={endpoint.Url}");
            args.Add($"-p:MicroPromptProvider={endpoint.Provider}");
        }

        args.AddRange(arguments);
        return DotNet.RunAsync(Directory, args, BuildEnvironment(), started: started, kill: kill);
    }

    /// <summary>Any dotnet command in the project folder with the project's environment.</summary>
    public Task<ProcessResult> DotNetAsync(params string[] arguments) => DotNet.RunAsync(Directory, arguments, BuildEnvironment());

    /// <summary>Runs the built program (Debug, net10.0).</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var dll = Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");
        return DotNet.RunAsync(Directory, [dll, .. arguments], BuildEnvironment());
    }

    /// <summary>A teammate's fresh clone: the same files minus bin/ and obj/, with empty packages folder and user cache.</summary>
    public TestProject FreshClone()
    {
        var clone = new TestProject(_sdk, Name);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(clone.Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        foreach (var (key, value) in Environment)
        {
            clone.Environment[key] = value;
        }

        return clone;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal Dictionary<string, string?> BuildEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = PackagesDirectory,
            ["MICROPROMPT_CACHE_DIR"] = UserCacheDirectory,
            [ApiKeyVariable] = ApiKey,
        };
        foreach (var (key, value) in Environment)
        {
            env[key] = value;
        }

        return env;
    }

    private void WriteNuGetConfig(string directory)
    {
        // The run's feed for MicroPrompt.Sdk, the machine's offline package folder for anything else a test references.
        var offline = System.IO.Directory.Exists("/opt/nuget/packages") ? "<add key=\"offline\" value=\"/opt/nuget/packages\" />" : "";
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="sdk-under-test" value="{_sdk.Feed}" />
                {offline}
              </packageSources>
            </configuration>
            """);
    }
}
