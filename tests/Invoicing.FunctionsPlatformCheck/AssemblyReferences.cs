using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>An assembly's own name and version and the versions of the assemblies it was compiled against.</summary>
internal sealed record AssemblyReferences(string Name, Version Version, IReadOnlyList<(string Name, Version Version)> References)
{
    /// <summary>Null for a file that is not a .NET assembly (a native library, a module).</summary>
    public static AssemblyReferences? Read(Stream image)
    {
        using var pe = new PEReader(image, PEStreamOptions.LeaveOpen);
        if (!pe.HasMetadata)
        {
            return null;
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            return null;
        }

        var definition = metadata.GetAssemblyDefinition();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToArray();
        return new AssemblyReferences(metadata.GetString(definition.Name), definition.Version, references);
    }
}
