using System.Net;
using System.Net.Sockets;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Verification;
using MicroPrompt.Verification.Jail;
using static MicroPrompt.Core.Tests.Verification.ExampleHostPaths;

namespace MicroPrompt.Core.Tests.Verification;

/// <summary>
/// Generated code that tries to escape the jail (Linux; CI installs bubblewrap): each attempt fails its own example with a
/// clear message, the others still run, and nothing is left running afterwards.
/// </summary>
public sealed class JailEscapeTests : IDisposable
{
    private const string Escapes = """
        using System.Diagnostics;
        using System.Net;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        namespace Acme.Text;

        public static class Escapes
        {
            public static string Read(string path) => File.ReadAllText(path);

            public static bool Write(string path) { File.WriteAllText(path, "escaped"); return true; }

            public static bool Connect(int port) { using var client = new TcpClient(); client.Connect(IPAddress.Loopback, port); return true; }

            public static string Loopback()
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
                using var server = listener.AcceptTcpClient();
                server.GetStream().Write("pong"u8);
                var buffer = new byte[4];
                client.GetStream().ReadExactly(buffer);
                return System.Text.Encoding.ASCII.GetString(buffer);
            }

            public static bool Child() { using var child = Process.Start("/bin/sh", "-c true")!; child.WaitForExit(); return true; }

            public static bool ForkBomb()
            {
                while (true)
                {
                    Process.Start(Environment.ProcessPath!, "--version");
                }
            }

            public static int Hoard()
            {
                var hoard = new List<byte[]>();
                while (true) { hoard.Add(new byte[64 * 1024 * 1024]); hoard[^1][0] = 1; }
            }

            public static bool Native() { var block = Marshal.AllocHGlobal(new IntPtr(16L * 1024 * 1024 * 1024)); Marshal.FreeHGlobal(block); return true; }

            public static bool Sleep() { Thread.Sleep(60_000); return true; }

            public static bool Burn() { while (true) { } }

            [DllImport("libc", SetLastError = true)]
            private static extern int unshare(int flags);

            public static bool NewUserNamespace()
            {
                if (unshare(0x10000000) != 0) // CLONE_NEWUSER: every capability inside a nested namespace
                {
                    throw new UnauthorizedAccessException($"unshare failed with errno {Marshal.GetLastPInvokeError()}");
                }

                return true;
            }
        }
        """;

