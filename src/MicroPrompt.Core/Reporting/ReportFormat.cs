using System.Globalization;

namespace MicroPrompt.Reporting;

/// <summary>How numbers read in the HTML report and the console summary.</summary>
public static class ReportFormat
{
    /// <summary>"$0.0123", "$0" or "unknown".</summary>
    public static string Dollars(decimal? value) => value switch
    {
        null => "unknown",
        0m => "$0",
        < 0.01m => "$" + value.Value.ToString("0.######", CultureInfo.InvariantCulture),
        _ => "$" + value.Value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    public static string Score(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Seconds(long milliseconds) => (milliseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
