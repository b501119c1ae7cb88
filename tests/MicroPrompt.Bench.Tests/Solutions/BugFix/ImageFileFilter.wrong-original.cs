// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif"];

    /// <summary>Whether the file name has an image extension, in any letter case.</summary>
    public static bool IsImage(string fileName) => Extensions.Any(e => fileName.ToLower().EndsWith(e));
}
