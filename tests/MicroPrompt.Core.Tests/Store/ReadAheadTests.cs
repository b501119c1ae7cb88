using System.Runtime.InteropServices;
using MicroPrompt.Settings;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>
/// <see cref="ResolvedStateReadAhead"/> hints the lock, the prompts and the store's code files (Linux; nothing
/// elsewhere), never fails on what is missing, and really brings evicted files back into the page cache.
/// </summary>
public class ReadAheadTests
{
    private static (string Store, List<string> Prompts) Project(TempDirectory temp, int count)
    {
        var store = temp.Combine(".microprompt");
        Directory.CreateDirectory(Path.Combine(store, "code", "Text", "Deep"));
        File.WriteAllText(Path.Combine(store, ResolvedStore.LockFileName), "{\"version\":2}\n");
        File.WriteAllText(Path.Combine(store, "code", "notes.txt"), "not code"); // not a .cs file: not hinted
        var prompts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var folder = i % 2 == 0 ? "Text" : Path.Combine("Text", "Deep");
            File.WriteAllText(Path.Combine(store, "code", folder, $"F{i}.cs"), $"public static class F{i} {{ }}\n");
            var prompt = temp.Combine("Prompts", $"F{i}.mprompt");
            Directory.CreateDirectory(Path.GetDirectoryName(prompt)!);
            File.WriteAllText(prompt, $"# F{i}\n");
            prompts.Add(prompt);
        }

        return (store, prompts);
    }

    [Fact]
    public async Task Hints_the_lock_every_prompt_and_every_code_file()
    {
        using var temp = new TempDirectory();
        var (store, prompts) = Project(temp, 5);

        var hinted = await ResolvedStateReadAhead.Start(store, prompts);

        Assert.Equal(OperatingSystem.IsLinux() ? 1 + 5 + 5 : 0, hinted);
    }

    [Fact]
    public async Task Takes_the_paths_from_the_resolution_parameters_relative_to_the_project()
    {
        using var temp = new TempDirectory();
        Project(temp, 3);
        var parameters = new ResolutionParameters
        {
            ProjectDirectory = temp.Path,
            StoreDirectory = ".microprompt",
            Prompts =
            [
                new ParameterItem { ItemSpec = "Prompts/F0.mprompt" },
                new ParameterItem { ItemSpec = "ignored.mprompt", Metadata = { ["FullPath"] = temp.Combine("Prompts", "F1.mprompt") } },
                new ParameterItem { ItemSpec = "Prompts/missing.mprompt" },
            ],
        };

        var hinted = await ResolvedStateReadAhead.Start(parameters);

        Assert.Equal(OperatingSystem.IsLinux() ? 1 + 2 + 3 : 0, hinted);
    }

    [Fact]
    public async Task Missing_store_prompts_and_bad_paths_are_no_error()
    {
        using var temp = new TempDirectory();

        Assert.Equal(0, await ResolvedStateReadAhead.Start(temp.Combine("nothing-here"), [temp.Combine("gone.mprompt"), temp.Path]));
        Assert.Equal(0, await ResolvedStateReadAhead.Start(new ResolutionParameters { ProjectDirectory = "", StoreDirectory = "relative" }));
    }

    [Fact]
    public async Task An_evicted_file_is_back_in_the_page_cache_after_the_hint()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(0, await ResolvedStateReadAhead.Start(Path.GetTempPath(), []));
            return;
        }

        using var temp = new TempDirectory();
        var (store, prompts) = Project(temp, 1);
        var code = Path.Combine(store, "code", "Text", "F0.cs");
        File.WriteAllText(code, new string('x', 64 * 1024)); // 16 pages
        Residency.Evict(code);
        if (Residency.Resident(code) > 0)
        {
            return; // this file system keeps the pages (e.g. tmpfs): nothing to show here
        }

        await ResolvedStateReadAhead.Start(store, prompts);

        var resident = 0;
        for (var attempt = 0; attempt < 100 && resident == 0; attempt++)
        {
            await Task.Delay(20); // WILLNEED starts the reads; they complete asynchronously
            resident = Residency.Resident(code);
        }

        Assert.True(resident > 0, "the hinted file was not read into the page cache");
    }

    /// <summary>Page-cache residency through <c>mincore</c>, and eviction through <c>posix_fadvise(DONTNEED)</c>.</summary>
    private static class Residency
    {
        public static void Evict(string path)
        {
            File.OpenHandle(path, FileMode.Open, FileAccess.Read).Dispose(); // written data must be clean to be dropped
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            fdatasync((int)handle.DangerousGetHandle());
            posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, 4); // POSIX_FADV_DONTNEED
        }

        public static int Resident(string path)
        {
            var length = (nuint)new FileInfo(path).Length;
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            var address = mmap(0, length, 1 /* PROT_READ */, 1 /* MAP_SHARED */, (int)handle.DangerousGetHandle(), 0);
            Assert.NotEqual(-1, address);
            try
            {
                var vector = new byte[(int)((length + (nuint)Environment.SystemPageSize - 1) / (nuint)Environment.SystemPageSize)];
                Assert.Equal(0, mincore(address, length, vector));
                return vector.Count(b => (b & 1) != 0);
            }
            finally
            {
                munmap(address, length);
            }
        }

        [DllImport("libc")]
        private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

        [DllImport("libc")]
        private static extern int munmap(nint address, nuint length);

        [DllImport("libc")]
        private static extern int posix_fadvise(int fd, long offset, long length, int advice);

        [DllImport("libc")]
        private static extern int fdatasync(int fd);

        [DllImport("libc")]
        private static extern int mincore(nint address, nuint length, byte[] vector);
    }
}
