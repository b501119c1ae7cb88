namespace MicroPrompt.Sdk.Tests.Reliability;

/// <summary>Small prompts and the code that answers them, for fault and load scenarios.</summary>
internal static class Prompts
{
    public static string Text(string title, string frontMatter = "")
        => (frontMatter.Length > 0 ? $"---\n{frontMatter.Trim()}\n---\n" : "") + $"# {title}\n\nWrite the static class {title}Box with a method `int Value()` returning 42.\n";

    public static string Code(string title, string ns = "App")
        => $"namespace {ns};\n\npublic static class {title}Box\n{{\n    public static int Value() => 42;\n}}\n";

    public const string Unlocked = "-p:MicroPromptLocked=false";

    /// <summary>Fast retries so fault scenarios cost milliseconds, not seconds.</summary>
    public const string FastRetries = "<MicroPromptMaxRetries>2</MicroPromptMaxRetries><MicroPromptRetryDelayMilliseconds>20</MicroPromptRetryDelayMilliseconds><MicroPromptMaxPasses>2</MicroPromptMaxPasses>";
}
