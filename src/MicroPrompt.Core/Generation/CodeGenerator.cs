using MicroPrompt.Compilation;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using MicroPrompt.Telemetry;
using MicroPrompt.Verification;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Generation;

/// <summary>
/// Generates one item with a chat model and verifies it: a generation pass, then repair passes until the code is
/// correct or <see cref="GenerationRequest.MaxPasses"/> calls were made. Correct means it compiles
/// (<see cref="ICompileChecker"/>) and passes every runnable example (<see cref="IExampleRunner"/>, when one is given).
/// Under <see cref="RepairMode.Exec"/> the model sees the compiler errors and the failing examples (expression, values,
/// exception and first frames); under <see cref="RepairMode.Review"/> it is only asked to re-read its code against the
/// spec and examples, without any compiler or execution output (the checks still decide success);
/// <see cref="RepairMode.None"/> makes one call. After the code is correct, the prompt's <c>review: N</c> adds N
/// self-review calls; a reviewed version replaces the code only when it is still correct, and the first review that
/// is not ends the reviews (the last correct code is kept).
/// A refusal (content filter, refusal part or refusal wording without code) ends generation at once.
/// Provider exceptions and <see cref="OperationCanceledException"/> propagate to the caller unchanged.
/// </summary>
public sealed class CodeGenerator : IItemGenerator
{
    private readonly Func<string, IChatClient> _clientForModel;
    private readonly ICompileChecker _checker;
    private readonly Func<string, string>? _publicApi;
    private readonly string? _providerName;
    private readonly IExampleRunner? _examples;

    /// <param name="clientForModel">The chat client for a model id. The generator does not dispose it.</param>
    /// <param name="checker">Compiles the generated code against the project.</param>
    /// <param name="publicApi">Shows a used item's code to the model as its public API; null shows the whole code.</param>
    /// <param name="providerName">The provider's name, used in failure messages only.</param>
    /// <param name="examples">Runs the examples of code that compiles; null: compiling is the correctness bar. Not disposed here.</param>
    public CodeGenerator(
        Func<string, IChatClient> clientForModel,
        ICompileChecker checker,
        Func<string, string>? publicApi = null,
        string? providerName = null,
        IExampleRunner? examples = null)
    {
        _examples = examples;
        _clientForModel = clientForModel ?? throw new ArgumentNullException(nameof(clientForModel));
        _checker = checker ?? throw new ArgumentNullException(nameof(checker));
        _publicApi = publicApi;
        _providerName = providerName;
    }

    /// <inheritdoc />
    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var client = _clientForModel(request.Model);
        var messages = new List<ChatMessage>(PromptComposer.Compose(request, _publicApi));
        var maxPasses = request.Repair == RepairMode.None ? 1 : Math.Max(1, request.MaxPasses);
        var freshFallback = false;
        var fileName = GeneratedFileName(request.ItemPath);
        var usage = UsageTotals.Zero;
        var records = new List<PassRecord>();
        string? reportedModel = null;
        IReadOnlyList<string> lastErrors = [];
        var lastHadCode = false;
        var lastCompiled = false;
        ExampleRunReport? lastReport = null;
        ItemVerdict? lastVerdict = null;
        IReadOnlyList<string> assumptions = request.Previous is { Edit: true } edited ? edited.Assumptions : []; // an edit keeps them unless restated

        for (var pass = 1; pass <= maxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pass == maxPasses && pass > 1 && request.Previous is { Edit: true })
            {
                // Every edit pass failed: the last pass starts over from scratch (the checks still guard the callers and the API).
                messages = [.. PromptComposer.Compose(request with { Previous = request.Previous with { Edit = false } }, _publicApi)];
                freshFallback = true;
            }

            var options = new ChatOptions { ModelId = request.Model, Temperature = (float)request.Temperature };
            var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            usage = usage.Add(new UsageTotals(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0));
            reportedModel = response.ModelId ?? reportedModel;
            var reply = response.Text ?? "";
            var extraction = CodeExtractor.Extract(reply);
            assumptions = Assumptions(reply, assumptions);

