using MicroPrompt.Diagnostics;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Settings;

/// <summary>Examples, grading, gates and the report.</summary>
public static partial class SettingsCatalog
{
    public static readonly Setting<bool> RunExamples = new(SettingTypes.Bool)
    {
        Property = "MicroPromptRunExamples",
        Parameter = "RunExamples",
        Default = true,
        Doc = "run `## Examples` of new generations in a sandboxed child process ([docs/examples.md](examples.md))",
    };

    public static readonly Setting<SandboxMode> Sandbox = new(SettingTypes.Choice(SandboxMode.Auto, SandboxMode.Jail, SandboxMode.Process))
    {
        Property = "MicroPromptSandbox",
        Parameter = "Sandbox",
        Default = SandboxMode.Auto,
        Doc = "`auto`: examples run in a bubblewrap jail on Linux (no network but its own loopback, no files but its work folder, no child processes, resource limits), else process isolation + warning `MP2050`; `jail`: required (`MP2051`); `process` ([docs/examples.md](examples.md#the-jail-micropromptsandbox))",
    };

    public static readonly Setting<int> ExampleTimeoutSeconds = new(SettingTypes.Int(1, 3600))
    {
        Property = "MicroPromptExampleTimeoutSeconds",
        Parameter = "ExampleTimeoutSeconds",
        Default = 10,
        Doc = "time limit of one example",
    };

    public static readonly Setting<bool> Judge = new(SettingTypes.Bool)
    {
        Property = "MicroPromptJudge",
        Parameter = "Judge",
        Default = true,
        Doc = "a judge model scores each new, correct generation 0–1 on a published rubric ([docs/grading.md](grading.md))",
    };

    public static readonly Setting<string?> JudgeModel = new(SettingTypes.Text)
    {
        Property = "MicroPromptJudgeModel",
        Parameter = "JudgeModel",
        Default = null,
        DefaultText = "the item's model",
        Doc = "the judge",
    };

    public static readonly Setting<double?> MinJudgeScore = new(SettingTypes.Number(0, 1, "0.7"))
    {
        Property = "MicroPromptMinJudgeScore",
        Parameter = "MinJudgeScore",
        Default = null,
        Doc = "below it: warning `MP3001` (an error with `TreatWarningsAsErrors`)",
    };

    public static readonly Setting<decimal?> MaxCostUsd = new(SettingTypes.Dollars)
    {
        Property = "MicroPromptMaxCostUsd",
        Parameter = "MaxCostUsd",
        Default = null,
        Doc = "budget: no new generation starts once spent (`MP3002` names what was left); what passed is kept",
    };

    public static readonly Setting<string?> PriceTable = new(SettingTypes.Path)
    {
        Property = "MicroPromptPriceTable",
        Parameter = "PriceTable",
        Default = null,
        DefaultText = "built-in, dated",
        ErrorCode = DiagnosticCodes.PriceTableInvalid,
        Doc = "JSON file overriding/adding model prices (unknown price → cost \"unknown\", never 0)",
    };

    public static readonly Setting<string?> ReportDir = new(SettingTypes.Path)
    {
        Property = "MicroPromptReportDir",
        Parameter = "ReportDirectory",
        Default = null,
        DefaultText = "`$(IntermediateOutputPath)microprompt/`",
        DefaultFromTargets = true,
        Doc = "where `report.json` / `report.html` go",
    };
}
