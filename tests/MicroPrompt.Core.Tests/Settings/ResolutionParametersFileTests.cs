using MicroPrompt.Settings;

namespace MicroPrompt.Core.Tests.Settings;

/// <summary>inputs.json keeps the former boolean parameters readable: text now, JSON booleans from earlier SDKs.</summary>
public sealed class ResolutionParametersFileTests
{
    [Fact]
    public void Former_boolean_parameters_are_written_as_text_and_read_from_either_form()
    {
        var path = Path.Combine(Path.GetTempPath(), "mp-inputs-" + Guid.NewGuid().ToString("N") + ".json");
        string written;
        try
        {
            ResolutionParametersFile.Write(new ResolutionParameters { ProjectDirectory = "/p", StoreDirectory = "/p/.microprompt", OutputDirectory = "/p/obj", Locked = "true", StrictCapabilities = "true", DesignTime = "false" }, path);
            written = File.ReadAllText(path);
            var read = ResolutionParametersFile.Read(path);

            Assert.Contains("\"locked\": \"true\"", written);
            Assert.Equal("true", read.Locked);
            Assert.Equal("false", read.DesignTime);
        }
        finally
        {
            File.Delete(path);
        }

        // An inputs file of an earlier SDK, where these were MSBuild bool parameters.
        var earlier = ResolutionParametersFile.Parse(written
            .Replace("\"locked\": \"true\"", "\"locked\": true", StringComparison.Ordinal)
            .Replace("\"strictCapabilities\": \"true\"", "\"strictCapabilities\": true", StringComparison.Ordinal)
            .Replace("\"designTime\": \"false\"", "\"designTime\": false", StringComparison.Ordinal));
        Assert.Equal("true", earlier.Locked);
        Assert.Equal("false", earlier.DesignTime);
        var settings = ResolutionSettings.Read(earlier);
        Assert.Empty(settings.Problems);
        Assert.True(settings.Options.Locked);
        Assert.True(settings.Options.StrictCapabilities);
    }
}
