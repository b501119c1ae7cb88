using System.IO.Compression;
using System.Reflection.PortableExecutable;
using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.Release;

/// <summary>
/// Issue #15: the SDK package ships the tasks twice — net8.0 (IL, for MSBuild on .NET 8 and 9) and net10.0, whose
/// all-resolved path is ReadyToRun-compiled and takes System.Text.Json from MSBuild's runtime (precompiled there).
/// </summary>
public sealed class PackageLayoutTests(SdkPackageFixture sdk) : IClassFixture<SdkPackageFixture>
{
    private static readonly string[] ReadyToRun = ["MicroPrompt.Tasks.dll", "MicroPrompt.Core.dll", "YamlDotNet.dll", "Markdig.dll", "NuGet.Versioning.dll", "System.IO.Hashing.dll"];

    [Fact]
    public void The_package_ships_net8_IL_tasks_and_net10_tasks_with_the_resolved_path_precompiled()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(sdk.Feed, $"MicroPrompt.Sdk.{sdk.Version}.nupkg"));
        foreach (var folder in new[] { "tasks/net8.0/", "tasks/net10.0/" })
        {
            Assert.NotNull(zip.GetEntry(folder + "MicroPrompt.Tasks.dll"));
            Assert.NotNull(zip.GetEntry(folder + "MicroPrompt.Tasks.deps.json"));
            Assert.NotNull(zip.GetEntry(folder + "examplehost/MicroPrompt.ExampleHost.dll"));
            Assert.NotNull(zip.GetEntry(folder + "examplehost/MicroPrompt.ExampleHost.runtimeconfig.json"));
        }

        foreach (var name in ReadyToRun)
        {
            Assert.True(IsReadyToRun(zip, "tasks/net10.0/" + name), $"tasks/net10.0/{name} is not ReadyToRun-compiled");
            Assert.False(IsReadyToRun(zip, "tasks/net8.0/" + name), $"tasks/net8.0/{name} is ReadyToRun-compiled (the .NET 10 runtime would not use it; .NET 8 needs no RID)");
        }

        // On .NET 10 the framework's System.Text.Json is used (precompiled in the shared framework); net8.0 needs the package's.
        Assert.Null(zip.GetEntry("tasks/net10.0/System.Text.Json.dll"));
        Assert.NotNull(zip.GetEntry("tasks/net8.0/System.Text.Json.dll"));
    }

    private static bool IsReadyToRun(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is missing from the package");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        // A ReadyToRun image has a managed native header (the ReadyToRun header) in its CLI header.
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
