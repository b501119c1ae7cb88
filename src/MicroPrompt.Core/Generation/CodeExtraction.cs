namespace MicroPrompt.Generation;

/// <summary>
/// What <see cref="CodeExtractor"/> found in a model reply: one C# file (<see cref="Code"/>), or a
/// <see cref="Problem"/> saying why there is none.
/// </summary>
public sealed class CodeExtraction
{
    private CodeExtraction(string? code, string? problem, bool noCode)
    {
        Code = code;
        Problem = problem;
        NoCode = noCode;
    }

    /// <summary>The extracted file, line endings <c>\n</c>, ending with exactly one newline; null when none was found.</summary>
    public string? Code { get; }

    /// <summary>Why no code was taken (null on success). Phrased so it can be shown to the model.</summary>
    public string? Problem { get; }

    /// <summary>True when the reply contains no C# at all (as opposed to several conflicting code blocks).</summary>
    public bool NoCode { get; }

    /// <summary>True when <see cref="Code"/> holds a file.</summary>
    public bool Success => Code is not null;

    internal static CodeExtraction Found(string code) => new(code, null, false);

    internal static CodeExtraction Missing(string problem) => new(null, problem, true);

    internal static CodeExtraction Conflict(string problem) => new(null, problem, false);
}
