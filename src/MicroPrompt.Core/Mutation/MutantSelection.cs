using System.IO.Hashing;
using System.Text;

namespace MicroPrompt.Mutation;

/// <summary>Deterministic subsets of an item's mutants, for runs that cannot afford all of them.</summary>
public static class MutantSelection
{
    /// <summary>At most <paramref name="max"/> mutants, evenly spread over the list (0 or more than there are: all).</summary>
    public static IReadOnlyList<Mutant> Spread(IReadOnlyList<Mutant> mutants, int max)
    {
        ArgumentNullException.ThrowIfNull(mutants);
        if (max <= 0 || mutants.Count <= max)
        {
            return mutants;
        }

        return Enumerable.Range(0, max).Select(i => mutants[(int)((long)i * mutants.Count / max)]).ToList();
    }

    /// <summary>
    /// The mutants in slice <paramref name="slice"/> of <paramref name="slices"/>, by a stable hash of
    /// <see cref="Mutant.Key"/>: a mutant stays in its slice when other lines of the code change.
    /// </summary>
    public static IReadOnlyList<Mutant> Slice(IReadOnlyList<Mutant> mutants, int slice, int slices)
    {
        ArgumentNullException.ThrowIfNull(mutants);
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, slices);
        return mutants.Where(m => SliceOf(m, slices) == slice).ToList();
    }

    /// <summary>The slice of <paramref name="slices"/> <paramref name="mutant"/> belongs to.</summary>
    public static int SliceOf(Mutant mutant, int slices)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        return (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(mutant.Key)) % (uint)slices);
    }
}