    private readonly TestProject _project = new();
    private readonly string _home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Each_escape_fails_its_own_example_and_the_others_still_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the jail exists on Linux only; elsewhere examples run with process isolation
        }

        var secret = Path.Combine(_home, $".mp-jail-secret-{_tag}");
        var outside = Path.Combine(_home, $".mp-jail-written-{_tag}");
        var repository = Path.Combine(_project.Directory, $"written-{_tag}.txt");
        File.WriteAllText(secret, "hunter2");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string work;
        ExampleRunReport report;
        try
        {
            using (var runner = new ExampleRunner(Jailed(timeoutSeconds: 4)))
            {
                work = runner.WorkDirectory;
                report = await runner.RunAsync(Request(_project, Escapes,
                [
                    Expr("Escapes.Loopback() == \"pong\"", 10),
                    Expr($"Escapes.Read(\"{secret}\") == \"hunter2\"", 11),
                    Expr($"Escapes.Write(\"{outside}\")", 12),
                    Expr($"Escapes.Write(\"{repository}\")", 13),
                    Expr($"Escapes.Connect({port})", 14),
                    Expr("Escapes.Child()", 15),
                    Expr("Escapes.ForkBomb()", 16),
                    Expr("Escapes.Hoard() == 0", 17),
                    Expr("Escapes.Native()", 18),
                    Expr("Escapes.Sleep()", 19),
                    Expr("Escapes.Write(\"written-in-the-work-folder.txt\") && File.ReadAllText(\"written-in-the-work-folder.txt\") == \"escaped\"", 20),
                ]), CancellationToken.None);

                Assert.True(report.Sandbox == SandboxKind.Jail, string.Join("\n", report.Results.Select(r => r.Message)));
                Assert.Equal(2, runner.HarnessStarts); // only the sleep past the time limit restarted the harness
                Assert.NotEmpty(JailProcesses.Using(work)); // the check below can see a live harness
            }

            string Message(int i) => report.Results[i].Message ?? "";
            Assert.Equal([true, false, false, false, false, false, false, false, false, false, true], report.Results.Select(r => r.Passed));
            Assert.Matches("threw System.IO.(File|Directory)NotFoundException: Could not find", Message(1)); // the home folder is not there
            Assert.Contains("DirectoryNotFoundException", Message(2));
            Assert.Contains("DirectoryNotFoundException", Message(3));
            Assert.Contains("SocketException", Message(4));
            Assert.Contains("Connection refused", Message(4));
            Assert.Contains("Win32Exception", Message(5));
            Assert.Contains("/bin/sh", Message(5));
            Assert.Contains("Operation not permitted", Message(5));
            Assert.Contains("Operation not permitted", Message(6));
            Assert.Contains("OutOfMemoryException", Message(7));
            Assert.Contains("OutOfMemoryException", Message(8));
            Assert.Contains("did not finish within 4 s", Message(9));
            Assert.False(listener.Pending(), "the host's 127.0.0.1 listener was reached from the jail");
            Assert.False(File.Exists(outside));
            Assert.False(File.Exists(repository));
            Assert.Empty(JailProcesses.Using(work));
        }
        finally
        {
            File.Delete(secret);
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task The_CPU_time_limit_ends_the_harness_and_the_next_example_runs_in_a_new_one()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var options = Jailed(timeoutSeconds: 30, new JailLimits(CpuSeconds: 2, AddressSpaceBytes: 4L << 30, OpenFiles: 1024, Tasks: 1024));
        using var runner = new ExampleRunner(options);
        var report = await runner.RunAsync(Request(_project, Escapes, [Expr("Escapes.Burn()"), Expr("1 + 1 == 2")]), CancellationToken.None);

        Assert.Equal([false, true], report.Results.Select(r => r.Passed));
        Assert.Contains("CPU time limit (2 s", report.Results[0].Message);
        Assert.Equal(2, runner.HarnessStarts);
    }

    [Fact]
    public async Task The_hosts_TLS_private_keys_and_nested_namespaces_are_out_of_reach()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var runner = new ExampleRunner(Jailed(timeoutSeconds: 10));
        var key = Directory.Exists("/etc/ssl/private") ? Directory.EnumerateFiles("/etc/ssl/private").FirstOrDefault() : null;
        var report = await runner.RunAsync(Request(_project, Escapes,
        [
            Expr("Escapes.NewUserNamespace()"),
            Expr("File.Exists(\"/etc/ssl/openssl.cnf\") || Directory.Exists(\"/etc/ssl/certs\")"), // TLS configuration is there
            Expr(key is null ? "true" : $"Escapes.Read(\"{key}\").Length > 0"),
        ]), CancellationToken.None);

        Assert.False(report.Results[0].Passed);
        Assert.Contains("unshare failed with errno 1", report.Results[0].Message); // EPERM from the seccomp program
        Assert.True(report.Results[1].Passed, report.Results[1].Message);
        if (key is not null)
        {
            Assert.False(report.Results[2].Passed);
            Assert.Contains("FileNotFoundException", report.Results[2].Message);
        }
    }

    [Fact]
    public async Task The_jail_outlives_the_thread_that_started_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // bwrap --die-with-parent follows the thread that forked: the harness must not die when that thread ends.
        using var runner = new ExampleRunner(Jailed(timeoutSeconds: 10));
        Exception? failed = null; // rethrown here: an exception left on a thread of its own would end the test host
        var starter = new Thread(() =>
        {
            try
            {
                runner.RunAsync(Request(_project, Escapes, [Expr("1 + 1 == 2")]), CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failed = e;
            }
        });
        starter.Start();
        starter.Join();
        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }

        await Task.Delay(1500);

        var report = await runner.RunAsync(Request(_project, Escapes, [Expr("2 + 2 == 4")]), CancellationToken.None);

        Assert.True(report.AllPassed, report.Results[0].Message);
        Assert.Equal(1, runner.HarnessStarts);
    }

    [Fact]
    public async Task Required_jail_without_bubblewrap_is_error_MP2051_and_auto_warns_once_and_still_grades()
    {
        var missing = Path.Combine(_project.Directory, "no-such-bwrap");
        using (var runner = new ExampleRunner(WithSandbox(SandboxMode.Jail, missing)))
        {
            var error = await Assert.ThrowsAsync<MicroPrompt.Diagnostics.MicroPromptException>(
                () => runner.RunAsync(Request(_project, Escapes, [Expr("1 + 1 == 2")]), CancellationToken.None));
            Assert.Equal("MP2051", error.Diagnostic.Code);
            Assert.Contains("apt-get install bubblewrap", error.Diagnostic.Message);
        }

        var warnings = new List<MicroPrompt.Diagnostics.MicroPromptDiagnostic>();
        var auto = WithSandbox(SandboxMode.Auto, missing, warnings.Add);
        using (var runner = new ExampleRunner(auto))
        {
            var first = await runner.RunAsync(Request(_project, Escapes, [Expr("1 + 1 == 2")]), CancellationToken.None);
            var second = await runner.RunAsync(Request(_project, Escapes, [Expr("Escapes.Sleep()"), Expr("2 + 2 == 4")]), CancellationToken.None);
            Assert.True(first.AllPassed);
            Assert.Equal(SandboxKind.Process, first.Sandbox);
            Assert.Equal([false, true], second.Results.Select(r => r.Passed)); // a restart does not warn again
        }

        using (var other = new ExampleRunner(auto)) // e.g. the comparison run of the same build: same options, no second warning
        {
            Assert.True((await other.RunAsync(Request(_project, Escapes, [Expr("1 + 1 == 2")]), CancellationToken.None)).AllPassed);
        }

        var warning = Assert.Single(warnings);
        Assert.Equal("MP2050", warning.Code);
        Assert.Contains("not in a jail", warning.Message);
        Assert.Contains("apt-get install bubblewrap", warning.Message);

        ExampleRunnerOptions WithSandbox(SandboxMode mode, string bwrap, Action<MicroPrompt.Diagnostics.MicroPromptDiagnostic>? warn = null) => new()
        {
            HostAssemblyPath = Host,
            Timeout = TimeSpan.FromSeconds(3),
            Sandbox = mode,
            BubblewrapPath = bwrap,
            OnDiagnostic = warn,
        };
    }

    private static ExampleRunnerOptions Jailed(double timeoutSeconds, JailLimits? limits = null) => new()
    {
        HostAssemblyPath = Host,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        Sandbox = SandboxMode.Jail, // CI installs bubblewrap: a machine without it fails here with MP2051, not silently
        JailLimits = limits,
    };
}
