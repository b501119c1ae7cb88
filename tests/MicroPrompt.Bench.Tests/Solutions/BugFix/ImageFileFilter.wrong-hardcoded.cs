// WRONG: answers true for every name (the first example's answer).
namespace Bench.BugFix;

public static class ImageFiles
{
    public static bool IsImage(string fileName) => true;
}
