using Azure.Storage.Blobs;
using Invoicing.Payments;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// A bank file dropped in <c>bank-files</c>: import it (archived once, recorded as imported by this function's
/// name) and move it to <c>bank-files-processed</c>. Flex Consumption delivers blob triggers through Event Grid,
/// at least once: the trigger binds a
/// <see cref="BlobClient"/> (no download before our code runs), so an event redelivered after the file was moved
/// finds no blob and is a no-op, and importing is idempotent anyway, so nothing is booked twice. (The binding is
/// named <c>content</c> because the platform check's stand-in host sends a blob trigger's data under that name.)
/// </summary>
public sealed class ImportBankFile(BankFileInbox inbox)
{
    [Function(nameof(ImportBankFile))]
    public Task RunAsync(
        [BlobTrigger("bank-files/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient content,
        CancellationToken cancellationToken) =>
        inbox.ImportAsync(content.Name, nameof(ImportBankFile), cancellationToken);
}
