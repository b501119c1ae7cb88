namespace MicroPrompt.Verification;

/// <summary>Runs an item's examples against its compiled code, outside the build process.</summary>
public interface IExampleRunner : IDisposable
{
    /// <summary>
    /// Runs every runnable example (library: C# expressions and statement blocks; program: parsed program examples).
    /// Failures of the code are results, never exceptions; a harness that cannot start at all is a
    /// <see cref="Diagnostics.MicroPromptException"/> (MP2008).
    /// </summary>
    Task<ExampleRunReport> RunAsync(ExampleRunRequest request, CancellationToken cancellationToken);
}
