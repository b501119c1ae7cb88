using MicroPrompt.Store;

namespace MicroPrompt.SharedCache;

/// <summary>
/// What the shared cache said about a key: a verified <see cref="Record"/>, or a miss, with the generation
/// <see cref="Lease"/> when this builder is the one to generate (dispose it after publishing).
/// </summary>
public sealed class SharedLookup
{
    internal static readonly SharedLookup Miss = new(null, null);

    internal SharedLookup(GenerationRecord? record, IAsyncDisposable? lease)
    {
        Record = record;
        Lease = lease;
    }

    public GenerationRecord? Record { get; }

    public IAsyncDisposable? Lease { get; }
}
