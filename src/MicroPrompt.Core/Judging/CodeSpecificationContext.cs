using Microsoft.Extensions.AI.Evaluation;

namespace MicroPrompt.Judging;

/// <summary>The specification the reviewed code was written to (for <see cref="RobustnessEvaluator"/>).</summary>
public sealed class CodeSpecificationContext : EvaluationContext
{
    public const string ContextName = "Code specification";

    public CodeSpecificationContext(string specification)
        : base(ContextName, specification)
    {
        Specification = specification;
    }

    public string Specification { get; }
}
