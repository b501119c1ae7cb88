using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.Release;

/// <summary>
/// The repository's current files (tracked and new, not ignored) committed into a throw-away git repository whose origin
/// is the public GitHub address: what a release runs from, so SourceLink and the nuspec's commit have a remote to use.
/// </summary>
internal sealed class ReleaseCheckout : IDisposable
{
    /// <summary>The clone's origin; SourceLink maps the sources to raw.githubusercontent.com under it.</summary>
    public const string RemoteUrl = "https://github.com/microprompt/MicroPrompt.Sdk";

    private ReleaseCheckout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Directory => Path.Combine(Root, "repo");

    public string Commit { get; private set; } = "";

    public static async Task<ReleaseCheckout> CreateAsync()
    {
        var checkout = new ReleaseCheckout(Path.Combine(Path.GetTempPath(), "mp-release-" + Guid.NewGuid().ToString("N")[..8]));
        var files = await GitAsync(RepoPaths.Root, "ls-files", "--cached", "--others", "--exclude-standard");
        foreach (var relative in files.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(RepoPaths.Root, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }

            var target = Path.Combine(checkout.Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        await GitAsync(checkout.Directory, "init", "-q", "-b", "main");
        await GitAsync(checkout.Directory, "add", "-A");
        await GitAsync(checkout.Directory, "-c", "user.name=release-test", "-c", "user.email=release-test@localhost", "commit", "-q", "-m", "release test");
        await GitAsync(checkout.Directory, "remote", "add", "origin", RemoteUrl + ".git");
        checkout.Commit = (await GitAsync(checkout.Directory, "rev-parse", "HEAD")).Trim();
        return checkout;
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

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var result = await DotNet.RunProgramAsync("git", directory, arguments);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)}: {result}");
        return result.Output;
    }
}
