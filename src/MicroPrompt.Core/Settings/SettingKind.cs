namespace MicroPrompt.Settings;

/// <summary>What kind of value a setting takes (how <see cref="Setting{T}"/> parses it, and what docs say it allows).</summary>
public enum SettingKind
{
    /// <summary><c>true</c> or <c>false</c> (any case).</summary>
    Bool,

    /// <summary>A whole number in a range.</summary>
    Integer,

    /// <summary>A number with a <c>.</c> decimal point, in a range.</summary>
    Number,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary><c>true</c> (every item), <c>false</c> (none) or item names separated by <c>;</c>.</summary>
    ItemList,

    /// <summary>Free text (a model id, a configuration string).</summary>
    Text,

    /// <summary>A file or folder path, relative to the project folder.</summary>
    Path,

    /// <summary>An absolute http(s) URL.</summary>
    Endpoint,

    /// <summary>A model provider name (<c>openai</c>, <c>azure-openai</c>, …).</summary>
    Provider,

    /// <summary>The NAME of an environment variable (never its value).</summary>
    VariableName,

    /// <summary>A <c>;</c>-separated list (models, repair modes).</summary>
    List,
}
