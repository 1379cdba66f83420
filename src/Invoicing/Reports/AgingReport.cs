using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Reports;

/// <summary>How far past its due date an amount is on the report's day: the aging report's five columns.</summary>
public enum AgingBucket
{
    /// <summary>Not yet due: the due date is the report's day or later (due on the day is still on time).</summary>
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

/// <summary>The one rule that puts a due date into a bucket, and the buckets' Swedish names.</summary>
public static class AgingBuckets
{
    public static IReadOnlyList<AgingBucket> All { get; } = Enum.GetValues<AgingBucket>();

    /// <summary>
    /// Days past due are counted from the due date to <paramref name="asOf"/>: an invoice due on the day is not
    /// overdue (<c>InvoiceStanding.IsOverdue</c> says the same), the day after is day 1.
    /// </summary>
    public static AgingBucket For(DateOnly dueDate, DateOnly asOf) => (asOf.DayNumber - dueDate.DayNumber) switch
    {
        <= 0 => AgingBucket.NotDue,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };

    /// <summary>The column heading, as finance says it.</summary>
    public static string SwedishName(AgingBucket bucket) => bucket switch
    {
        AgingBucket.NotDue => "Ej förfallet",
        AgingBucket.Days1To30 => "1–30 dagar",
        AgingBucket.Days31To60 => "31–60 dagar",
        AgingBucket.Days61To90 => "61–90 dagar",
        AgingBucket.Over90 => "Över 90 dagar",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };
}

/// <summary>What is due in each bucket; <see cref="Total"/> is their sum.</summary>
public sealed record AgingAmounts(Money NotDue, Money Days1To30, Money Days31To60, Money Days61To90, Money Over90)
{
    public static AgingAmounts Zero { get; } = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    public Money Total => NotDue + Days1To30 + Days31To60 + Days61To90 + Over90;

    public Money this[AgingBucket bucket] => bucket switch
    {
        AgingBucket.NotDue => NotDue,
        AgingBucket.Days1To30 => Days1To30,
        AgingBucket.Days31To60 => Days31To60,
        AgingBucket.Days61To90 => Days61To90,
        AgingBucket.Over90 => Over90,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    public AgingAmounts Add(AgingBucket bucket, Money amount) => bucket switch
    {
        AgingBucket.NotDue => this with { NotDue = NotDue + amount },
        AgingBucket.Days1To30 => this with { Days1To30 = Days1To30 + amount },
        AgingBucket.Days31To60 => this with { Days31To60 = Days31To60 + amount },
        AgingBucket.Days61To90 => this with { Days61To90 = Days61To90 + amount },
        AgingBucket.Over90 => this with { Over90 = Over90 + amount },
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    public AgingAmounts Plus(AgingAmounts other) =>
        new(NotDue + other.NotDue, Days1To30 + other.Days1To30, Days31To60 + other.Days31To60, Days61To90 + other.Days61To90, Over90 + other.Over90);
}

/// <summary>One debtor's line of the report: the name on its newest document, and what it owes by bucket.</summary>
public sealed record AgingRow(PartyCode DebtorCode, string DebtorName, AgingAmounts Amounts);

/// <summary>
/// The aging report (åldersanalys) of a scheme's year: per debtor, what is due in each bucket as of a day. Pure, and
/// read off the ledger's balances (<see cref="DocumentChain"/>) so that it says what the list, the page, reminders
/// and the SIE export say is due: credit notes, supplementary invoices, payments, reversals and refunds all count,
/// and a chain's surplus on one invoice settles what its others lack before anything is left due.
/// <list type="bullet">
/// <item>Each invoice's amount still due (<see cref="DocumentBalance.Due"/>) goes to the bucket of its own due date
/// relative to <see cref="AsOf"/> (<see cref="AgingBuckets.For"/>). A credit note has no due date and nothing due: it
/// counts only through what it took off the invoices it credits.</item>
/// <item>The amounts are the ledger's as recorded now; <see cref="AsOf"/> is the day the days past due are counted
/// to (a day in the past answers "how late was what is still open", not "what was open then").</item>
/// <item>A debtor with nothing due is left out; what is owed back to a debtor is not due and is not on the report.</item>
/// </list>
/// </summary>
public sealed record AgingReport(SchemeId Scheme, int Year, DateOnly AsOf, IReadOnlyList<AgingRow> Rows, AgingAmounts Totals)
{
    /// <summary>The report of <paramref name="documents"/>: a scheme's year as the ledger lists it.</summary>
    /// <exception cref="ArgumentException">A document is of another scheme or year.</exception>
    public static AgingReport Of(SchemeId scheme, int year, IReadOnlyList<IssuedDocument> documents, DateOnly asOf)
    {
        if (documents.FirstOrDefault(d => d.Scheme != scheme || d.Year != year) is { } stray)
        {
            throw new ArgumentException($"Document {stray.Number} is of {stray.Scheme} {stray.Year}, not of the report's {scheme} {year}.", nameof(documents));
        }

        var rows = DocumentChain.BalancesOf(documents)
            .GroupBy(b => b.Document.DebtorCode)
            .Select(debtor => new AgingRow(
                debtor.Key,
                debtor.MaxBy(b => b.Document.Number)!.Document.DebtorName,
                debtor.OfType<InvoiceBalance>().Where(b => b.Due > Money.Zero).Aggregate(AgingAmounts.Zero, (sum, b) => sum.Add(AgingBuckets.For(b.Invoice.DueDate, asOf), b.Due))))
            .Where(row => row.Amounts.Total > Money.Zero)
            .OrderBy(row => row.DebtorCode.Value, StringComparer.Ordinal)
            .ToArray();
        return new AgingReport(scheme, year, asOf, rows, rows.Aggregate(AgingAmounts.Zero, (sum, row) => sum.Plus(row.Amounts)));
    }
}
