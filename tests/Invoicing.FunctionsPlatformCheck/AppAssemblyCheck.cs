using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// Every assembly the built app carries must be at least the version its users were compiled against; otherwise
/// the worker aborts at start with a FileNotFoundException before it ever talks to the host, and the stand-in can
/// only report a timeout. Assemblies not in the folder come from the shared framework and are not checked.
/// </summary>
internal static class AppAssemblyCheck
{
    public static IReadOnlyList<string> Problems(string appFolder)
    {
        var shipped = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var dll in Directory.EnumerateFiles(appFolder, "*.dll"))
        {
            try
            {
                shipped[Path.GetFileNameWithoutExtension(dll)] = AssemblyName.GetAssemblyName(dll).Version ?? new Version(0, 0);
            }
            catch (BadImageFormatException)
            {
                // A native library: nothing references it by assembly version.
            }
        }

        var problems = new List<string>();
        foreach (var dll in Directory.EnumerateFiles(appFolder, "*.dll"))
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                var name = metadata.GetString(reference.Name);
                if (shipped.TryGetValue(name, out var version) && version < reference.Version)
                {
                    problems.Add($"{Path.GetFileName(dll)} was compiled against {name} {reference.Version}, but the app carries {version}");
                }
            }
        }

        return problems;
    }
}
