namespace Invoicing.Payments;

/// <summary>
/// A bank file's bytes exactly as received, and the name it came with. Opened once for each pass over it (hash, read,
/// keep), so a file on disk is streamed each time and never held whole in memory. Every stream is seekable, as
/// <see cref="BankFiles.BankFileReader"/> needs.
/// </summary>
public sealed class BankFileContent
{
    private readonly Func<Stream> _open;

    public BankFileContent(string name, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(open);
        Name = name;
        _open = open;
    }

    /// <summary>The file name it came with (without any folder): the payments' source and the name it is downloaded as.</summary>
    public string Name { get; }

    public static BankFileContent FromBytes(string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(name, () => new MemoryStream(content, writable: false));
    }

    public static BankFileContent FromFile(string path) =>
        new(Path.GetFileName(path), () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan));

    /// <summary>A new stream over the content, at its start; the caller disposes it.</summary>
    public Stream Open() => _open();
}
