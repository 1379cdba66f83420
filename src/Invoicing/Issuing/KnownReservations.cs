using Invoicing.Budgets;

namespace Invoicing.Issuing;

/// <summary>
/// What one run last knew of a scheme's numbers in a series: the counter with its ETag and the scheme's
/// reservations, as its last read or its own last transaction left them. Handed back to
/// <see cref="InvoiceNumberSeries.ReserveAllAsync"/> for the next batch, it spares that batch the read of every
/// reservation so far. It stays safe when stale: the counter's ETag still guards the transaction, and every number
/// is taken together with a counter update, so if any run took numbers meanwhile the transaction fails (412) and the
/// series is read again; reservations are never deleted, so those it knows exist. Not thread-safe: one per run.
/// </summary>
public sealed class KnownReservations
{
    private string? _partition;
    private SchemeId? _scheme;
    private InvoiceCounterEntity? _counter;
    private Dictionary<string, InvoiceReservationEntity>? _reservations;

    /// <summary>A copy of what is known for this partition and scheme (the caller changes it), or null.</summary>
    internal (InvoiceCounterEntity Counter, Dictionary<string, InvoiceReservationEntity> Reservations)? For(string partition, SchemeId scheme) =>
        _partition == partition && _scheme == scheme && _counter is { } counter && _reservations is { } reservations
            ? (new InvoiceCounterEntity { PartitionKey = counter.PartitionKey, LastSequence = counter.LastSequence, ETag = counter.ETag },
                new Dictionary<string, InvoiceReservationEntity>(reservations, StringComparer.Ordinal))
            : null;

    /// <summary>Remembers the series as a read or a successful transaction left it.</summary>
    internal void Remember(string partition, SchemeId scheme, InvoiceCounterEntity counter, Dictionary<string, InvoiceReservationEntity> reservations) =>
        (_partition, _scheme, _counter, _reservations) = (partition, scheme, counter, reservations);
}
