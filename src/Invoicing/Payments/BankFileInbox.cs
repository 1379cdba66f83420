using Azure;
using Azure.Storage.Blobs.Models;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;

namespace Invoicing.Payments;

/// <summary>
/// Bank files dropped in the <c>bank-files</c> container (what the blob trigger calls): import through
/// <see cref="BankFileIntake"/>, which keeps the file in the archive, then move it to
/// <c>bank-files-processed/{date}/{name}</c> so a restart does not offer it again. The import is idempotent anyway,
/// so a file processed twice books nothing twice and is archived once. A file that fails validation books nothing,
/// is not archived, and stays where it is, marked with the error, for a person to look at.
/// </summary>
public sealed partial class BankFileInbox(InvoicingStorage storage, BankFileIntake intake, TimeProvider time, ILogger<BankFileInbox> logger)
{
    /// <summary>
    /// Imports the file named <paramref name="blobName"/> in <c>bank-files</c>. A file that is no longer there was
    /// moved by an earlier delivery of the same event (or removed by a person): there is nothing to do, and null
    /// says so.
    /// </summary>
    /// <param name="importedBy">The function that imports it, recorded as who imported the file.</param>
    public async Task<ImportedBankFile?> ImportAsync(string blobName, string importedBy, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        byte[] content;
        try
        {
            var download = await storage.Container(StorageNames.BankFilesContainer).GetBlobClient(blobName)
                .DownloadContentAsync(cancellationToken);
            content = download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            LogAlreadyGone(blobName);
            return null;
        }

        return await ImportAsync(blobName, content, importedBy, cancellationToken);
    }

    public async Task<ImportedBankFile> ImportAsync(string blobName, byte[] content, string importedBy, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var source = storage.Container(StorageNames.BankFilesContainer).GetBlobClient(blobName);
        ImportedBankFile imported;
        try
        {
            imported = await intake.ImportAsync(BankFileContent.FromBytes(Path.GetFileName(blobName), content), new BankFileOrigin(BankFileEntrance.Blob, importedBy), cancellationToken);
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
        return imported;
    }

    [LoggerMessage(EventId = 2101, EventName = "BankFileAlreadyGone", Level = LogLevel.Information,
        Message = "Bank file {BlobName} is no longer in bank-files: an earlier delivery already imported and moved it; nothing to do")]
    private partial void LogAlreadyGone(string blobName);
}
