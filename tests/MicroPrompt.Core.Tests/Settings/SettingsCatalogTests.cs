using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Resolution;
using MicroPrompt.Settings;
using MicroPrompt.Verification.Jail;

namespace MicroPrompt.Core.Tests.Settings;

/// <summary>Every bad value is an MP1xxx error naming the property, the value (redacted where secret) and the allowed values.</summary>
public sealed class SettingsCatalogTests
{
    private static ResolutionSettings Read(
        string? locked = null, string? strict = null, string? designTime = null, string? judge = null, string? runExamples = null,
        string? otlpIncludeContent = null, string? maxPasses = null, string? maxRetries = null, string? maxConcurrency = null,
        string? repair = null, string? sandbox = null, string? minJudgeScore = null, string? maxCostUsd = null,
        string? provider = null, string? endpoint = null, string? apiKeyVariable = null) => ResolutionSettings.Read(new ResolutionParameters
        {
            ProjectDirectory = Path.GetTempPath(),
            OutputDirectory = Path.Combine(Path.GetTempPath(), "obj"),
            StoreDirectory = Path.Combine(Path.GetTempPath(), ".microprompt"),
            Locked = locked,
            StrictCapabilities = strict,
            DesignTime = designTime,
            Judge = judge,
            RunExamples = runExamples,
            OtlpIncludeContent = otlpIncludeContent,
            MaxPasses = maxPasses,
            MaxRetries = maxRetries,
            MaxConcurrency = maxConcurrency,
            Repair = repair,
            Sandbox = sandbox,
            MinJudgeScore = minJudgeScore,
            MaxCostUsd = maxCostUsd,
            Provider = provider,
            Endpoint = endpoint,
            ApiKeyVariable = apiKeyVariable,
        });

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes")]
    [InlineData("1")]
    public void A_bad_boolean_is_MP1005_not_MSBuilds_MSB4030(string value)
    {
        var problem = Assert.Single(Read(locked: value).Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.Equal($"MicroPromptLocked is '{value}'; expected true or false.", problem.Message);
    }

    [Fact]
    public void Every_former_MSBuild_bool_parameter_is_text_parsed_by_the_catalog()
    {
        var settings = Read(locked: "TRUE", strict: " true ", designTime: "True");

        Assert.Empty(settings.Problems);
        Assert.True(settings.Options.Locked);
        Assert.True(settings.Options.StrictCapabilities);
        Assert.True(settings.Options.DesignTime);
        Assert.True(settings.DesignTimeBuild);

        var bad = Read(strict: "strict", designTime: "ide", judge: "on", runExamples: "no", otlpIncludeContent: "yes").Problems;
        Assert.All(bad, p => Assert.Equal("MP1005", p.Code));
        Assert.Equal(
            ["MicroPromptJudge", "MicroPromptOtlpIncludeContent", "MicroPromptRunExamples", "MicroPromptStrictCapabilities", "_MicroPromptDesignTime"],
            bad.Select(p => p.Message.Split(' ')[0]).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("three")]
    [InlineData("2.5")]
    public void An_integer_out_of_range_or_not_whole_names_the_range(string value)
    {
        var problem = Assert.Single(Read(maxPasses: value).Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.Equal($"MicroPromptMaxPasses is '{value}'; expected a whole number from 1 to 20.", problem.Message);
    }

    [Fact]
    public void Integers_at_the_bounds_are_accepted_and_blank_is_the_catalogs_one_default()
    {
        var low = Read(maxPasses: "1", maxRetries: "0");
        var blank = Read(maxPasses: " ");

        Assert.Empty(low.Problems);
        Assert.Equal(1, low.Options.MaxPasses);
        Assert.Equal(0, low.Provider.Resilience.MaxRetries);
        Assert.Equal(3, SettingsCatalog.MaxPasses.Default);
        Assert.Equal(SettingsCatalog.MaxPasses.Default, blank.Options.MaxPasses);
        Assert.Equal(TimeSpan.FromSeconds(SettingsCatalog.TimeoutSeconds.Default), blank.Provider.Timeout);

        // The records' defaults are the catalog's, not copies of it.
        var options = new ResolutionOptions { Project = new ProjectContext { ProjectDirectory = "p" }, StoreDirectory = "s", OutputDirectory = "o" };
        Assert.Equal(SettingsCatalog.MaxPasses.Default, options.MaxPasses);
        Assert.Equal(SettingsCatalog.MaxConcurrency.Default, options.MaxConcurrency);
        Assert.Equal(SettingsCatalog.MaxPromptBytes.Default, options.MaxPromptBytes);
        Assert.Equal(SettingsCatalog.Repair.Default, options.Repair);
    }

    [Theory]
    [InlineData("fix", null, "MicroPromptRepair is 'fix'; expected exec, review or none.")]
    [InlineData(null, "chroot", "MicroPromptSandbox is 'chroot'; expected auto, jail or process.")]
    public void A_bad_choice_lists_the_allowed_words(string? repair, string? sandbox, string message)
    {
        var problem = Assert.Single(Read(repair: repair, sandbox: sandbox, runExamples: "true").Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Choices_are_case_insensitive()
    {
        var settings = Read(repair: "REVIEW", sandbox: "Process");

        Assert.Empty(settings.Problems);
        Assert.Equal(RepairMode.Review, settings.Options.Repair);
        Assert.Equal(SandboxMode.Process, settings.Examples!.Sandbox);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("0,7")]
    [InlineData("high")]
    public void A_number_out_of_range_names_the_range(string value)
    {
        var problem = Assert.Single(Read(minJudgeScore: value).Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.Equal($"MicroPromptMinJudgeScore is '{value}'; expected a number from 0 to 1, e.g. 0.7.", problem.Message);
    }

    [Fact]
    public void Numbers_in_range_are_read_with_a_point()
    {
        var settings = Read(minJudgeScore: "0.7", maxCostUsd: "0.50");

        Assert.Empty(settings.Problems);
        Assert.Equal(0.7, settings.MinJudgeScore);
        Assert.Equal(0.50m, settings.MaxCostUsd);
    }

    [Fact]
    public void A_key_pasted_into_the_variable_name_property_is_an_error_that_does_not_show_it()
    {
        const string key = "sk-proj-0123456789abcdef";

        var problem = Assert.Single(Read(apiKeyVariable: key).Problems);

        Assert.Equal("MP1005", problem.Code);
        Assert.StartsWith("MicroPromptApiKeyVariable is ", problem.Message);
        Assert.Contains("NAME of an environment variable", problem.Message);
        Assert.DoesNotContain(key, problem.Message);
        Assert.DoesNotContain("sk-", problem.Message);
    }

    [Fact]
    public void Every_bad_value_at_once_is_one_error_each()
    {
        var problems = Read(locked: "x", maxConcurrency: "0", sandbox: "x", maxCostUsd: "-1", provider: "x", endpoint: "x").Problems;

        Assert.Equal(["MP1002", "MP1003", "MP1005", "MP1005", "MP1005", "MP1005"], problems.Select(p => p.Code).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Catalog_entries_are_unique_and_complete()
    {
        var all = SettingsCatalog.All;

        Assert.Equal(all.Count, all.Select(s => s.Property).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(all.Count(s => s.Parameter is not null), all.Where(s => s.Parameter is not null).Select(s => s.Parameter).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, s =>
        {
            Assert.Matches("^MP1[0-9]{3}$", s.ErrorCode);
            Assert.False(string.IsNullOrWhiteSpace(s.Doc), s.Property);
            Assert.False(string.IsNullOrWhiteSpace(s.Allowed), s.Property);
            Assert.True(s.InSettingsHash || s.NotHashedReason!.Length > 10, s.Property);
        });
        Assert.Same(SettingsCatalog.MaxPasses, SettingsCatalog.Find("micropromptmaxpasses"));
    }
}
