namespace Invoicing.Storage;

/// <summary>
/// How the annual and reminder runs batch their work (section <c>Invoicing:Batching</c>): documents per batch
/// (their numbers are taken, and their rows recorded, by one entity group transaction per batch) and how many
/// documents are rendered and uploaded at once. Storage, not the processor, is what a run waits for; these
/// bound how many requests it keeps in flight.
/// </summary>
public sealed class BatchingOptions
{
    public const string Section = "Invoicing:Batching";

    /// <summary>
    /// A batch's numbers are taken by one entity group transaction: the counter's update and one reservation per
    /// document (<c>InvoiceNumberSeries.MaxReservationsPerTransaction</c> is the same figure).
    /// </summary>
    public const int MaxDocumentsPerBatch = TableBatches.MaxActions - 1;

    /// <summary>Documents per batch: at most 99, so the counter's update and their reservations fit one transaction.</summary>
    public int DocumentsPerBatch { get; set; } = MaxDocumentsPerBatch;

    /// <summary>Documents rendered and written at the same time.</summary>
    public int ParallelWrites { get; set; } = 8;

    public void Validate()
    {
        if (DocumentsPerBatch is < 1 or > MaxDocumentsPerBatch)
        {
            throw new InvalidOperationException($"{Section}:DocumentsPerBatch is {DocumentsPerBatch}; it must be 1 to {MaxDocumentsPerBatch}.");
        }

        if (ParallelWrites is < 1 or > 64)
        {
            throw new InvalidOperationException($"{Section}:ParallelWrites is {ParallelWrites}; it must be 1 to 64.");
        }
    }
}
