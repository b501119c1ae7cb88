namespace MicroPrompt.Prompts;

/// <summary><c>kind:</c> in front matter.</summary>
public enum PromptKind
{
    /// <summary>Types compiled into the project (default).</summary>
    Library,

    /// <summary>The program's entry point.</summary>
    Program,
}
