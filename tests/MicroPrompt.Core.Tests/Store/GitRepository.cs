using System.Diagnostics;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>A throw-away git repository in a folder, isolated from the machine's git configuration.</summary>
internal sealed class GitRepository
{
    public GitRepository(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, "..", "empty.gitconfig"), "");
        Check("init", "-q", "-b", "main");
        Check("config", "user.name", "MicroPrompt Tests");
        Check("config", "user.email", "tests@microprompt.invalid");
        Check("config", "commit.gpgsign", "false");
        Check("config", "core.autocrlf", "false");
    }

    public string Directory { get; }

    /// <summary>Runs git; returns its exit code and its output (stdout then stderr).</summary>
    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = Path.GetFullPath(System.IO.Path.Combine(Directory, "..", "empty.gitconfig"));
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Runs git and fails the test when it fails.</summary>
    public string Check(params string[] arguments)
    {
        var (exitCode, output) = Run(arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    public void CommitAll(string message)
    {
        Check("add", "-A");
        Check("commit", "-q", "-m", message);
    }
}
