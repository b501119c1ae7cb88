namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of a <c>kind: program</c> prompt's examples (all MP0032): YAML lines of args, stdin, files, stdout and
/// exit. The reader adds the location.
/// </summary>
internal static class ProgramExampleMessages
{
    /// <summary>How a program example is written: the advice closing most of these messages.</summary>
    public const string Format =
        "Write a program example as YAML lines: args: [a, \"b c\"], stdin: \"…\", files: { name.txt: \"…\" }, stdout: \"…\", exit: 0.";

    public static MicroPromptDiagnostic CSharpInProgram() => MicroPromptDiagnostic.Warning(DiagnosticCodes.ExamplesMalformed,
        "This example is C#, but the prompt is 'kind: program': its examples run the program, so this one is not run. "
        + "Use a ```text block. " + Format);

    public static MicroPromptDiagnostic TooLarge(int chars, int maxChars) => Malformed(
        $"This program example is {chars} characters, over the {maxChars}-character limit; use smaller input files.");

    public static MicroPromptDiagnostic NotYaml(string parserMessage) => Malformed($"This program example is not valid YAML: {parserMessage} {Format}");

    public static MicroPromptDiagnostic NotYamlNearHere() => Malformed($"This program example is not valid YAML near here. {Format}");

    public static MicroPromptDiagnostic Empty() => Malformed("This program example is empty. " + Format);

    public static MicroPromptDiagnostic NotAMapping() => Malformed("A program example must be 'key: value' lines. " + Format);

    public static MicroPromptDiagnostic KeyNotAWord() => Malformed("A program example's keys are plain words (args, stdin, files, stdout, exit).");

    public static MicroPromptDiagnostic KeyTwice(string key) => Malformed($"The key '{key}' is given twice; keep one.");

    public static MicroPromptDiagnostic BadExit(string exit) => Malformed($"'exit' must be a whole number (the expected exit code), not '{exit}'.");

    public static MicroPromptDiagnostic UnknownKey(string key) => Malformed($"'{key}' is not a program example key; use args, stdin, files, stdout, stderr and exit.");

    public static MicroPromptDiagnostic ChecksNothing() => Malformed("This program example checks nothing: give the expected 'stdout:', 'stderr:' and/or 'exit:' code.");

    public static MicroPromptDiagnostic NotText(string key) => Malformed($"'{key}' must be a text value (quote it: \"…\", or use a '|' block).");

    public static MicroPromptDiagnostic ArgsNotAList() => Malformed("'args' must be a list of arguments, e.g. [--upper, \"two words\"].");

    public static MicroPromptDiagnostic ArgumentNotText() => Malformed("Each argument in 'args' must be a text value.");

    public static MicroPromptDiagnostic FilesNotAMap() => Malformed("'files' must map file names to contents, e.g. files: { input.txt: \"line 1\\n\" }.");

    public static MicroPromptDiagnostic FileNameNotText() => Malformed("A file name in 'files' must be a text value.");

    public static MicroPromptDiagnostic FileNameUnsafe(string name) => Malformed(
        $"'{name}' is not a relative file name inside the working directory (no rooted paths, no '..').");

    public static MicroPromptDiagnostic FileContentNotText(string name) => Malformed($"The content of '{name}' must be a text value.");

    public static MicroPromptDiagnostic FileTwice(string name) => Malformed($"The file '{name}' is given twice.");

    private static MicroPromptDiagnostic Malformed(string message) => MicroPromptDiagnostic.Error(DiagnosticCodes.ExamplesMalformed, message);
}
