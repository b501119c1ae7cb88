using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Generation;

namespace MicroPrompt.Adoption;

/// <summary>A generator that verifies but never generates: adoption makes no model call.</summary>
internal sealed class VerifyOnlyGenerator(IItemGenerator inner) : IItemGenerator
{
    public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GenerationOutcome
        {
            Status = GenerationStatus.Failed,
            FailureCode = DiagnosticCodes.LockedMissingResolution,
            FailureMessage = AdoptionMessages.NeedsModelCall(request.ItemPath),
        });

    public Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken) =>
        inner.VerifyAsync(request, code, cancellationToken);

    public void Dispose() => inner.Dispose();
}
