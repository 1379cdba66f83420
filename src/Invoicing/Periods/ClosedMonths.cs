namespace Invoicing.Periods;

/// <summary>
/// The months of one issuer's books that are closed, and the one rule that follows from them: nothing is booked with a
/// date in a closed month. A payment, reversal or refund whose real date falls in one is booked on the first open day
/// after it (its real date kept beside), so a closed month's vouchers never change.
/// </summary>
public sealed class ClosedMonths
{
    public static readonly ClosedMonths None = new([]);

    private readonly SortedSet<AccountingMonth> _months;

    public ClosedMonths(IEnumerable<AccountingMonth> months) => _months = [.. months];

    public IReadOnlyCollection<AccountingMonth> Months => _months;

    public bool IsClosed(DateOnly date) => _months.Contains(AccountingMonth.Of(date));

    public bool IsClosed(AccountingMonth month) => _months.Contains(month);

    /// <summary>
    /// The date a change dated <paramref name="realDate"/> is booked on: that date when its month is open, else the
    /// first day of the first open month after it. Closed months need not be consecutive (one may be reopened).
    /// </summary>
    public DateOnly BookingDate(DateOnly realDate)
    {
        var month = AccountingMonth.Of(realDate);
        if (!_months.Contains(month))
        {
            return realDate;
        }

        while (_months.Contains(month))
        {
            month = month.Next;
        }

        return month.FirstDay;
    }
}
