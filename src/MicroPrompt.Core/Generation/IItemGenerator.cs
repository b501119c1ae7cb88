namespace MicroPrompt.Generation;

/// <summary>
/// Generates and verifies one item. Implementations talk to a model; the resolution engine only sees this interface,
/// so a build whose items are all resolved never loads an AI, HTTP or Roslyn assembly.
/// </summary>
public interface IItemGenerator : IDisposable
{
    Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies existing code as a generation would be (compile with callers, library shape, API, examples) without
    /// calling a model: how an item whose <c>uses</c> changed is re-verified. Succeeded with the code when it is
    /// correct. By default verification is not available (null), and the item is regenerated instead.
    /// </summary>
    Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
        => Task.FromResult<GenerationOutcome?>(null);
}
