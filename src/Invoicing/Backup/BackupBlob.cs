using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Backup;

/// <summary>
/// One blob as one JSON line of its container's listing: name, SHA-256 and length of its bytes, the headers and
/// metadata a restore sets again, and (information only) the version id and last-modified time it had.
/// </summary>
public sealed record BackupBlob
{
    public required string Name { get; init; }

    public required string Sha256 { get; init; }

    public required long Length { get; init; }

    public string? ContentType { get; init; }

    public string? ContentEncoding { get; init; }

    public string? ContentLanguage { get; init; }

    public string? ContentDisposition { get; init; }

    public string? CacheControl { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The blob's version id in the source account when versioning is on (then the version can be read back there).</summary>
    public string? VersionId { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Options);

    public static BackupBlob FromJsonLine(string line) =>
        JsonSerializer.Deserialize<BackupBlob>(line, Options) ?? throw new FormatException("the line is null");
}
