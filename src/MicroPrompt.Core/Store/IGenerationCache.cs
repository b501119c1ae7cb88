using MicroPrompt.Diagnostics;

namespace MicroPrompt.Store;

/// <summary>A store of generations by key (see <c>GenerationKey</c>): the user cache, later a shared cache.</summary>
public interface IGenerationCache
{
    /// <summary>
    /// Looks a key up. A missing entry is a miss with no problem; a corrupt or mismatching entry is a miss with a warning
    /// in <paramref name="problem"/>. A returned record's code always matches its hash and key.
    /// </summary>
    bool TryGet(string key, out GenerationRecord? record, out MicroPromptDiagnostic? problem);

    /// <summary>Stores a generation under <see cref="GenerationRecord.Key"/>, replacing an older one with the same key.</summary>
    void Put(GenerationRecord record);
}
