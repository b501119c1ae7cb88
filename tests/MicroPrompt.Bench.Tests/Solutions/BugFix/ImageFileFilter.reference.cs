namespace Bench.BugFix;

public static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif"];

    public static bool IsImage(string fileName) => Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
