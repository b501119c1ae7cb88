using MicroPrompt.Resolution;

namespace MicroPrompt.Tasks;

/// <summary>The targets' bookkeeping files: the list of generated files and the stamp that lets the next build skip the task.</summary>
internal static class TaskBookkeeping
{
    /// <param name="resolution">False for a comparison run or a dependability check: no stamp, so neither the next comparison nor the next normal build is skipped.</param>
    public static void Write(ResolutionTaskInputs inputs, ResolutionResult result, bool resolution, IResolutionLog log)
    {
        if (inputs.ListFile is { Length: > 0 } listFile)
        {
            MicroPrompt.Store.AtomicFile.WriteAllTextIfChanged(listFile, string.Concat(result.GeneratedFiles.Select(f => f + "\n")), durable: false);
        }

        if (inputs.StampFile is { Length: > 0 } stampFile)
        {
            if (resolution && result.Complete && !log.HasLoggedErrors)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(stampFile)!);
                File.WriteAllText(stampFile, DateTime.UtcNow.ToString("O"));
            }
            else if (File.Exists(stampFile))
            {
                File.Delete(stampFile); // the next build must run again
            }
        }
    }
}
