using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MicroPrompt.Core.Tests.Editors;

/// <summary>
/// A .mprompt's front matter as the JSON an editor's YAML language server validates: YamlDotNet's representation
/// model, plain scalars typed by the YAML 1.2 core schema (null, booleans, integers, floats), everything else text.
/// </summary>
internal static partial class FrontMatterJson
{
    /// <summary>The front matter of <paramref name="text"/> (between a first line '---' and the next), or null when there is none.</summary>
    public static JsonNode? FromPrompt(string text)
    {
        var lines = text.Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        Assert.True(end > 0, "unterminated front matter");
        return FromYaml(string.Join('\n', lines[1..end]));
    }

    public static JsonNode FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? new JsonObject() : Convert(stream.Documents[0].RootNode) ?? new JsonObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
