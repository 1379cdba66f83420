using Azure;
using Azure.Storage.Blobs.Models;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;

namespace Invoicing.Payments;

/// <summary>
/// Bank files dropped in the <c>bank-files</c> container (what the blob trigger calls): import, then move the
/// file to <c>bank-files-processed/{date}/{name}</c> so a restart does not offer it again. The import is
/// idempotent anyway, so a file processed twice books nothing twice. A file that fails validation books
/// nothing and stays where it is, marked with the error, for a person to look at.
/// </summary>
public sealed class BankFileInbox(InvoicingStorage storage, PaymentImport import, TimeProvider time)
{
    public async Task<ImportReport> ImportAsync(string blobName, byte[] content, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var source = storage.Container(StorageNames.BankFilesContainer).GetBlobClient(blobName);
        ImportReport report;
        try
        {
            report = await import.ImportAsync(BankFileReader.Read(Path.GetFileName(blobName), content), cancellationToken);
        }
        catch (Exception e) when (e is BankFileException or Invoices.InvalidPaymentException)
        {
            await source.SetMetadataAsync(
                new Dictionary<string, string> { ["status"] = "rejected", ["error"] = Uri.EscapeDataString(e.Message[..Math.Min(e.Message.Length, 1000)]) },
                cancellationToken: cancellationToken);
            throw;
        }

        var processed = storage.Container(StorageNames.ProcessedBankFilesContainer)
            .GetBlobClient($"{IsoDate.Format(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))}/{blobName}");
        try
        {
            await processed.UploadAsync(new BinaryData(content), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already moved by an earlier attempt that stopped before deleting the original.
        }

        await source.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return report;
    }
}
