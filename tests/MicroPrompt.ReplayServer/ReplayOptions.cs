namespace MicroPrompt.ReplayServer;

/// <summary>Command-line options of the replay server.</summary>
internal sealed record ReplayOptions(string AnswersDirectory, string? UrlFile, TimeSpan Latency, string ReportedModel)
{
    public static ReplayOptions Parse(string[] args)
    {
        string? answers = null, urlFile = null, model = null;
        var latency = TimeSpan.Zero;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--answers": answers = args[i + 1]; break;
                case "--url-file": urlFile = args[i + 1]; break;
                case "--latency-ms": latency = TimeSpan.FromMilliseconds(int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--model": model = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (answers is null || !Directory.Exists(answers))
        {
            throw new ArgumentException("--answers <folder> is required and must exist");
        }

        return new ReplayOptions(Path.GetFullPath(answers), urlFile, latency, model ?? "handwritten-replay");
    }
}
