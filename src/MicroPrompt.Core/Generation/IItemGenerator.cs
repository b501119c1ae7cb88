namespace MicroPrompt.Generation;

/// <summary>
/// Generates and verifies one item. Implementations talk to a model; the resolution engine only sees this interface,
/// so a build whose items are all resolved never loads an AI, HTTP or Roslyn assembly.
/// </summary>
public interface IItemGenerator : IDisposable
{
    Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);
}
