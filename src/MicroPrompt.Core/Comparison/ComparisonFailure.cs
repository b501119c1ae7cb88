using System.Text;
using MicroPrompt.Generation;

namespace MicroPrompt.Comparison;

/// <summary>The one-line failure summary of a comparison run (<see cref="ComparisonRun.FailureSummary"/>).</summary>
public static class ComparisonFailure
{
    /// <summary>The longest summary kept (characters, an ellipsis included).</summary>
    public const int MaxLength = 300;

    /// <summary>
    /// What a user needs to see why a run is not correct: the refusal text; else the first of the last errors (a
    /// compiler error or a failing example) and how many more there were; else the generator's failure message.
    /// </summary>
    public static string? Summarize(GenerationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var errors = outcome.LastErrors.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        if (errors.Count == 0)
        {
            return Trim(outcome.FailureMessage);
        }

        // The count of further errors survives the cut: it says whether one fix is enough.
        var more = outcome.Status == GenerationStatus.Refused || errors.Count == 1 ? "" : $" (and {errors.Count - 1} more)";
        return Cut(OneLine(errors[0]), MaxLength - more.Length) + more;
    }

    /// <summary>Collapses whitespace to one line and cuts it to <see cref="MaxLength"/> characters; null for blank text.</summary>
    public static string? Trim(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Cut(OneLine(text), MaxLength);
    }

    private static string Cut(string line, int max) => line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
