// WRONG: returns the first example's summary whatever the directory holds.
namespace Bench.FileData;

public static class DirectorySummary
{
    public static string Summarize(string directory) => ".png: 1 file, 13 bytes\n.txt: 2 files, 11 bytes\n(none): 1 file, 1 bytes";
}
