namespace MicroPrompt.Generation;

/// <summary>Token usage summed over the calls made for one item.</summary>
public readonly record struct UsageTotals(long InputTokens, long OutputTokens)
{
    public static readonly UsageTotals Zero = new(0, 0);

    public UsageTotals Add(UsageTotals other) => new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
}
