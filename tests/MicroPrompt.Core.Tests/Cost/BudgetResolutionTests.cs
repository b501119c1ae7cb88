using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Cost;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Cost;

public sealed class BudgetResolutionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generation_stops_once_the_budget_is_spent_and_what_passed_is_kept()
    {
        var items = new[] { Prompt("A"), Prompt("B"), Prompt("C"), Prompt("D", uses: "C.mprompt") };
        var generator = new CountingGenerator(new UsageTotals(1_000_000, 0)); // $0.40 per item with gpt-4.1-mini
        var budget = new GenerationBudget(0.5m, PriceTable.Default);

        var result = await Resolver(generator, budget).ResolveAsync(items, CancellationToken.None);

        Assert.Equal(["A.mprompt", "B.mprompt"], generator.Generated);            // A: 0.40 < 0.50 → B starts; then 0.80 ≥ 0.50
        Assert.Equal(0.80m, budget.Spent);
        Assert.Equal(ItemStatus.Generated, result.Items[0].Status);
        Assert.Equal(ItemStatus.Generated, result.Items[1].Status);
        Assert.Equal(ItemStatus.Skipped, result.Items[2].Status);
        Assert.Equal(ItemStatus.Skipped, result.Items[3].Status);                  // its dependency was skipped
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BudgetExceeded);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("left unresolved: C.mprompt, D.mprompt", error.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DependencyFailed);

        var lockFile = new ResolvedStore(_dir.Combine(".microprompt")).LoadLock();
        Assert.Equal(["A.mprompt", "B.mprompt"], lockFile.Items.Keys.Order());
        Assert.True(File.Exists(_dir.Combine("obj", "A.g.cs")));
        Assert.False(File.Exists(_dir.Combine("obj", "C.g.cs")));
    }

    [Fact]
    public async Task A_model_without_a_price_cannot_be_budgeted_and_is_not_called()
    {
        var generator = new CountingGenerator(new UsageTotals(10, 10));
        var result = await Resolver(generator, new GenerationBudget(1m, PriceTable.Default), model: "my-local-model")
            .ResolveAsync([Prompt("A")], CancellationToken.None);

        Assert.Empty(generator.Generated);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BudgetUnenforceable);
        Assert.Contains("'my-local-model' has no price", error.Message);
    }

    [Fact]
    public async Task Judge_tokens_count_against_the_budget()
    {
        var generator = new CountingGenerator(UsageTotals.Zero, judgeUsage: new UsageTotals(0, 1_000_000)); // judge: $1.60
        var budget = new GenerationBudget(1m, PriceTable.Default);

        await Resolver(generator, budget).ResolveAsync([Prompt("A"), Prompt("B")], CancellationToken.None);

        Assert.Equal(1.60m, budget.Spent);
        Assert.Equal(["A.mprompt"], generator.Generated);
    }

    private PromptResolver Resolver(IItemGenerator generator, GenerationBudget budget, string model = "gpt-4.1-mini") => new(
        new ResolutionOptions
        {
            Project = new ProjectContext { ProjectDirectory = _dir.Path, RootNamespace = "App" },
            StoreDirectory = _dir.Combine(".microprompt"),
            OutputDirectory = _dir.Combine("obj"),
            DefaultModel = model,
            MaxConcurrency = 1,
            Budget = budget,
            JudgeModel = "",
        },
        () => generator);

    private ResolutionItem Prompt(string name, string? uses = null)
    {
        var front = uses is null ? "" : $"---\nuses: [{uses}]\n---\n";
        File.WriteAllText(_dir.Combine(name + ".mprompt"), $"{front}# {name}\n\nMake class {name}.\n");
        return new ResolutionItem { FullPath = _dir.Combine(name + ".mprompt"), ItemPath = name + ".mprompt" };
    }

    private sealed class CountingGenerator(UsageTotals usage, UsageTotals judgeUsage = default) : IItemGenerator
    {
        public List<string> Generated { get; } = [];

        public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
        {
            Generated.Add(request.ItemPath);
            var name = Path.GetFileNameWithoutExtension(request.ItemPath);
            return Task.FromResult(new GenerationOutcome
            {
                Status = GenerationStatus.Succeeded,
                Code = $"namespace App; public class {name} {{ }}",
                Passes = 1,
                Usage = usage,
                Compiles = true,
                FirstCorrectPass = 1,
                JudgeModel = request.Model,
                JudgeUsage = judgeUsage,
                JudgeScore = 0.5,
            });
        }

        public void Dispose()
        {
        }
    }
}
