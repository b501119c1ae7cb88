using MicroPrompt.Generation;

namespace MicroPrompt.Mutation;

/// <summary>
/// Grades code variants through the build's own verification (<see cref="IItemGenerator.VerifyAsync"/>: the Roslyn
/// compile check, library shape and API checks, then the examples in the sandbox), exactly as a model's reply is
/// graded. Does not compile → <see cref="MutantStatus.CompileError"/>; an example over its time limit →
/// <see cref="MutantStatus.Timeout"/>; another failure → <see cref="MutantStatus.Killed"/>; success → survived.
/// </summary>
public sealed class PipelineMutantGrader(IItemGenerator generator, GenerationRequest request) : IMutantGrader
{
    private const int DetailShown = 300;

    private readonly IItemGenerator _generator = generator ?? throw new ArgumentNullException(nameof(generator));
    private readonly GenerationRequest _request = request ?? throw new ArgumentNullException(nameof(request));

    /// <inheritdoc />
    public async Task<MutantVerdict> GradeAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await _generator.VerifyAsync(_request, code, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{_generator.GetType().Name} cannot verify code without a model.");
        if (outcome.Status == GenerationStatus.Succeeded)
        {
            return new MutantVerdict(MutantStatus.Survived);
        }

        if (!outcome.Compiles)
        {
            return new MutantVerdict(MutantStatus.CompileError, Shorten(outcome.LastErrors.FirstOrDefault() ?? outcome.FailureMessage));
        }

        var failed = outcome.ExampleResults.FirstOrDefault(r => !r.Passed);
        var status = failed is { TimedOut: true } ? MutantStatus.Timeout : MutantStatus.Killed;
        var detail = failed is null
            ? outcome.LastErrors.FirstOrDefault() ?? outcome.FailureMessage
            : $"example at line {failed.Example.Span.Line}: {failed.Message}";
        return new MutantVerdict(status, Shorten(detail));
    }

    private static string? Shorten(string? text)
        => text is null || text.Length <= DetailShown ? text : text[..DetailShown] + "…";
}
