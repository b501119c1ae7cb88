using System.Diagnostics;
using System.Diagnostics.Metrics;
using MicroPrompt.Generation;
using MicroPrompt.Reporting;

namespace MicroPrompt.Telemetry;

/// <summary>
/// The build's spans and metrics, as plain <see cref="System.Diagnostics"/> instrumentation: an
/// <see cref="ActivitySource"/> and a <see cref="Meter"/> named <c>MicroPrompt</c>. Without a listener (no
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>MicroPromptOtlpEndpoint</c>) every call here is a no-op and nothing of
/// OpenTelemetry is loaded; <see cref="TelemetryExport"/> attaches the exporter. See docs/telemetry.md.
/// </summary>
/// <remarks>Spans and metrics carry item paths, model ids, statuses, counts, tokens and dollars: never a prompt's text, code or a secret.</remarks>
public static class MicroPromptTelemetry
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string SourceName = "MicroPrompt";

    /// <summary>The source (and meter) of the model-call spans of Microsoft.Extensions.AI's <c>UseOpenTelemetry</c>.</summary>
    public const string ModelCallSourceName = "Experimental.Microsoft.Extensions.AI";

    /// <summary>Span names.</summary>
    public const string BuildSpan = "microprompt.build";
    public const string ResolveSpan = "microprompt.resolve";
    public const string GenerateSpan = "microprompt.generate";
    public const string VerifySpan = "microprompt.verify";
    public const string JudgeSpan = "microprompt.judge";

    /// <summary>Metric names.</summary>
    public const string TokensMetric = "microprompt.tokens";
    public const string CostMetric = "microprompt.cost";
    public const string ItemsMetric = "microprompt.items";

    private static readonly string? Version = typeof(MicroPromptTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The build's ActivitySource.</summary>
    public static ActivitySource Source { get; } = new(SourceName, Version);

    /// <summary>The build's Meter (created on first use: a build without telemetry never records a metric).</summary>
    public static Meter Meter => Instruments.Meter;

    /// <summary>
    /// The build's root span. It is a root whatever span is current in the host (MSBuild's own, if any), so a build is
    /// always one trace; the caller makes the host's span current again when the build span ends.
    /// </summary>
    public static Activity? StartBuild(string project, int items, string provider, bool locked, bool comparison)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(BuildSpan, ActivityKind.Internal);
        if (activity is null)
        {
            Activity.Current = previous; // nobody listens: leave the host's context as it was
            return null;
        }

        activity.SetTag("microprompt.project", project);
        activity.SetTag("microprompt.items", items);
        activity.SetTag("gen_ai.provider.name", provider);
        activity.SetTag("microprompt.locked", locked);
        activity.SetTag("microprompt.comparison", comparison);
        return activity;
    }

    /// <summary>Tags the build span with the report's totals.</summary>
    public static void Complete(Activity? build, BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (build is null)
        {
            return;
        }

        var totals = report.Totals;
        build.SetTag("microprompt.resolved", totals.Resolved + totals.Cached + totals.Shared);
        build.SetTag("microprompt.generated", totals.Generated);
        build.SetTag("microprompt.failed", totals.Failed);
        build.SetTag("microprompt.refused", totals.Refused);
        build.SetTag("microprompt.model_calls", totals.ModelCalls);
        build.SetTag("gen_ai.usage.input_tokens", totals.InputTokens);
        build.SetTag("gen_ai.usage.output_tokens", totals.OutputTokens);
        if (totals.CostUsd is { } cost)
        {
            build.SetTag("microprompt.cost_usd", (double)cost);
        }

        if (totals.Failed > 0)
        {
            build.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The span of one item's resolution (the stage spans of its generation are its children).</summary>
    public static Activity? StartResolve(string itemPath, string? model)
    {
        var activity = Source.StartActivity(ResolveSpan);
        activity?.SetTag("microprompt.item", itemPath);
        activity?.SetTag("gen_ai.request.model", model);
        return activity;
    }

    /// <summary>A stage span (<see cref="GenerateSpan"/>, <see cref="VerifySpan"/>, <see cref="JudgeSpan"/>) of one item.</summary>
    public static Activity? StartStage(string span, string itemPath, string? model, int? pass = null)
    {
        var activity = Source.StartActivity(span);
        if (activity is not null)
        {
            activity.SetTag("microprompt.item", itemPath);
            activity.SetTag("gen_ai.request.model", model);
            if (pass is { } p)
            {
                activity.SetTag("microprompt.pass", p);
            }
        }

        return activity;
    }

    /// <summary>Tags an item's resolve span with what its generation produced.</summary>
    public static void Complete(Activity? activity, GenerationOutcome? outcome)
    {
        if (activity is null)
        {
            return;
        }

        if (outcome is null)
        {
            activity.SetTag("microprompt.status", "failed");
            activity.SetStatus(ActivityStatusCode.Error);
            return;
        }

        var status = outcome.Status.ToString().ToLowerInvariant();
        activity.SetTag("microprompt.status", status);
        activity.SetTag("microprompt.passes", outcome.Passes);
        activity.SetTag("microprompt.first_correct_pass", outcome.FirstCorrectPass);
        activity.SetTag("microprompt.compiles", outcome.Compiles);
        activity.SetTag("microprompt.examples.passed", outcome.ExamplesPassed);
        activity.SetTag("microprompt.examples.total", outcome.ExamplesTotal);
        activity.SetTag("microprompt.judge.score", outcome.JudgeScore);
        activity.SetTag("gen_ai.usage.input_tokens", outcome.Usage.InputTokens);
        activity.SetTag("gen_ai.usage.output_tokens", outcome.Usage.OutputTokens);
        if (outcome.FailureCode is { } code)
        {
            activity.SetTag("microprompt.failure.code", code);
        }

        if (outcome.Status != GenerationStatus.Succeeded)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome.FailureCode);
        }
    }

    /// <summary>Tags a verify span with its result.</summary>
    public static void Verified(Activity? activity, bool compiles, int examplesPassed, int examplesTotal)
    {
        activity?.SetTag("microprompt.compiles", compiles);
        activity?.SetTag("microprompt.examples.passed", examplesPassed);
        activity?.SetTag("microprompt.examples.total", examplesTotal);
    }

    /// <summary>Records the build's token, cost and item metrics from its report (this build's spend, per model).</summary>
    public static void Record(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var model in report.Models)
        {
            var tag = new KeyValuePair<string, object?>("gen_ai.request.model", model.Model);
            if (model.InputTokens > 0)
            {
                Instruments.Tokens.Add(model.InputTokens, tag, new("gen_ai.token.type", "input"));
            }

            if (model.OutputTokens > 0)
            {
                Instruments.Tokens.Add(model.OutputTokens, tag, new("gen_ai.token.type", "output"));
            }

            if (model.CostUsd is { } dollars && dollars > 0)
            {
                Instruments.Cost.Add((double)dollars, tag);
            }
        }

        foreach (var group in report.Items.GroupBy(i => i.Status, StringComparer.Ordinal))
        {
            Instruments.Items.Add(group.Count(), new KeyValuePair<string, object?>("microprompt.status", group.Key));
        }
    }

    // Its own class so that the meter and its counters (generic over value types: JIT-compiled) are created only when a
    // build records metrics, not by every build that starts a span.
    private static class Instruments
    {
        public static readonly Meter Meter = new(SourceName, Version);
        public static readonly Counter<long> Tokens = Meter.CreateCounter<long>(TokensMetric, "{token}", "Tokens this build's model calls used, per model and token type (input includes prompt-cache tokens).");
        public static readonly Counter<double> Cost = Meter.CreateCounter<double>(CostMetric, "USD", "Dollars this build's model calls cost, per model (models without a price are left out).");
        public static readonly Counter<long> Items = Meter.CreateCounter<long>(ItemsMetric, "{item}", "Items this build resolved, per status.");
    }
}
