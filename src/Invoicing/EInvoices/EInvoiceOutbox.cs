using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Storage;
using Polly;

namespace Invoicing.EInvoices;

/// <summary>
/// The hand-off to the issuer's e-invoice operator: container <c>einvoices-outbox</c>, one blob per document
/// (<c>{scheme}/{year}/{number}.xml</c>, the UBL as archived), written once with <c>If-None-Match: *</c>.
/// Its metadata carries the buyer's Peppol endpoint and a status (<see cref="EInvoiceDeliveryStatus"/>) that
/// the operator integration updates with <see cref="SetStatusAsync"/> (ETag-guarded). Sending through a Peppol
/// access point is the operator's job, not this product's. Only parties with a Peppol endpoint are handed off.
/// </summary>
public sealed class EInvoiceOutbox(InvoicingStorage storage, TimeProvider time)
{
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(412);

    public const string StatusMetadata = "status";
    public const string EndpointMetadata = "endpoint";
    public const string DetailMetadata = "detail";
    public const string UpdatedAtMetadata = "updatedat";

    /// <summary>
    /// Hands the invoice's e-invoice to the operator unless it already was (a repeated or resumed run). False
    /// when there is nothing to hand off: no e-invoice, or a party without a Peppol endpoint.
    /// </summary>
    public async Task<bool> HandOffAsync(IssuedDocument invoice, Party debtor, CancellationToken cancellationToken)
    {
        if (invoice.EInvoiceBlobName is null || debtor.PeppolEndpoint is not { } endpoint)
        {
            return false;
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var target = Blob(invoice.EInvoiceBlobName);
        if (await target.ExistsAsync(cancellationToken))
        {
            return true;
        }

        var source = await storage.Container(StorageNames.EInvoicesContainer).GetBlobClient(invoice.EInvoiceBlobName).DownloadContentAsync(cancellationToken);
        try
        {
            await target.UploadAsync(
                source.Value.Content,
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = UblWriter.ContentType },
                    Metadata = Metadata(endpoint.ToString(), EInvoiceDeliveryStatus.Pending, null, time.GetUtcNow()),
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A concurrent run handed it off first: once is what counts.
        }

        return true;
    }

    /// <summary>The hand-off of one document, or null when it was never handed off.</summary>
    public async Task<EInvoiceHandOff?> FindAsync(string blobName, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        try
        {
            var properties = await Blob(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return Read(blobName, properties.Value.Metadata);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// For the operator integration: records how far the document got. ETag-guarded, so two updates racing
    /// cannot interleave; the loser re-reads and retries. Throws when the document was never handed off.
    /// </summary>
    public async Task SetStatusAsync(string blobName, EInvoiceDeliveryStatus status, string? detail, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var blob = Blob(blobName);
        // Someone else updated it between our read and write (412): read again.
        await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
                var endpoint = properties.Value.Metadata.TryGetValue(EndpointMetadata, out var e) ? e : "";
                await blob.SetMetadataAsync(
                    Metadata(endpoint, status, detail, time.GetUtcNow()),
                    new BlobRequestConditions { IfMatch = properties.Value.ETag },
                    ct);
            },
            cancellationToken);
    }

    private BlobClient Blob(string blobName) => storage.Container(StorageNames.EInvoicesOutboxContainer).GetBlobClient(blobName);

    private static Dictionary<string, string> Metadata(string endpoint, EInvoiceDeliveryStatus status, string? detail, DateTimeOffset at)
    {
        var metadata = new Dictionary<string, string>
        {
            [EndpointMetadata] = endpoint,
            [StatusMetadata] = status.ToString(),
            [UpdatedAtMetadata] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(detail))
        {
            // Blob metadata values are ASCII; an operator's message is kept readable rather than rejected.
            metadata[DetailMetadata] = new string(detail.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        }

        return metadata;
    }

    private static EInvoiceHandOff Read(string blobName, IDictionary<string, string> metadata) => new(
        blobName,
        metadata.TryGetValue(EndpointMetadata, out var endpoint) ? endpoint : "",
        metadata.TryGetValue(StatusMetadata, out var status) && Enum.TryParse<EInvoiceDeliveryStatus>(status, out var parsed) ? parsed : EInvoiceDeliveryStatus.Pending,
        metadata.TryGetValue(DetailMetadata, out var detail) ? detail : null,
        metadata.TryGetValue(UpdatedAtMetadata, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedAt) ? parsedAt : null);
}
