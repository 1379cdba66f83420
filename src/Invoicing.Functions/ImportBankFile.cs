using Invoicing.Payments;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// A bank file dropped in <c>bank-files</c>: import it and move it to <c>bank-files-processed</c>. Flex
/// Consumption delivers blob triggers through Event Grid. Importing is idempotent, so a redelivered event
/// books nothing twice.
/// </summary>
public sealed class ImportBankFile(BankFileInbox inbox)
{
    [Function(nameof(ImportBankFile))]
    public Task RunAsync(
        [BlobTrigger("bank-files/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content,
        string name,
        CancellationToken cancellationToken) =>
        inbox.ImportAsync(name, content, cancellationToken);
}
