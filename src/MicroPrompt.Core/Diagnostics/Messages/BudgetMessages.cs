using System.Globalization;

namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of prices, the cost budget and the quality gate: a bad price table (MP1020), the judge's minimum
/// (MP3001), a spent budget (MP3002) and a budget that cannot be enforced (MP3003).
/// </summary>
internal static class BudgetMessages
{
    /// <summary>What to do when the budget stopped generation: everything measured so far is kept.</summary>
    public const string RaiseOrContinue = "raise MicroPromptMaxCostUsd or build again to continue.";

    private const string PriceTableShape =
        "{ \"asOf\": \"2025-10-20\", \"models\": { \"my-model\": { \"inputPerMillion\": 0.4, \"outputPerMillion\": 1.6 } } }";

    public static MicroPromptDiagnostic PriceTableUnreadable(string path, string reason) => PriceTable(
        $"The price table '{path}' (MicroPromptPriceTable) cannot be read: {reason}", path, 1, 1);

    public static MicroPromptDiagnostic PriceTableNotJson(string path, string parserMessage, int line, int column) => PriceTable(
        $"The price table '{path}' is not valid JSON: {parserMessage} Expected {PriceTableShape}.", path, line, column);

    public static MicroPromptDiagnostic PriceTableEmpty(string path) => PriceTable(
        $"The price table '{path}' is empty; expected an object with a \"models\" map.", path, 1, 1);

    public static MicroPromptDiagnostic PriceTableCurrency(string path, string currency) => PriceTable(
        $"The price table '{path}' uses currency '{currency}'; only USD is supported.", path, 1, 1);

    public static MicroPromptDiagnostic PriceTableBadRow(string path, string model) => PriceTable(
        $"The price table '{path}' has a bad row for model '{model}': both \"inputPerMillion\" and \"outputPerMillion\" must be numbers ≥ 0 (US dollars per million tokens).",
        path, 1, 1);

    public static MicroPromptDiagnostic JudgeBelowMinimum(string itemPath, double score, double minimum, string file) => MicroPromptDiagnostic.Warning(
        DiagnosticCodes.JudgeBelowMinimum,
        string.Create(CultureInfo.InvariantCulture,
            $"The reviewer scored '{itemPath}' {score:0.00}, below MicroPromptMinJudgeScore={minimum:0.00} (rubric: docs/grading.md). Tighten the prompt's requirements (errors, validation, cleanup, cancellation) and regenerate it, or pin a stronger model."),
        file, 1, 1);

    /// <summary>Why a generation may not start: MP3002, the budget is spent.</summary>
    public static (string Code, string Reason) Spent(decimal maxUsd, decimal spent)
        => (DiagnosticCodes.BudgetExceeded, $"the build's budget (MicroPromptMaxCostUsd={maxUsd:0.####} USD) is spent ({spent:0.######} USD)");

    /// <summary>Why a generation may not start: MP3003, the model has no price.</summary>
    public static (string Code, string Reason) Unenforceable(string model)
        => (DiagnosticCodes.BudgetUnenforceable,
            $"MicroPromptMaxCostUsd is set but model '{model}' has no price, so its cost cannot be counted; add it to a price table file (MicroPromptPriceTable).");

    /// <summary>MP3002 once per build: what was left unresolved when the budget ran out.</summary>
    public static MicroPromptDiagnostic BuildStopped(decimal spent, decimal maxUsd, IEnumerable<string> skipped) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.BudgetExceeded,
        $"MicroPromptMaxCostUsd: this build spent {spent:0.######} USD of its {maxUsd:0.####} USD budget and stopped generating; left unresolved: {string.Join(", ", skipped)}. "
        + $"What was generated is kept; {RaiseOrContinue}");

    private static MicroPromptDiagnostic PriceTable(string message, string path, int line, int column)
        => MicroPromptDiagnostic.Error(DiagnosticCodes.PriceTableInvalid, message, path, line, column);
}
