namespace MicroPrompt.Dependability;

/// <summary>Mutates an item's code and runs the mutants against its examples in the sandbox.</summary>
public interface IExampleStrengthAnalyzer
{
    Task<ExampleStrength> AnalyzeAsync(ProbeSubject subject, string code, CancellationToken cancellationToken);
}
