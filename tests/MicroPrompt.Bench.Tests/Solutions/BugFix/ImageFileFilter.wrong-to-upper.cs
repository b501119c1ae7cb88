// WRONG: swaps ToLower for ToUpper, which is just as culture-sensitive ("LOGO.GIF" vs ".GİF" under tr-TR).
namespace Bench.BugFix;

public static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif"];

    public static bool IsImage(string fileName) => Extensions.Any(e => fileName.ToUpper().EndsWith(e.ToUpper()));
}
