namespace MicroPrompt.Api;

/// <summary>The texts of an <see cref="ApiChange"/>: a repair problem for the model, a compact line for reports.</summary>
public static class ApiChangeFormatter
{
    private const string Advice = "Keep it (or change the ## Contract and set MicroPromptAllowApiChanges).";

    /// <summary>
    /// The repair problem for a breaking change:
    /// <c>Greeter.Hello(string) was removed: callers of the previous version use it. Keep it (or change the ## Contract and set MicroPromptAllowApiChanges).</c>
    /// </summary>
    /// <exception cref="ArgumentException">An addition, which is never a problem.</exception>
    public static string Problem(ApiChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            ApiChangeKind.Removed => $"{change.Symbol} was removed: callers of the previous version use it. {Advice}",
            ApiChangeKind.Changed => $"{change.Symbol} changed from '{change.OldSignature}' to '{change.NewSignature}': callers of the previous version use '{change.OldSignature}'. {Advice}",
            _ => throw new ArgumentException($"An addition ({change.Symbol}) breaks no caller.", nameof(change)),
        };
    }

    /// <summary>
    /// <c>removed: Greeter.Hello(string)</c>, <c>added: Greeter.Hi(string)</c>,
    /// <c>changed: static string Slug.Make(string) -> static string Slug.Make(string, char = …)</c>.
    /// </summary>
    public static string Compact(ApiChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            ApiChangeKind.Removed => $"removed: {change.Symbol}",
            ApiChangeKind.Added => $"added: {change.Symbol}",
            _ => $"changed: {change.OldSignature} -> {change.NewSignature}",
        };
    }
}
