using System.Globalization;

namespace Bench.BugFix;

public static class PriceParser
{
    public static decimal Parse(string text)
        => decimal.Parse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
