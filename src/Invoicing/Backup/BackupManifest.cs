using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Backup;

/// <summary>
/// What a backup holds (<c>manifest.json</c>, written last): each table's JSON Lines file and each container's
/// listing with their row and blob counts, and the SHA-256 and length of every file of the backup, so a changed
/// or truncated file is refused before a restore writes anything. Invariant JSON (docs/operations.md, "Backup and restore").
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";

    public const string CurrentFormat = "invoicing-backup/1";

    public required string Format { get; init; }

    /// <summary>When the export began (UTC). Rows written while it ran may or may not be in it (docs/operations.md).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// True when the blobs' bytes are in the backup (<c>blobs/&lt;sha256&gt;</c>, the folder backup); false when the
    /// blobs are recorded by name, SHA-256 and version id only (the nightly backup in Azure, whose containers are versioned).
    /// </summary>
    public required bool BlobContents { get; init; }

    public required IReadOnlyList<BackupTable> Tables { get; init; }

    public required IReadOnlyList<BackupContainer> Containers { get; init; }

    /// <summary>The blobs' contents, one file per distinct SH-256 (empty when <see cref="BlobContents"/> is false).</summary>
    public required IReadOnlyList<BackupFile> BlobFiles { get; init; }

    /// <summary>Every file the manifest vouches for.</summary>
    [JsonIgnore]
    public IEnumerable<BackupFile> Files => Tables.Select(t => t.File).Concat(Containers.Select(c => c.File)).Concat(BlobFiles);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
    };

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static BackupManifest Parse(byte[] json)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Options);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{FileName} is not a backup manifest ({e.Message}): nothing was restored.");
        }

        if (manifest is null || manifest.Format != CurrentFormat || manifest.Tables is null || manifest.Containers is null || manifest.BlobFiles is null)
        {
            throw new BackupException($"{FileName} is not a manifest of format {CurrentFormat}: nothing was restored.");
        }

        return manifest;
    }
}

/// <summary>One table: its rows as JSON Lines in <see cref="File"/>.</summary>
public sealed record BackupTable(string Name, long Rows, BackupFile File);

/// <summary>One container: its blobs listed as JSON Lines in <see cref="File"/>, with their total length.</summary>
public sealed record BackupContainer(string Name, long Blobs, long Bytes, BackupFile File);

/// <summary>A file of the backup, by its path inside the backup, SHA-256 (lower-case hex) and length.</summary>
public sealed record BackupFile(string Path, string Sha256, long Length)
{
    public static BackupFile Of(string path, ReadOnlySpan<byte> content) => new(path, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);

    /// <summary>Null when <paramref name="content"/> is this file; else the one line saying what is wrong with it.</summary>
    public string? Mismatch(byte[]? content) =>
        content is null ? $"backup file {Path} is missing"
        : content.Length != Length ? $"backup file {Path} is {content.Length} bytes, the manifest says {Length} (truncated or changed)"
        : Convert.ToHexStringLower(SHA256.HashData(content)) != Sha256 ? $"backup file {Path} does not match its SHA-256 in the manifest (changed)"
        : null;
}
