namespace Invoicing.Storage;

/// <summary>
/// Where the product keeps its tables and blobs (section <c>Invoicing:Storage</c>). Either a connection
/// string (local development: <c>UseDevelopmentStorage=true</c>, i.e. Azurite) or the service URIs, used
/// with the host's credential (in Azure: the app's user-assigned managed identity; no keys anywhere).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Invoicing:Storage";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>The one line that says what is missing when neither a connection string nor both URIs are set.</summary>
    public const string Incomplete = Section + ": set ConnectionString, or both TableServiceUri and BlobServiceUri.";

    /// <summary>True when the storage is reached by its service URIs, i.e. with a credential rather than a connection string.</summary>
    public bool UsesCredential => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// Prefixed to every table and container name. Empty in production; tests use a unique prefix each so
    /// they can share one Azurite and run in parallel.
    /// </summary>
    public string NamePrefix { get; set; } = "";

    /// <summary>
    /// Reads what a user typed for <c>--storage</c> / <c>INVOICING_STORAGE</c>: a connection string, or an
    /// account URL such as <c>https://account.blob.core.windows.net</c> (the table endpoint is derived).
    /// </summary>
    public static StorageOptions FromUserInput(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new StorageOptions { ConnectionString = DevelopmentStorage };
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            var host = uri.Host;
            var account = host.Split('.')[0];
            var suffix = host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
            var domain = suffix[(suffix.IndexOf('.', StringComparison.Ordinal) + 1)..];
            return new StorageOptions
            {
                BlobServiceUri = new Uri($"https://{account}.blob.{domain}"),
                TableServiceUri = new Uri($"https://{account}.table.{domain}"),
            };
        }

        return new StorageOptions { ConnectionString = value.Trim() };
    }
}
