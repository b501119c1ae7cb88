using System.Diagnostics;
using MicroPrompt.Diagnostics;
using MicroPrompt.Settings;

namespace MicroPrompt.Tool.Inputs;

/// <summary>
/// Gets a project's resolution inputs by running the SDK's public target <c>MicroPromptWriteResolutionInputs</c>
/// (<c>dotnet msbuild -t:MicroPromptWriteResolutionInputs -p:MicroPromptInputsFile=…</c>, restoring first when the
/// project was never restored), then parses them with <see cref="ResolutionSettings.Read"/> — the task's own code.
/// </summary>
public static class ProjectInputsLoader
{
    /// <summary>The project file for <c>--project</c> (a file, a folder, or null for the current folder).</summary>
    /// <exception cref="ToolException">No project, or more than one in the folder.</exception>
    public static string FindProject(string? project)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(project) ? "." : project);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new ToolException($"The project '{project}' does not exist.");
        }

        var candidates = Directory.GetFiles(path, "*.*proj").Where(f => !f.EndsWith(".vcxproj", StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ToolException($"No project file in '{path}'. Use --project <path>."),
            _ => throw new ToolException($"'{path}' has several project files ({string.Join(", ", candidates.Select(Path.GetFileName))}). Use --project <path>."),
        };
    }

    /// <summary>Loads the inputs of <paramref name="project"/>, or reads <paramref name="inputsFile"/> when given (no MSBuild).</summary>
    /// <exception cref="ToolException">The project cannot be evaluated, or its settings are invalid.</exception>
    public static ProjectInputs Load(string? project, string? inputsFile = null)
    {
        if (!string.IsNullOrWhiteSpace(inputsFile))
        {
            return Parse(Path.GetFullPath(inputsFile), ReadFile(Path.GetFullPath(inputsFile)));
        }

        var projectFile = FindProject(project);
        var temp = Path.Combine(Path.GetTempPath(), $"mprompt-inputs-{Guid.NewGuid():N}.json");
        try
        {
            RunMsBuild(projectFile, temp);
            if (!File.Exists(temp))
            {
                // The target writes nothing when the project has no MicroPrompt items.
                return Parse(projectFile, new ResolutionParameters { ProjectDirectory = Path.GetDirectoryName(projectFile)!, StoreDirectory = ".microprompt", OutputDirectory = "obj" });
            }

            return Parse(projectFile, ReadFile(temp));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static ResolutionParameters ReadFile(string path)
    {
        try
        {
            return ResolutionParametersFile.Read(path);
        }
        catch (MicroPromptException ex)
        {
            throw new ToolException(ex.Diagnostic.Message);
        }
    }

    private static ProjectInputs Parse(string projectFile, ResolutionParameters parameters)
    {
        var settings = ResolutionSettings.Read(parameters);
        if (settings.Problems.FirstOrDefault(p => p.Severity == DiagnosticSeverity.Error) is { } problem)
        {
            throw new ToolException($"{problem.Code}: {problem.Message}");
        }

        return new ProjectInputs(projectFile, parameters, settings);
    }

    private static void RunMsBuild(string projectFile, string inputsFile)
    {
        var restored = File.Exists(Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "project.assets.json"));
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(projectFile);
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-verbosity:quiet");
        if (!restored)
        {
            start.ArgumentList.Add("-restore");
        }

        start.ArgumentList.Add("-t:MicroPromptWriteResolutionInputs");
        start.ArgumentList.Add($"-p:MicroPromptInputsFile={inputsFile}");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new ToolException("Could not start 'dotnet msbuild'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var output = (stdout.Result + stderr.Result).Trim();
            throw new ToolException($"'dotnet msbuild -t:MicroPromptWriteResolutionInputs' failed for '{projectFile}' (exit {process.ExitCode}). Is it a MicroPrompt.Sdk project?\n{output}");
        }
    }

    /// <summary>The dotnet host running this tool (DOTNET_HOST_PATH when set), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
