namespace Invoicing.Digests;

/// <summary>
/// What one day's digest covers, so that no item is told twice and none is lost when a day's digest was skipped (the
/// timer did not run, or there was nothing to tell). Events with a time (a payment put on the unmatched list, a
/// reminder recorded) count when they happened after <see cref="After"/> — the moment the previous digest reported up
/// to, recorded as its outbox message's creation time — and at or before <see cref="Until"/>, the moment this one is
/// built (and will be recorded with); a second run the same day
/// queues nothing, so what happens after the first run's moment goes into the next day's. An invoice falls due on the
/// day after its due date (due on the day is still on time), so day-based: the invoices whose first day past due is
/// after the previous digest's day and at most <see cref="Day"/>.
/// </summary>
/// <param name="PreviousDay">The day of the last digest queued before <see cref="Day"/>; null when there is none.</param>
public sealed record DigestWindow(DateOnly Day, DateOnly? PreviousDay, DateTimeOffset After, DateTimeOffset Until)
{
    /// <summary>The first digest covers the day itself: events since midnight, invoices whose due date was yesterday.</summary>
    public static DigestWindow First(DateOnly day, DateTimeOffset until) => new(day, null, SwedishCalendar.StartOf(day), until);

    /// <summary>The digest after the one queued on <paramref name="previousDay"/> at <paramref name="previousQueuedAt"/>.</summary>
    public static DigestWindow Following(DateOnly day, DateOnly previousDay, DateTimeOffset previousQueuedAt, DateTimeOffset until) =>
        previousDay < day
            ? new(day, previousDay, previousQueuedAt, until)
            : throw new ArgumentException($"The previous digest ({IsoDate.Format(previousDay)}) must be before {IsoDate.Format(day)}.", nameof(previousDay));

    /// <summary>The earliest due date of an invoice that fell due in the window.</summary>
    public DateOnly FirstDueDate => PreviousDay ?? Day.AddDays(-1);

    /// <summary>The latest: yesterday's due date is today's first day past due.</summary>
    public DateOnly LastDueDate => Day.AddDays(-1);

    public bool Holds(DateTimeOffset instant) => instant > After && instant <= Until;

    /// <summary>Whether an invoice due on <paramref name="dueDate"/> fell due (became past due) in the window.</summary>
    public bool FellDue(DateOnly dueDate) => dueDate >= FirstDueDate && dueDate <= LastDueDate;
}
