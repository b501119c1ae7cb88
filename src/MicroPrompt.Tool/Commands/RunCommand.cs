using System.Diagnostics;
using System.Reflection;
using MicroPrompt.Ephemeral;
using MicroPrompt.Store;
using MicroPrompt.Tool.Output;
using Spectre.Console.Cli;

namespace MicroPrompt.Tool.Commands;

/// <summary>
/// <c>dotnet mprompt run &lt;file.mprompt&gt; [-- args…]</c>: a <c>kind: program</c> prompt outside any project. Its
/// throw-away project (<see cref="EphemeralProject"/>, in the user cache, on <c>MicroPrompt.Sdk</c> of this tool's
/// version) is built — resolving the prompt from its own store, else generating through the configured provider
/// (MICROPROMPT_* variables) — unless the program built from the same inputs is there; then the program runs with the
/// arguments after <c>--</c>: stdin, stdout, stderr and its exit code pass through. Exit 2 when it cannot be built.
/// </summary>
public sealed class RunCommand : Command<RunSettings>
{
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new ToolException($"The prompt '{settings.File}' does not exist.");
        }

        var sources = settings.Sources.Concat((Environment.GetEnvironmentVariable("MICROPROMPT_RUN_SOURCES") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var project = EphemeralProject.Prepare(UserCache.DefaultDirectory(), settings.File, ToolVersion(), sources);
        var lockPath = Path.Combine(project.StoreDirectory, ResolvedStore.LockFileName);
        var lockBefore = File.Exists(lockPath) ? File.ReadAllText(lockPath) : "";
        var built = false;
        if (!project.IsBuilt())
        {
            Build(project);
            project.MarkBuilt();
            built = true;
        }

        var lockAfter = File.Exists(lockPath) ? File.ReadAllText(lockPath) : "";
        var resolution = lockAfter == lockBefore ? "unchanged"
            : new ResolvedStore(project.StoreDirectory).LoadLock().Items.Values.FirstOrDefault()?.Origin ?? "generated";
        var arguments = context.Remaining.Raw.ToList();
        if (!settings.Json)
        {
            return Run(project, arguments, capture: null);
        }

        var stdout = new StringWriter();
        var code = Run(project, arguments, stdout);
        new ToolOutput(json: true).WriteJson(new RunJson(Path.GetFullPath(settings.File), project.Directory, resolution, built, code, stdout.ToString()));
        return code;
    }

    /// <summary>The tool's package version (the SDK version its throw-away projects use).</summary>
    internal static string ToolVersion()
    {
        var version = typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0-dev";
        return version.Split('+')[0];
    }

    private static void Build(EphemeralProject project)
    {
        var start = Dotnet(project.Directory, ["build", project.ProjectFile, "-nologo", "-nodeReuse:false", "-v:q", "-clp:NoSummary", "-o", project.OutputDirectory, "-p:MicroPromptLocked=false"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new ToolException("Could not start 'dotnet build'.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new ToolException($"The prompt's program could not be built (project {project.ProjectFile}):\n{(output.Result + error.Result).Trim()}");
        }
    }

    private static int Run(EphemeralProject project, IReadOnlyList<string> arguments, TextWriter? capture)
    {
        var start = Dotnet(Environment.CurrentDirectory, [project.ProgramPath, .. arguments]);
        start.RedirectStandardOutput = capture is not null; // otherwise stdin, stdout and stderr are the tool's own
        using var process = Process.Start(start) ?? throw new ToolException("Could not start the program.");
        if (capture is not null)
        {
            capture.Write(process.StandardOutput.ReadToEnd());
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    private static ProcessStartInfo Dotnet(string directory, IEnumerable<string> arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }
}
