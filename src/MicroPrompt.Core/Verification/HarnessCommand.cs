using System.Diagnostics;
using System.Text;
using MicroPrompt.Diagnostics;

namespace MicroPrompt.Verification;

/// <summary>
/// <c>dotnet exec [--runtimeconfig …aspnetcore.runtimeconfig.json] --roll-forward Major MicroPrompt.ExampleHost.dll</c>
/// with redirected UTF-8 streams and the environment built from scratch (<see cref="HarnessEnvironment"/>); the jail
/// wraps this same command (<see cref="Jail.JailLauncher"/>).
/// </summary>
internal static class HarnessCommand
{
    public static ProcessStartInfo Create(string dotnet, ExampleRunnerOptions options, string cwd, string home, string temp, Func<string, MicroPromptException> notRunnable)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = cwd,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("exec");
        if (options.AspNetCore)
        {
            var runtimeConfig = AspNetCoreFramework.RuntimeConfigFor(options.HostAssemblyPath);
            if (!File.Exists(runtimeConfig))
            {
                throw notRunnable($"the example harness's ASP.NET Core configuration is missing ({runtimeConfig}); the MicroPrompt.Sdk package looks incomplete");
            }

            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }

        start.ArgumentList.Add("--roll-forward");
        start.ArgumentList.Add("Major");
        start.ArgumentList.Add(options.HostAssemblyPath);
        start.Environment.Clear();
        foreach (var (key, value) in HarnessEnvironment.Build(dotnet, home, temp, options.MemoryLimitBytes))
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
