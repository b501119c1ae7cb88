using MicroPrompt.Diagnostics.Messages;
using System.Text.Json;
using System.Text.Json.Serialization;
using MicroPrompt.Diagnostics;

namespace MicroPrompt.Settings;

/// <summary>Reads and writes <see cref="ResolutionParameters"/> as JSON (the SDK's <c>inputs.json</c>).</summary>
public static class ResolutionParametersFile
{
    public static void Write(ResolutionParameters parameters, string path)
    {
        var json = JsonSerializer.Serialize(parameters, ResolutionParametersJsonContext.Default.ResolutionParameters);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Store.AtomicFile.WriteAllTextIfChanged(path, json + "\n", durable: false);
    }

    /// <exception cref="MicroPromptException">The file is missing, not JSON, or of an unknown version.</exception>
    public static ResolutionParameters Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (IOException ex)
        {
            throw new MicroPromptException(SettingsMessages.InputsUnreadable(path, ex));
        }
    }

    public static ResolutionParameters Parse(string json)
    {
        ResolutionParameters? parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(json, ResolutionParametersJsonContext.Default.ResolutionParameters);
        }
        catch (JsonException ex)
        {
            throw new MicroPromptException(SettingsMessages.InputsNotJson(ex));
        }

        if (parameters is null || parameters.Version != 1)
        {
            throw new MicroPromptException(SettingsMessages.InputsVersionUnknown(parameters?.Version));
        }

        return parameters;
    }
}
