namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>Exit code and combined output of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
