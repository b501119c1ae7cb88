using System.Diagnostics;

namespace MicroPrompt.Verification.Jail;

/// <summary>
/// Starts the jailed harness from a thread of its own that lives as long as the process. <c>bwrap --die-with-parent</c>
/// uses the parent-death signal, which Linux sends when the <em>thread</em> that forked exits, not the process: started
/// from a thread-pool thread, the jail would be killed whenever the pool retires that thread.
/// </summary>
internal static class JailLauncher
{
    public static Process Start(ProcessStartInfo start, JailSpec spec, IEnumerable<string> command)
    {
        var (fileName, arguments) = BubblewrapCommand.Build(spec, command);
        start.FileName = fileName;
        start.ArgumentList.Clear();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            }
            catch (Exception ex)
            {
                started.SetException(ex);
                return;
            }

            started.SetResult(process);
            try
            {
                process.WaitForExit();
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // disposed by the harness after it exited or was killed
            }
        })
        {
            IsBackground = true,
            Name = "MicroPrompt jail launcher",
        };
        thread.Start();
        return started.Task.GetAwaiter().GetResult();
    }
}