            var refusal = GenerationFailures.Refusal(response, reply, extraction);
            if (refusal is not null)
            {
                records.Add(new PassRecord(pass, HadCode: false, Compiled: false, ErrorCount: 0));
                var model = reportedModel ?? request.Model;
                return new GenerationOutcome
                {
                    Status = GenerationStatus.Refused,
                    Passes = pass,
                    Usage = usage,
                    ReportedModel = reportedModel,
                    FailureCode = DiagnosticCodes.Refused,
                    FailureMessage = GenerationMessages.Refused(model, _providerName, request.ItemPath, refusal),
                    LastErrors = [refusal],
                    PassRecords = records,
                };
            }

            ChatMessage repair;
            if (extraction.Code is null)
            {
                lastHadCode = false;
                lastCompiled = false;
                lastErrors = [extraction.Problem ?? "The reply contains no code block."];
                records.Add(new PassRecord(pass, HadCode: false, Compiled: false, ErrorCount: 1));
                repair = PromptComposer.NoCodeMessage(extraction.Problem);
            }
            else
            {
                var verdict = Verify(request, extraction.Code, fileName);
                if (verdict.Problems.Count == 0)
                {
                    var report = await RunExamplesAsync(request, extraction.Code, cancellationToken).ConfigureAwait(false);
                    records.Add(new PassRecord(pass, HadCode: true, Compiled: true, ErrorCount: 0, report.Passed, report.Total));
                    if (report.AllPassed)
                    {
                        var correct = new Correct(extraction.Code, reply, pass, report, verdict.Compile.Capabilities, verdict.ApiChanges, freshFallback, assumptions);
                        return await ReviewAsync(request, client, messages, correct, pass, usage, records, reportedModel, fileName, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    lastHadCode = true;
                    lastCompiled = true;
                    lastReport = report;
                    lastVerdict = verdict;
                    lastErrors = GenerationFailures.FormatFailures(report, request.Prompt.FilePath);
                }
                else
                {
                    lastHadCode = true;
                    lastCompiled = verdict.Compile.Errors.Count == 0;
                    lastReport = null;
                    lastVerdict = verdict;
                    lastErrors = verdict.Problems;
                    records.Add(new PassRecord(pass, HadCode: true, Compiled: lastCompiled, ErrorCount: lastErrors.Count));
                }

                repair = PromptComposer.RepairMessage(lastErrors, request.Repair);
            }

            if (pass < maxPasses)
            {
                messages.Add(new ChatMessage(ChatRole.Assistant, GenerationFailures.Echo(reply)));
                messages.Add(repair);
            }
        }

        if (lastCompiled && lastReport is not null)
        {
            var firstFailure = lastReport.Failures.First().Example.Span;
            return new GenerationOutcome
            {
                Status = GenerationStatus.Failed,
                Passes = maxPasses,
                Usage = usage,
                ReportedModel = reportedModel,
                FailureCode = DiagnosticCodes.ExamplesFailed,
                FailureMessage = GenerationFailures.ExamplesFailureMessage(request, _providerName, maxPasses, lastReport),
                FailureSpan = firstFailure,
                LastErrors = lastErrors,
                PassRecords = records,
                Compiles = true,
                ExamplesPassed = lastReport.Passed,
                ExamplesTotal = lastReport.Total,
                ExampleResults = lastReport.Results,
                Sandbox = lastReport.Sandbox,
            };
        }

        return new GenerationOutcome
        {
            Status = GenerationStatus.Failed,
            Passes = maxPasses,
            Usage = usage,
            ReportedModel = reportedModel,
            FailureCode = lastVerdict?.FailureCode ?? (lastHadCode ? DiagnosticCodes.GenerationFailed : DiagnosticCodes.NoCodeInReply),
            FailureMessage = lastVerdict?.FailureMessage(request, maxPasses, _providerName) ?? GenerationFailures.FailureMessage(request, _providerName, maxPasses, lastHadCode, lastErrors),
            LastErrors = lastErrors,
            PassRecords = records,
            Compiles = lastCompiled,
            BrokenCallers = lastVerdict?.BrokenCallers ?? [],
            ApiChanges = lastVerdict?.ApiChanges ?? [],
        };
    }

