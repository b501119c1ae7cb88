using Microsoft.Extensions.AI;

namespace MicroPrompt.Dependability.Probes;

/// <summary>How many probes a <see cref="ProbeComparer"/> runs, and who proposes the spec-specific ones.</summary>
public sealed class ProbeComparerOptions
{
    /// <summary>Probes per item at most (model-proposed first, then the type-derived ones of each member in turn).</summary>
    public int MaxProbes { get; init; } = 40;

    /// <summary>Edge cases the model is asked for (library items).</summary>
    public int MaxProposed { get; init; } = 8;

    /// <summary>A variant that times out this often has its remaining probes not run (a hang costs at most this many time limits).</summary>
    public int MaxTimeoutsPerVariant { get; init; } = 2;

    /// <summary>The model asked for edge cases; null: none are asked for.</summary>
    public IChatClient? ChatClient { get; init; }

    /// <summary>The model id sent with the request (the item's model); null: the client's default.</summary>
    public string? Model { get; init; }

    /// <summary>Receives notes (a failed proposal request); never secrets.</summary>
    public Action<string>? Log { get; init; }
}
