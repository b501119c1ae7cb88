using System.Collections.Concurrent;
using MicroPrompt.Core.Tests.Compilation;
using MicroPrompt.Core.Tests.Store;
using MicroPrompt.Diagnostics;
using MicroPrompt.Generation;
using MicroPrompt.Models;
using MicroPrompt.Resolution;
using MicroPrompt.SharedCache;
using MicroPrompt.Testing;

namespace MicroPrompt.Core.Tests.SharedCache;

/// <summary>
/// A project of small library prompts built by independent "builders": each a <see cref="PromptResolver"/> with its
/// own project copy, resolved state, user cache and output, sharing one Redis and one scripted model server.
/// </summary>
internal sealed class SharedBuild : IDisposable
{
    public const string KeyVariable = "MP_SHARED_TEST_MODEL_KEY";
    public const string SigningVariable = "MP_SHARED_TEST_SIGNING_KEY";
    public const string OtherSigningVariable = "MP_SHARED_TEST_OTHER_SIGNING_KEY";

    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);

    static SharedBuild()
    {
        Environment.SetEnvironmentVariable(KeyVariable, "sk-shared-test");
        Environment.SetEnvironmentVariable(SigningVariable, "signing-key-of-the-trusted-ci-0123456789");
        Environment.SetEnvironmentVariable(OtherSigningVariable, "another-signing-key-someone-else-98765");
    }

    public SharedBuild(ScriptedModelServer server, string configuration, int prompts, string prefix = "Adder")
    {
        Server = server;
        Configuration = configuration;
        Titles = Enumerable.Range(1, prompts).Select(i => $"{prefix}{i}").ToList();
        server.Responder = Respond;
    }

    public ScriptedModelServer Server { get; }

    public string Configuration { get; }

    public IReadOnlyList<string> Titles { get; }

    public TempDirectory Root { get; } = new();

    /// <summary>How long the model takes to answer.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Chat requests per prompt title.</summary>
    public int RequestsFor(string title)
        => Server.ChatRequests.Count(r => r.Messages.Any(m => m.Role == "user" && m.Content.Contains("# " + title + "\n", StringComparison.Ordinal)));

    /// <summary>The code the model returns for a title (its n-th answer differs, so double generations are visible).</summary>
    public static string CodeFor(string title, int answer = 1)
        => $"namespace App;\n\npublic static class {title}\n{{\n    public static int Add(int a, int b) => a + b; // answer {answer}\n}}\n";

    public SharedCacheOptions Options(string? signingVariable = null, TimeSpan? lease = null, TimeSpan? wait = null, string? scope = null, string? configuration = null) => new()
    {
        Configuration = configuration ?? Configuration,
        SigningKeyVariable = signingVariable,
        LeaseDuration = lease ?? TimeSpan.FromSeconds(15),
        WaitLimit = wait ?? TimeSpan.FromSeconds(60),
        // The product default: a loaded 2-core CI machine can stall a Redis call for several hundred milliseconds.
        OperationTimeout = TimeSpan.FromSeconds(3),
        InProcessScope = scope,
    };

    /// <summary>A builder with a fresh copy of the project, an empty store and an empty user cache.</summary>
    public Builder NewBuilder(SharedCacheOptions? shared, string? name = null)
    {
        var directory = Root.Combine(name ?? "b-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(directory, "project");
        Directory.CreateDirectory(project);
        foreach (var title in Titles)
        {
            File.WriteAllText(Path.Combine(project, title + ".mprompt"), $"""
                ---
                kind: library
                ---
                # {title}

                `{title}.Add(a, b)` returns the sum of two integers.

                ## Contract
                ```csharp
                public static class {title} {"{"} public static int Add(int a, int b); {"}"}
                ```
                """);
        }

        return new Builder(this, directory, project, shared);
    }

    public void Dispose() => Root.Dispose();

    private ScriptedReply Respond(RecordedRequest request)
    {
        var text = string.Join("\n", request.Messages.Where(m => m.Role == "user").Select(m => m.Content));
        var title = Titles.OrderByDescending(t => t.Length).FirstOrDefault(t => text.Contains("# " + t + "\n", StringComparison.Ordinal));
        if (title is null)
        {
            return ScriptedReply.Error(500, "no such prompt");
        }

        var answer = _answers.AddOrUpdate(title, 1, (_, n) => n + 1);
        return ScriptedReply.Completion("```csharp\n" + CodeFor(title, answer) + "```\n", 100, 40) with { Delay = Latency };
    }

    /// <summary>One builder: its own project copy, store, user cache and output folder.</summary>
    internal sealed class Builder(SharedBuild build, string directory, string project, SharedCacheOptions? shared)
    {
        private readonly ConcurrentQueue<string> _log = new();

        public string Directory => directory;

        public string StoreDirectory => Path.Combine(directory, "project", ".microprompt");

        public string UserCacheDirectory => Path.Combine(directory, "user-cache");

        public string OutputDirectory => Path.Combine(directory, "obj");

        public IReadOnlyList<string> Log => _log.ToArray();

        public Task<ResolutionResult> BuildAsync(CancellationToken cancellationToken = default)
        {
            var context = new ProjectContext
            {
                ProjectDirectory = project,
                RootNamespace = "App",
                TargetFramework = "net10.0",
                Nullable = "enable",
                ReferencePaths = TestReferences.All,
            };
            var options = new ResolutionOptions
            {
                Project = context,
                StoreDirectory = StoreDirectory,
                UserCacheDirectory = UserCacheDirectory,
                OutputDirectory = OutputDirectory,
                DefaultModel = "test-model",
                MaxConcurrency = 4,
                SharedCache = shared,
            };
            var provider = new ProviderSettings { Provider = "openai", Endpoint = new Uri(build.Server.OpenAIEndpoint), ApiKeyVariable = KeyVariable, Resilience = MicroPrompt.Resilience.ModelCallResilience.NoRetries, Timeout = TimeSpan.FromSeconds(60) };
            var resolver = new PromptResolver(
                options,
                () => GeneratorFactory.Create(provider, "openai", context),
                (e, model) => GeneratorFactory.Classify(e, provider, model),
                _log.Enqueue);
            var items = build.Titles.Select(t => new ResolutionItem { FullPath = Path.Combine(project, t + ".mprompt"), ItemPath = t + ".mprompt" }).ToList();
            return Task.Run(() => resolver.ResolveAsync(items, cancellationToken), cancellationToken);
        }

        /// <summary>The generated code of an item (null when none was written).</summary>
        public string? Generated(string title)
        {
            var path = Path.Combine(OutputDirectory, title + ".g.cs");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }
}

internal static class ResolutionAssert
{
    public static void NoErrors(ResolutionResult result)
        => Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));

    public static IReadOnlyList<MicroPromptDiagnostic> Warnings(ResolutionResult result, string code)
        => result.Diagnostics.Where(d => d.Code == code && d.Severity == DiagnosticSeverity.Warning).ToList();
}
