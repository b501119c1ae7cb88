using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace MicroPrompt.Sdk.Tests.Release;

/// <summary>What an assembly says about how it was built: deterministic, its embedded PDB's paths, its SourceLink map.</summary>
internal sealed record AssemblyProvenance(bool Reproducible, IReadOnlyList<string> Documents, string? SourceLink)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static AssemblyProvenance Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var entries = pe.ReadDebugDirectory();
        var reproducible = entries.Any(e => e.Type == DebugDirectoryEntryType.Reproducible);
        var embedded = entries.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (embedded.DataSize == 0)
        {
            return new AssemblyProvenance(reproducible, [], null);
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = provider.GetMetadataReader();
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        string? sourceLink = null;
        foreach (var handle in pdb.CustomDebugInformation)
        {
            var info = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(info.Kind) == SourceLinkKind)
            {
                sourceLink = Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value));
            }
        }

        return new AssemblyProvenance(reproducible, documents, sourceLink);
    }
}
