using System.Diagnostics;
using MicroPrompt.Keys;

namespace MicroPrompt.Resolution;

/// <summary>
/// Finds the text of the prompt an item's previous code was generated from (the lock keeps only its hash): the user
/// cache's prompt snapshots first, then the committed version in git (<c>git show HEAD:&lt;path&gt;</c>), each
/// accepted only when its hash is the recorded one. Null when neither has it: the edit then goes without a diff.
/// </summary>
internal static class PreviousPrompt
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    public static string? Find(string promptHash, string promptFullPath, Store.PromptSnapshots? snapshots)
    {
        if (snapshots?.TryGet(promptHash) is { } cached)
        {
            return cached;
        }

        return FromGit(promptFullPath) is { } committed && GenerationKey.PromptHash(committed) == promptHash ? committed : null;
    }

    private static string? FromGit(string promptFullPath)
    {
        try
        {
            var directory = Path.GetDirectoryName(promptFullPath)!;
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "show", "HEAD:./" + Path.GetFileName(promptFullPath) })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                try
                {
                    git.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                return null;
            }

            return git.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null; // no git, not a repository, or the file is not committed
        }
    }
}
