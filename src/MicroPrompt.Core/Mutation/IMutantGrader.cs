namespace MicroPrompt.Mutation;

/// <summary>
/// Grades one variant of an item's code the way a build grades a model's reply (compile, then the examples in the
/// sandbox): <see cref="MutantStatus.Survived"/> when it compiles and every example passes.
/// </summary>
public interface IMutantGrader
{
    Task<MutantVerdict> GradeAsync(string code, CancellationToken cancellationToken);
}
