namespace MicroPrompt.Bench.Tests.Infrastructure;

/// <summary>Which wrong solutions a task must have, from its tags (see BENCH-SHARED / samples/Bench/README).</summary>
internal static class RequiredSlugs
{
    public const string Hardcoded = "wrong-hardcoded";
    public const string Original = "wrong-original";
    public const string ContentsForPath = "wrong-contents-for-path";
    public const string NoServerCheck = "wrong-no-server-check";
    public const string MissingImport = "wrong-missing-import";

    /// <summary>Slugs that must exist, one each.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> tags)
    {
        var slugs = new List<string> { Hardcoded };
        if (tags.Contains("bug-fix"))
        {
            slugs.Add(Original);
        }

        if (tags.Contains("mtls") && tags.Contains("pem"))
        {
            slugs.Add(ContentsForPath);
            slugs.Add(NoServerCheck);
        }

        if (tags.Contains("mtls") && tags.Contains("pkcs12"))
        {
            slugs.Add(MissingImport);
            slugs.Add(NoServerCheck);
        }

        return slugs;
    }

    /// <summary>API tasks also need a wrong solution about credentials: any wrong slug besides the hard-coded one.</summary>
    public static bool NeedsCredentialsSlug(IReadOnlyList<string> tags) => tags.Contains("api");
}
