using System.Text;
using System.Text.Json;
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

    [Fact]
    public void A_large_inputs_file_is_the_serializers_text_and_an_unchanged_one_keeps_its_timestamp()
    {
        var prompts = Enumerable.Range(0, 1_500).Select(i => new ParameterItem
        {
            ItemSpec = $"Prompts/Ünïcode-{i:D4}.mprompt",
            Metadata = { ["FullPath"] = $"/p/Prompts/Ünïcode-{i:D4}.mprompt", ["Namespace"] = "App.<Generated>" },
        }).ToList();
        var parameters = new ResolutionParameters { ProjectDirectory = "/p", StoreDirectory = "/p/.microprompt", OutputDirectory = "/p/obj", Prompts = prompts };
        var path = Path.Combine(Path.GetTempPath(), "mp-inputs-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            ResolutionParametersFile.Write(parameters, path);

            // What the file always held: the serializer's text (its context's formatting and escaping) and a newline.
            var expected = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parameters, ResolutionParametersJsonContext.Default.ResolutionParameters) + "\n");
            Assert.True(expected.Length > 3 * 64 * 1024, "the file should span several segments");
            Assert.Equal(expected, File.ReadAllBytes(path));
            Assert.Equal(1_500, ResolutionParametersFile.Read(path).Prompts.Count);

            var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, old);
            ResolutionParametersFile.Write(parameters, path);
            Assert.Equal(old, File.GetLastWriteTimeUtc(path));

            prompts[1_499].Metadata["Namespace"] = "App.<Generatex>"; // same length, last segment differs
            ResolutionParametersFile.Write(parameters, path);
            Assert.NotEqual(old, File.GetLastWriteTimeUtc(path));
            Assert.Equal("App.<Generatex>", ResolutionParametersFile.Read(path).Prompts[1_499].Metadata["Namespace"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
