using System.Globalization;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// The one-line description of an ambiguity for consoles and reports:
/// <c>`Slug.Make("a_b")`: 2 samples return `"a_b"`, 1 returns `"ab"`</c>.
/// </summary>
public static class AmbiguityText
{
    public static string Describe(Ambiguity ambiguity)
    {
        ArgumentNullException.ThrowIfNull(ambiguity);
        var parts = ambiguity.Outcomes.Select((o, i) => $"{Count(o.Count, i == 0)} {Verb(o.Outcome, o.Count == 1)}");
        return $"`{ambiguity.Input}`: {string.Join(", ", parts)}";
    }

    private static string Count(int count, bool first)
        => first ? $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? "sample" : "samples")}" : count.ToString(CultureInfo.InvariantCulture);

    private static string Verb(string outcome, bool one)
    {
        if (outcome.StartsWith("throws ", StringComparison.Ordinal))
        {
            return $"{(one ? "throws" : "throw")} `{outcome["throws ".Length..]}`";
        }

        return outcome switch
        {
            "times out" => one ? "times out" : "time out",
            "crashes the process" => one ? "crashes the process" : "crash the process",
            "completes" => one ? "completes" : "complete",
            _ when outcome.StartsWith("exit ", StringComparison.Ordinal) => $"{(one ? "gives" : "give")} `{outcome}`",
            _ => $"{(one ? "returns" : "return")} `{outcome}`",
        };
    }
}
