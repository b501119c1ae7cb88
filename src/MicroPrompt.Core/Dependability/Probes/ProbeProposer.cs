using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using Microsoft.Extensions.AI;

namespace MicroPrompt.Dependability.Probes;

/// <summary>
/// Asks a chat model for edge-case calls of a library item's contract that its spec leaves open (one call, temperature
/// 0, no expected values wanted), parsed by <see cref="ProbeReplyParser"/>. Without a client there are none; a failed
/// call gives none and is reported through <paramref name="log"/>, never failing the check.
/// </summary>
internal sealed class ProbeProposer(IChatClient? client, string? model, Action<string>? log)
{
    public async Task<IReadOnlyList<string>> ProposeAsync(PromptDocument prompt, IReadOnlySet<string> typeNames, int max, CancellationToken cancellationToken)
    {
        if (client is null || max <= 0 || string.IsNullOrWhiteSpace(prompt.Contract) || typeNames.Count == 0)
        {
            return [];
        }

        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(ProbeMessages.Proposal(prompt, max), new ChatOptions { ModelId = model, Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log?.Invoke(ProbeMessages.ProposalFailed(ex));
            return [];
        }

        return ProbeReplyParser.Parse(response.Text, typeNames, max);
    }

    /// <summary>Program runs (arguments and stdin) the model proposes; none without a client or when the call fails.</summary>
    public async Task<IReadOnlyList<ProgramInput>> ProposeRunsAsync(PromptDocument prompt, int max, CancellationToken cancellationToken)
    {
        if (client is null || max <= 0)
        {
            return [];
        }

        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(ProbeMessages.ProgramProposal(prompt, max), new ChatOptions { ModelId = model, Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log?.Invoke(ProbeMessages.ProposalFailed(ex));
            return [];
        }

        return ProbeReplyParser.ParseRuns(response.Text, max);
    }
}
