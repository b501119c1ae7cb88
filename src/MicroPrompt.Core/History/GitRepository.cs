using System.Diagnostics;
using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.History;

/// <summary>
/// Read-only git, run as a child process (<c>git</c> on PATH, never a library): the history of the store's lock and
/// files at old revisions. Every call has a timeout and never prompts for credentials.
/// </summary>
public sealed class GitRepository
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private GitRepository(string root) => Root = root;

    /// <summary>The repository's top folder: git runs here, and the paths given to <see cref="Show"/> and <see cref="Log"/> are relative to it.</summary>
    public string Root { get; }

    /// <summary>A path inside the repository, relative to <see cref="Root"/> and '/' separated (as git names it).</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, Path.GetFullPath(fullPath)).Replace('\\', '/');

    /// <summary>Opens the repository that holds <paramref name="directory"/> (walking up to the nearest existing folder).</summary>
    /// <exception cref="MicroPromptException">MP4030: git is not installed, or the folder is not in a git repository.</exception>
    public static GitRepository Open(string directory)
    {
        var existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        var (code, output, error) = Run(existing, ["rev-parse", "--show-toplevel"]);
        if (code != 0)
        {
            throw Unavailable(existing, $"it is not in a git repository ({error.Trim()})");
        }

        return new GitRepository(Path.GetFullPath(output.Trim()));
    }

    /// <summary>The commits that changed <paramref name="path"/>, newest first.</summary>
    public IReadOnlyList<GitCommit> Log(string path)
    {
        var (code, output, error) = Run(Root, ["log", "--format=%H%x1f%cI%x1f%an%x1f%s%x1e", "--", path]);
        if (code != 0)
        {
            // A repository without commits has no history yet.
            return error.Contains("does not have any commits", StringComparison.Ordinal) ? [] : throw Unavailable(Root, error.Trim());
        }

        return output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(record => record.Split('\x1f'))
            .Where(fields => fields.Length >= 4)
            .Select(fields => new GitCommit(fields[0], DateTimeOffset.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[2], fields[3]))
            .ToList();
    }

    /// <summary>A file's text at a revision (<c>git show rev:path</c>, path from <see cref="RelativePath"/>), or null when it did not exist there.</summary>
    public string? Show(string revision, string path)
    {
        var (code, output, _) = Run(Root, ["show", $"{revision}:{path}"]);
        return code == 0 ? output : null;
    }

    /// <summary>The full commit id of a revision (a hash prefix, HEAD~2, a tag), or null when git does not know it.</summary>
    public string? Resolve(string revision)
    {
        var (code, output, _) = Run(Root, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"]);
        return code == 0 ? output.Trim() : null;
    }

    private static (int Code, string Output, string Error) Run(string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var git = Process.Start(start) ?? throw Unavailable(directory, "git could not be started");
            var output = git.StandardOutput.ReadToEndAsync();
            var error = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(Timeout))
            {
                git.Kill(entireProcessTree: true);
                throw Unavailable(directory, $"git did not answer within {Timeout.TotalSeconds:0} s");
            }

            git.WaitForExit();
            return (git.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Unavailable(directory, $"git is not installed or not on PATH ({e.Message})");
        }
    }

    private static MicroPromptException Unavailable(string directory, string reason) => new(HistoryMessages.Unavailable(reason, directory));
}
