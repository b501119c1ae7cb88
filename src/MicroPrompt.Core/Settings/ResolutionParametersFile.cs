using MicroPrompt.Diagnostics.Messages;
using System.Text.Json;
using System.Text.Json.Serialization;
using MicroPrompt.Diagnostics;

namespace MicroPrompt.Settings;

/// <summary>Reads and writes <see cref="ResolutionParameters"/> as JSON (the SDK's <c>inputs.json</c>).</summary>
public static class ResolutionParametersFile
{
    // The context's own formatting (indented, default escaping), applied by the writer the bytes go through.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>
    /// Writes the file unless it already holds these bytes (an unchanged file keeps its timestamp). The JSON is built in
    /// pooled pieces and compared with the file piece by piece: at 100 items it is already larger than the large-object
    /// threshold, and one string of it, its UTF-8 copy and the serializer's buffer were large objects (issue #15).
    /// </summary>
    public static void Write(ResolutionParameters parameters, string path)
    {
        using var buffer = Store.SegmentedBuffer.FromJson(parameters, ResolutionParametersJsonContext.Default.ResolutionParameters, WriterOptions);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Store.AtomicFile.WriteIfChanged(path, buffer, durable: false);
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
