using MicroPrompt.Comparison;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Generation;
using ReportCell = MicroPrompt.Reporting.ReportItemMatrixCell;

namespace MicroPrompt.Core.Tests.Comparison;

public sealed class ComparisonTablesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static ComparisonSettings Settings() => new() { Models = ["a", "b"], Samples = 2, Modes = [RepairMode.Exec, RepairMode.Review], MaxPasses = 3 };

    // X carries file-data; Y carries api and oauth2. Listed Y first: the tag order must follow the item paths, not the run order.
    internal static List<ComparisonRun> Runs() =>
    [
        Run("Y.mprompt", "a", "exec", 1, "succeeded", 2, judge: 0.6),
        Run("Y.mprompt", "a", "exec", 2, "refused", null, input: 100, output: 0),
        Run("X.mprompt", "a", "exec", 1, "succeeded", 1, judge: 0.8, judgeTokens: true),
        Run("X.mprompt", "a", "exec", 2, "succeeded", 1, judge: 1.0),
        Run("X.mprompt", "b", "exec", 1, "succeeded", 2),
        Run("X.mprompt", "b", "exec", 2, "failed", null),
        Run("Y.mprompt", "b", "exec", 1, "succeeded", 3),
        Run("Y.mprompt", "b", "exec", 2, "error", null, input: 0, output: 0),
        Run("X.mprompt", "a", "review", 1, "succeeded", 1),
        Run("X.mprompt", "a", "review", 2, "succeeded", 1),
        Run("Y.mprompt", "a", "review", 1, "succeeded", 1),
        Run("Y.mprompt", "a", "review", 2, "succeeded", 2),
        Run("X.mprompt", "b", "review", 1, "succeeded", 3),
        Run("X.mprompt", "b", "review", 2, "failed", null),
        Run("Y.mprompt", "b", "review", 1, "failed", null),
        Run("Y.mprompt", "b", "review", 2, "failed", null),
    ];

    private static ComparisonRun Run(string item, string model, string mode, int sample, string status, int? firstCorrect,
        double? judge = null, bool judgeTokens = false, long input = 1000, long output = 500) => new()
    {
        Item = item, Model = model, Mode = mode, Sample = sample, Key = new string('0', 64), Status = status,
        Correct = status == "succeeded", FirstCorrectPass = firstCorrect, Passes = firstCorrect ?? 3,
        InputTokens = input, OutputTokens = output, JudgeScore = judge, JudgeModel = judge is null ? null : model,
        JudgeInputTokens = judgeTokens ? 100 : 0, JudgeOutputTokens = judgeTokens ? 50 : 0,
        Tags = item == "X.mprompt" ? ["file-data"] : ["api", "oauth2"],
        FailureCode = status switch { "failed" => "MP2007", "refused" => "MP2003", "error" => "MP1010", _ => null },
        FailureSummary = status == "succeeded" ? null : $"{item} {model} {mode} s{sample}: {status}",
    };

    internal PriceTable Prices()
    {
        // a: $10 per million in, $20 out → 1000 in / 500 out = 0.01 + 0.01 = 0.02. b has no price.
        var file = _dir.Combine("prices.json");
        File.WriteAllText(file, """{ "asOf": "2026-02-01", "models": { "a": { "inputPerMillion": 10, "outputPerMillion": 20 } } }""");
        return PriceTable.Load(file);
    }

    [Fact]
    public void The_leaderboard_counts_the_first_mode_refusals_apart_and_unknown_prices_as_unknown()
    {
        var tables = ComparisonTables.Build(Runs(), Settings(), Prices());

        Assert.Equal("exec", tables.LeaderboardMode);
        Assert.Equal(["a", "b"], tables.Leaderboard.Select(r => r.Model));      // 75% before 66.7%
        var a = tables.Leaderboard[0];
        Assert.Equal(4, a.Runs);
        Assert.Equal(3, a.Correct);
        Assert.Equal(75.0, a.CorrectPercent);
        Assert.Equal(1, a.Refused);                                               // not a failure
        Assert.Equal(0, a.Failed);
        Assert.Equal(0.8, a.JudgeMean);                                           // (0.6 + 0.8 + 1.0) / 3
        // 3 × 0.02 + refused 100 in (0.001) + judge 100 in / 50 out at a (0.001 + 0.001) = 0.063
        Assert.Equal(0.063m, a.CostUsd);
        Assert.Equal(0.021m, a.CostPerCorrectUsd);
        Assert.Equal(3 * 1000 + 100 + 100, a.InputTokens);

        var b = tables.Leaderboard[1];
        Assert.Equal(3, b.Runs);                                                  // the provider error is not a measurement
        Assert.Equal(1, b.NotRun);
        Assert.Equal(2, b.Correct);
        Assert.Equal(66.7, b.CorrectPercent);
        Assert.Equal(1, b.Failed);
        Assert.Null(b.JudgeMean);
        Assert.Null(b.CostUsd);                                                   // unknown price: unknown, not 0
        Assert.Null(b.CostPerCorrectUsd);
        Assert.Equal(2, tables.Samples);
        Assert.Equal(15, tables.NewRuns);
    }

    [Fact]
    public void The_repair_study_gives_p_at_k_per_model_and_mode()
    {
        var tables = ComparisonTables.Build(Runs(), Settings(), Prices());

        Assert.Equal([("a", "exec"), ("a", "review"), ("b", "exec"), ("b", "review")], tables.RepairStudy.Select(r => (r.Model, r.Mode)));
        Assert.Equal([50.0, 75.0, 75.0], tables.RepairStudy[0].PassAt);          // a exec: first correct 1,1,2 of 4 graded
        Assert.Equal([75.0, 100.0, 100.0], tables.RepairStudy[1].PassAt);        // a review: 1,1,1,2
        Assert.Equal([0.0, 33.3, 66.7], tables.RepairStudy[2].PassAt);           // b exec: 2,3 of 3 graded
        Assert.Equal([0.0, 0.0, 25.0], tables.RepairStudy[3].PassAt);            // b review: 3 of 4
        Assert.Equal(3, tables.RepairStudy[2].Runs);
    }

    [Fact]
    public void Correctness_by_tag_follows_the_first_appearance_of_tags_over_items_sorted_by_path()
    {
        var tables = ComparisonTables.Build(Runs(), Settings(), Prices());

        Assert.Equal(["file-data", "api", "oauth2"], tables.ByTag.Select(t => t.Tag));
        var fileData = tables.ByTag[0];
        Assert.Equal(1, fileData.Items);
        Assert.Equal([100.0, 50.0], fileData.Models.Select(c => c.CorrectPercent));
        var api = tables.ByTag[1];
        Assert.Equal(["a", "b"], api.Models.Select(c => c.Model));
        Assert.Equal(50.0, api.Models[0].CorrectPercent);                          // one correct, one refused
        Assert.Equal((1, 1), (api.Models[1].Runs, api.Models[1].Correct));         // the error is not counted
    }

    [Fact]
    public void The_per_item_matrix_counts_correct_runs_per_item_and_model_in_the_first_mode()
    {
        var tables = ComparisonTables.Build(Runs(), Settings(), Prices());

        Assert.Equal(["X.mprompt", "Y.mprompt"], tables.ByItem.Select(r => r.Item));     // sorted by path
        Assert.Equal(["api", "oauth2"], tables.ByItem[1].Tags);
        string Cell(ReportCell c) => $"{c.Model} {c.Correct}/{c.Runs} r{c.Refused} f{c.Failed} n{c.NotRun}";
        Assert.Equal(["a 2/2 r0 f0 n0", "b 1/2 r0 f1 n0"], tables.ByItem[0].Models.Select(Cell));
        Assert.Equal(["a 1/2 r1 f0 n0", "b 1/1 r0 f0 n1"], tables.ByItem[1].Models.Select(Cell)); // exec only: review's failures are not here
    }

    [Fact]
    public void No_runs_give_zeroes_not_a_division_by_zero()
    {
        var tables = ComparisonTables.Build([], Settings(), PriceTable.Default);
        Assert.All(tables.Leaderboard, r => Assert.Equal((0, 0.0, (decimal?)0m, (decimal?)null), (r.Runs, r.CorrectPercent, r.CostUsd, r.CostPerCorrectUsd)));
        Assert.All(tables.RepairStudy, r => Assert.Equal([0.0, 0.0, 0.0], r.PassAt));
        Assert.Empty(tables.ByTag);
        Assert.Empty(tables.ByItem);
    }
}
