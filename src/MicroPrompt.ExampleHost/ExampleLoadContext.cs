using System.Reflection;
using System.Runtime.Loader;

namespace MicroPrompt.ExampleHost;

/// <summary>
/// A collectible context per test assembly. Framework assemblies come from the default context (the shared framework
/// the harness runs on); other references resolve to the implementation paths the parent passed.
/// </summary>
internal sealed class ExampleLoadContext(IReadOnlyDictionary<string, string> runtimePaths) : AssemblyLoadContext("MicroPrompt.Examples", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
        => assemblyName.Name is { } name && runtimePaths.TryGetValue(name, out var path) && File.Exists(path)
            ? LoadFromAssemblyPath(path)
            : null;
}
