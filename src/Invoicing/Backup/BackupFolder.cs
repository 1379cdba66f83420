namespace Invoicing.Backup;

/// <summary>Where a backup's files go: a folder (<see cref="BackupFolder"/>) or the <c>backups</c> container (<see cref="BackupContainerWriter"/>).</summary>
public interface IBackupWriter
{
    /// <summary>Writes a file of the backup; never replaces one. False when a file of that path was there already (then it is left as it was).</summary>
    Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Where the backup is, for messages.</summary>
    string Location { get; }
}

/// <summary>Where a restore reads a backup's files from.</summary>
public interface IBackupReader
{
    /// <summary>The file's bytes, or null when the backup has no such file.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    string Location { get; }
}

/// <summary>A backup in a folder of the file system: <c>manifest.json</c>, <c>tables/</c>, <c>containers/</c>, <c>blobs/</c>.</summary>
public sealed class BackupFolder : IBackupWriter, IBackupReader
{
    private readonly string _root;

    private BackupFolder(string root) => _root = root;

    public string Location => _root;

    /// <summary>A new backup in <paramref name="directory"/>, which must not exist or be empty: a backup never mixes with other files.</summary>
    public static BackupFolder CreateNew(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            throw new BackupException($"{root} is a file: a backup goes into a new or empty folder.");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new BackupException($"{root} is not empty: a backup goes into a new or empty folder, so it never mixes with another.");
        }

        Directory.CreateDirectory(root);
        return new BackupFolder(root);
    }

    /// <summary>An existing backup to restore from.</summary>
    public static BackupFolder Open(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new BackupException($"{root} does not exist: give the folder ./invoicing backup --out wrote.");
        }

        return new BackupFolder(root);
    }

    public async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (File.Exists(full))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.WriteAsync(content, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temporary, full, overwrite: false);
        return true;
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        return File.Exists(full) ? await File.ReadAllBytesAsync(full, cancellationToken) : null;
    }

    /// <summary>A path of the manifest inside the folder; one that would leave it (<c>..</c>, rooted) is refused.</summary>
    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (Path.IsPathRooted(path) || !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BackupException($"backup file {path} is outside the backup folder: the manifest is not one ./invoicing backup wrote.");
        }

        return full;
    }
}
