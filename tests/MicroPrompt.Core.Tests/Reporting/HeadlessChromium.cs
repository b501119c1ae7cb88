using System.Diagnostics;

namespace MicroPrompt.Core.Tests.Reporting;

/// <summary>Debian's headless <c>chromium</c> (installed by .ci/run): loads a page and returns the DOM it built.</summary>
internal static class HeadlessChromium
{
    public static string DumpDom(string htmlFile)
    {
        var executable = new[] { "chromium", "chromium-browser", "google-chrome" }
            .Select(Find).FirstOrDefault(p => p is not null)
            ?? throw new Xunit.Sdk.XunitException(
                "Headless Chromium is required for the HTML report test but none was found on PATH. Install it with 'apt-get install -y chromium' (.ci/run does this on CI).");

        var profile = Path.Combine(Path.GetTempPath(), "mp-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + profile, "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("Headless Chromium did not finish within 90 s.");
            }

            var dom = stdout.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || dom.Length == 0)
            {
                throw new Xunit.Sdk.XunitException($"Headless Chromium failed (exit {process.ExitCode}): {stderr.GetAwaiter().GetResult()}");
            }

            return dom;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
