using System.Diagnostics;

namespace MicroPrompt.Core.Tests.History;

/// <summary>Runs git in a test folder (a fixed identity, no global config).</summary>
internal static class GitFixture
{
    public static void Init(string directory)
    {
        Git(directory, "init", "-q", "-b", "main");
    }

    public static void CommitAll(string directory, string message)
    {
        Git(directory, "add", "-A");
        Git(directory, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    public static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }
}
