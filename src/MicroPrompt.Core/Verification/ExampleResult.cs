using MicroPrompt.Prompts;

namespace MicroPrompt.Verification;

/// <summary>The result of one example.</summary>
/// <param name="Example">The example (its code and .mprompt position).</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Message">Why it failed: the value it had, the exception and its first frames, a timeout, a crash, …</param>
public sealed record ExampleResult(PromptExample Example, bool Passed, string? Message = null)
{
    /// <summary>It ran over the example time limit (the harness was stopped and restarted).</summary>
    public bool TimedOut { get; init; }
}
