namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>
/// Packs MicroPrompt.Sdk once per test run, with a version unique to the run, into a temporary feed, so no test
/// can pick up a stale package (or a stale MSBuild node holding old task code). Every end-to-end class gets its own
/// instance (a class fixture: the classes run side by side, <see cref="ParallelBuilds"/>) and every instance shares
/// the one package, packed by whichever class starts first; the feed is deleted when the test process exits.
/// </summary>
public sealed class SdkPackageFixture : IAsyncLifetime
{
    private static readonly string SharedVersion = $"1.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    private static readonly string SharedRoot = Path.Combine(Path.GetTempPath(), "mp-e2e-" + Guid.NewGuid().ToString("N")[..10]);
    private static readonly string SharedFeed = Path.Combine(SharedRoot, "feed");
    private static readonly Lazy<Task> Packing = new(PackAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Version => SharedVersion;

    public string Root => SharedRoot;

    public string Feed => SharedFeed;

    // A failed pack fails every class's tests with the same message.
    public Task InitializeAsync() => Packing.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task PackAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRoot();
        Directory.CreateDirectory(SharedFeed);
        var result = await DotNet.RunAsync(
            RepoPaths.Root,
            ["pack", Path.Combine("sdk", "MicroPrompt.Sdk", "MicroPrompt.Sdk.csproj"), "-c", "Release", "-o", SharedFeed, $"-p:Version={SharedVersion}", "-nodeReuse:false"],
            timeout: TimeSpan.FromMinutes(10));
        if (!result.Succeeded || !File.Exists(Path.Combine(SharedFeed, $"MicroPrompt.Sdk.{SharedVersion}.nupkg")))
        {
            throw new InvalidOperationException("Packing MicroPrompt.Sdk failed:\n" + result);
        }
    }

    private static void DeleteRoot()
    {
        try
        {
            Directory.Delete(SharedRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
