using System.Text.RegularExpressions;

namespace MicroPrompt.Tool.Commands;

/// <summary>The text of a new prompt: front matter, instructions, <c>## Contract</c> and <c>## Examples</c>.</summary>
public static partial class PromptSkeleton
{
    public static string For(string name, string kind)
    {
        var type = TypeName(name);
        return kind == "program"
            ? $$"""
                ---
                kind: program
                ---
                # {{type}}

                Describe what the program does with its arguments and stdin, what it prints and its exit code (e.g. it greets its first argument).

                ## Contract
                ```csharp
                public static class Program { public static int Main(string[] args); }
                ```

                ## Examples
                ```yaml
                args: [World]
                stdout: "Hello, World!\n"
                exit: 0
                ```
                """ + "\n"
            : $$"""
                ---
                kind: library
                ---
                # {{type}}

                Describe what `{{type}}.Run(text)` returns for its input, and what it does with edge cases (null, empty).

                ## Contract
                ```csharp
                public static class {{type}} { public static string Run(string text); }
                ```

                ## Examples
                ```csharp
                {{type}}.Run("hello") == "hello"
                ```
                """ + "\n";
    }

    /// <summary>A C# type name from a file name: <c>slug-maker</c> → <c>SlugMaker</c>.</summary>
    public static string TypeName(string name)
    {
        var parts = NonIdentifier().Split(name).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]);
        var type = string.Concat(parts);
        return type.Length == 0 ? "Item" : char.IsDigit(type[0]) ? "_" + type : type;
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonIdentifier();
}
