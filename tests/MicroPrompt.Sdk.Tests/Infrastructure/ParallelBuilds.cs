using MicroPrompt.Sdk.Tests.Infrastructure;

// Every end-to-end class is its own test collection and two of them run at once: a test spends most of its time
// waiting for a child `dotnet build` (MSBuild's evaluation and restore are single-threaded, and the compiler server
// keeps csc warm, DotNet.CompilerServer), so two builds keep the two cores busy where one left one idle. Measured in
// tests/run.sh (the in-process suites run beside these): one at a time 17.8 min, two 11.7, three 13.5 (the machine is
// CPU-bound by then). xunit's default (conservative) algorithm starts a collection only when a slot is free, whatever
// the tests await. Classes start longest first (LongestFirstOrderer), so no long class starts last.
[assembly: CollectionBehavior(MaxParallelThreads = ParallelBuilds.Slots)]

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>How many end-to-end classes run side by side (see the assembly attribute above).</summary>
public static class ParallelBuilds
{
    public const int Slots = 2;
}
