using System.Text;

namespace MicroPrompt.Resolution;

/// <summary>Default namespaces: RootNamespace + the prompt's folder, each segment made a valid C# identifier.</summary>
internal static class NamespaceNames
{
    public static string ForItem(string rootNamespace, string itemPath)
    {
        var segments = new List<string>();
        segments.AddRange(rootNamespace.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Identifier));
        var folder = itemPath.Contains('/') ? itemPath[..itemPath.LastIndexOf('/')] : "";
        segments.AddRange(folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Identifier));
        return segments.Count == 0 ? "MicroPrompts" : string.Join('.', segments);
    }

    public static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