    /// <summary>
    /// The prompt's <c>review: N</c> passes after the code is correct: each asks the model to re-read its code (no
    /// execution output); a reviewed version is kept only when it still compiles and passes every example.
    /// </summary>
    private async Task<GenerationOutcome> ReviewAsync(
        GenerationRequest request,
        IChatClient client,
        List<ChatMessage> messages,
        Correct correct,
        int pass,
        UsageTotals usage,
        List<PassRecord> records,
        string? reportedModel,
        string fileName,
        CancellationToken cancellationToken)
    {
        var firstCorrectPass = correct.Pass;
        for (var review = 1; review <= Math.Max(0, request.Prompt.Review); review++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pass++;
            messages.Add(new ChatMessage(ChatRole.Assistant, GenerationFailures.Echo(correct.Reply)));
            messages.Add(PromptComposer.RepairMessage([], RepairMode.Review));
            var options = new ChatOptions { ModelId = request.Model, Temperature = (float)request.Temperature };
            var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            usage = usage.Add(new UsageTotals(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0));
            reportedModel = response.ModelId ?? reportedModel;
            var reply = response.Text ?? "";
            var extraction = CodeExtractor.Extract(reply);
            if (extraction.Code is null || GenerationFailures.Refusal(response, reply, extraction) is not null)
            {
                records.Add(new PassRecord(pass, HadCode: false, Compiled: false, ErrorCount: 1, IsReview: true));
                break;
            }

            var verdict = Verify(request, extraction.Code, fileName);
            if (verdict.Problems.Count > 0)
            {
                records.Add(new PassRecord(pass, HadCode: true, Compiled: verdict.Compile.Errors.Count == 0, ErrorCount: verdict.Problems.Count, IsReview: true));
                break;
            }

            var report = await RunExamplesAsync(request, extraction.Code, cancellationToken).ConfigureAwait(false);
            records.Add(new PassRecord(pass, HadCode: true, Compiled: true, ErrorCount: 0, report.Passed, report.Total, IsReview: true));
            if (!report.AllPassed)
            {
                break;
            }

            correct = new Correct(extraction.Code, reply, pass, report, verdict.Compile.Capabilities, verdict.ApiChanges, correct.FreshFallback, Assumptions(reply, correct.Assumptions));
        }

        return new GenerationOutcome
        {
            Status = GenerationStatus.Succeeded,
            Code = correct.Code,
            Passes = pass,
            Usage = usage,
            ReportedModel = reportedModel,
            PassRecords = records,
            Compiles = true,
            ExamplesPassed = correct.Report.Passed,
            ExamplesTotal = correct.Report.Total,
            ExampleResults = correct.Report.Results,
            Sandbox = correct.Report.Sandbox,
            FirstCorrectPass = firstCorrectPass,
            Capabilities = correct.Capabilities,
            ApiChanges = correct.ApiChanges,
            Edited = request.Previous is { Edit: true } && !correct.FreshFallback,
            Assumptions = correct.Assumptions,
        };
    }

    /// <summary>Every check before the examples: compile (with callers), library shape, public API compatibility.</summary>
    private ItemVerdict Verify(GenerationRequest request, string code, string fileName)
    {
        using var activity = MicroPromptTelemetry.StartStage(MicroPromptTelemetry.VerifySpan, request.ItemPath, request.Model);
        activity?.SetTag("microprompt.verify.step", "compile");
        var verdict = ItemVerdict.Of(request, code, fileName, _checker.Check(new CompileCheckRequest
        {
            Code = code,
            FileName = fileName,
            Kind = request.Prompt.Kind,
            Project = request.Project,
            CompanionSources = request.CompanionSources,
            CompanionNames = request.CompanionNames,
            CallerBaseline = request.CallerBaseline,
        }));
        activity?.SetTag("microprompt.compiles", verdict.Compile.Success);
        return verdict;
    }

