using System.IO.Compression;
using System.Xml.Linq;
using MicroPrompt.Sdk.Tests.Infrastructure;

namespace MicroPrompt.Sdk.Tests.Release;

/// <summary>build/release.sh: every package, one version, README and metadata filled, deterministic, SourceLink.</summary>
[LongRunning]
public sealed class ReleaseScriptTests
{
    // What may ship; any other package (MicroPrompt.Core, the tasks, test helpers) would be a non-packable project packed.
    private static readonly string[] ShippingPackages = ["MicroPrompt.Sdk", "MicroPrompt.Templates", "MicroPrompt.Tool"];

    [Fact]
    public async Task Release_script_packs_every_package_with_one_version_readme_metadata_sourcelink_and_deterministic_assemblies()
    {
        using var checkout = await ReleaseCheckout.CreateAsync();
        var version = $"9.8.7-release.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var output = Path.Combine(checkout.Root, "packages");

        var release = await DotNet.RunProgramAsync("bash", checkout.Directory, ["build/release.sh", version, output],
            new Dictionary<string, string?> { ["CI"] = null }, timeout: TimeSpan.FromMinutes(15));
        Assert.True(release.Succeeded, release.ToString());
        Assert.DoesNotContain("warning", release.Output, StringComparison.OrdinalIgnoreCase);

        var packages = Directory.GetFiles(output, "*.nupkg");
        var ids = packages.Select(p => Path.GetFileName(p)[..^$".{version}.nupkg".Length]).Order(StringComparer.Ordinal).ToList();
        Assert.All(packages, p => Assert.EndsWith($".{version}.nupkg", p));
        Assert.Contains("MicroPrompt.Sdk", ids);
        Assert.Contains("MicroPrompt.Templates", ids);
        Assert.All(ids, id => Assert.Contains(id, ShippingPackages));

        foreach (var package in packages)
        {
            using var zip = ZipFile.OpenRead(package);
            var id = Path.GetFileName(package)[..^$".{version}.nupkg".Length];
            AssertMetadata(zip, id, version, checkout.Commit);
            var assemblies = zip.Entries.Where(e => e.Name.StartsWith("MicroPrompt.", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToList();
            if (id == "MicroPrompt.Sdk")
            {
                Assert.Contains(assemblies, e => e.FullName == "tasks/net8.0/MicroPrompt.Tasks.dll");
                Assert.Contains(assemblies, e => e.FullName == "tasks/net8.0/MicroPrompt.Core.dll");
            }

            foreach (var entry in assemblies)
            {
                AssertProvenance(entry, checkout.Commit);
            }
        }
    }

    /// <summary>The one place the public address is written (Directory.Build.props).</summary>
    private static string RepositoryUrl { get; } = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
        .Descendants("RepositoryUrl").Single().Value;

    private static void AssertMetadata(ZipArchive zip, string id, string version, string commit)
    {
        var nuspecEntry = Assert.Single(zip.Entries, e => e.FullName == id + ".nuspec");
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement Element(string name) => Assert.Single(metadata.Elements(), e => e.Name.LocalName == name);

        Assert.Equal(id, Value("id"));
        Assert.Equal(version, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")), id + ": no description");
        Assert.False(string.IsNullOrWhiteSpace(Value("tags")), id + ": no tags");
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")), id + ": no authors");
        Assert.Equal("expression", Element("license").Attribute("type")?.Value);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal(RepositoryUrl, Value("projectUrl"));
        var repository = Element("repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(commit, repository.Attribute("commit")?.Value);

        var readme = Value("readme");
        Assert.False(string.IsNullOrWhiteSpace(readme), id + ": no readme");
        var readmeEntry = Assert.Single(zip.Entries, e => e.FullName == readme);
        using var reader = new StreamReader(readmeEntry.Open());
        Assert.StartsWith("# " + id, reader.ReadToEnd());
    }

    private static void AssertProvenance(ZipArchiveEntry entry, string commit)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var provenance = AssemblyProvenance.Read(buffer.ToArray());
        Assert.True(provenance.Reproducible, entry.FullName + " is not a deterministic build");
        Assert.NotEmpty(provenance.Documents);
        Assert.All(provenance.Documents, d => Assert.StartsWith("/_/", d)); // ContinuousIntegrationBuild: no machine paths
        Assert.NotNull(provenance.SourceLink);
        var raw = ReleaseCheckout.RemoteUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        Assert.Contains($"{raw}/{commit}/*", provenance.SourceLink);
    }
}
