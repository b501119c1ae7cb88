namespace MicroPrompt.Verification;

/// <summary>
/// Whether a project compiles against the ASP.NET Core shared framework (a <c>FrameworkReference</c> to
/// Microsoft.AspNetCore.App, its own or a referenced project's), in which case the example harness runs on it too.
/// </summary>
public static class AspNetCoreFramework
{
    public const string Name = "Microsoft.AspNetCore.App";

    private const string ReferencePack = "Microsoft.AspNetCore.App.Ref";

    /// <summary>True when a reference assembly comes from the Microsoft.AspNetCore.App.Ref targeting pack.</summary>
    public static bool IsReferencedBy(IEnumerable<string> referencePaths)
        => referencePaths.Any(p => p is not null && p.Replace('\\', '/').Split('/').Any(segment => segment.Equals(ReferencePack, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The harness's runtime configuration with both shared frameworks, beside <paramref name="hostAssemblyPath"/>.</summary>
    public static string RuntimeConfigFor(string hostAssemblyPath)
        => Path.Combine(Path.GetDirectoryName(hostAssemblyPath) ?? "", Path.GetFileNameWithoutExtension(hostAssemblyPath) + ".aspnetcore.runtimeconfig.json");
}