    /// <inheritdoc />
    public async Task<GenerationOutcome?> VerifyAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verdict = Verify(request, code, GeneratedFileName(request.ItemPath));
        if (verdict.Problems.Count > 0)
        {
            return new GenerationOutcome
            {
                Status = GenerationStatus.Failed, FailureCode = verdict.FailureCode ?? DiagnosticCodes.GenerationFailed,
                FailureMessage = verdict.FailureMessage(request, 0, _providerName), LastErrors = verdict.Problems,
                Compiles = verdict.Compile.Errors.Count == 0, BrokenCallers = verdict.BrokenCallers, ApiChanges = verdict.ApiChanges,
            };
        }

        var report = await RunExamplesAsync(request, code, cancellationToken).ConfigureAwait(false);
        return new GenerationOutcome
        {
            Status = report.AllPassed ? GenerationStatus.Succeeded : GenerationStatus.Failed,
            Code = report.AllPassed ? code : null,
            Compiles = true, ExamplesPassed = report.Passed, ExamplesTotal = report.Total, ExampleResults = report.Results, Sandbox = report.Sandbox,
            FirstCorrectPass = report.AllPassed ? 0 : null, Capabilities = verdict.Compile.Capabilities, ApiChanges = verdict.ApiChanges,
            FailureCode = report.AllPassed ? null : DiagnosticCodes.ExamplesFailed,
            LastErrors = report.AllPassed ? [] : GenerationFailures.FormatFailures(report, request.Prompt.FilePath),
        };
    }

    private async Task<ExampleRunReport> RunExamplesAsync(GenerationRequest request, string code, CancellationToken cancellationToken)
    {
        if (_examples is null || !request.Prompt.Examples.Any(e => ExampleRunner.IsRunnable(e, request.Prompt.Kind)))
        {
            return ExampleRunReport.Empty;
        }

        using var activity = MicroPromptTelemetry.StartStage(MicroPromptTelemetry.VerifySpan, request.ItemPath, request.Model);
        activity?.SetTag("microprompt.verify.step", "examples");
        var report = await _examples.RunAsync(new ExampleRunRequest
        {
            ItemPath = request.ItemPath,
            PromptFile = request.Prompt.FilePath,
            Code = code,
            Kind = request.Prompt.Kind,
            Namespace = request.Namespace,
            Project = request.Project,
            CompanionSources = request.CompanionSources,
            UsedNamespaces = request.Uses.Select(u => u.Namespace).Distinct(StringComparer.Ordinal).ToList(),
            Examples = request.Prompt.Examples,
        }, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("microprompt.examples.passed", report.Passed);
        activity?.SetTag("microprompt.examples.total", report.Total);
        return report;
    }

    private sealed record Correct(
        string Code,
        string Reply,
        int Pass,
        ExampleRunReport Report,
        IReadOnlyList<MicroPrompt.Capabilities.CapabilityUse> Capabilities,
        IReadOnlyList<Api.ApiChange> ApiChanges,
        bool FreshFallback,
        IReadOnlyList<string> Assumptions);

    /// <summary>
    /// The assumptions after <paramref name="reply"/>: its own when it gave an assumptions block ("none" included), else
    /// the <paramref name="earlier"/> ones (a repair that only resent the code keeps what the conversation established).
    /// </summary>
    private static IReadOnlyList<string> Assumptions(string reply, IReadOnlyList<string> earlier) =>
        AssumptionExtractor.Extract(reply) is { Given: true } said ? said.Items : earlier;

    /// <summary>Nothing to release: chat clients belong to whoever supplied them.</summary>
    public void Dispose()
    {
    }

    /// <summary>The file name generated code is checked under: <c>Prompts/Slug.mprompt</c> → <c>Slug.g.cs</c>.</summary>
    internal static string GeneratedFileName(string itemPath)
    {
        var name = itemPath.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return (dot > 0 ? name[..dot] : name) + ".g.cs";
    }
}
