using Invoicing.Reports;

namespace Invoicing.Web.Contracts;

/// <summary>
/// The aging report (<see cref="AgingReport"/>) of a scheme's year as of a day: one row per debtor with money due,
/// kronor per bucket, and the totals. The API's answer and <c>./invoicing report aging --json</c>.
/// </summary>
public sealed record AgingReportView(string Scheme, int Year, DateOnly AsOf, IReadOnlyList<AgingBucketView> Buckets, IReadOnlyList<AgingRowView> Rows, AgingAmountsView Totals)
{
    public static AgingReportView From(AgingReport report) => new(
        report.Scheme.Value,
        report.Year,
        report.AsOf,
        [.. AgingBuckets.All.Select(b => new AgingBucketView(FieldName(b), AgingBuckets.SwedishName(b)))],
        [.. report.Rows.Select(r => AgingRowView.From(r))],
        AgingAmountsView.From(report.Totals));

    /// <summary>The JSON field that holds a bucket's amount in a row and in the totals.</summary>
    public static string FieldName(AgingBucket bucket) => bucket switch
    {
        AgingBucket.NotDue => "notDue",
        AgingBucket.Days1To30 => "days1To30",
        AgingBucket.Days31To60 => "days31To60",
        AgingBucket.Days61To90 => "days61To90",
        AgingBucket.Over90 => "over90",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };
}

/// <summary>A bucket's field in the rows (<c>notDue</c>, <c>days1To30</c>…) and its Swedish heading.</summary>
public sealed record AgingBucketView(string Field, string Name);

/// <summary>One debtor: kronor per bucket and <see cref="Total"/>, their sum (what the debtor has due).</summary>
public sealed record AgingRowView(string DebtorCode, string DebtorName, decimal NotDue, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total)
{
    public static AgingRowView From(AgingRow row) => new(
        row.DebtorCode.Value,
        row.DebtorName,
        Kronor.From(row.Amounts.NotDue),
        Kronor.From(row.Amounts.Days1To30),
        Kronor.From(row.Amounts.Days31To60),
        Kronor.From(row.Amounts.Days61To90),
        Kronor.From(row.Amounts.Over90),
        Kronor.From(row.Amounts.Total));
}

/// <summary>The report's totals per bucket.</summary>
public sealed record AgingAmountsView(decimal NotDue, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total)
{
    public static AgingAmountsView From(AgingAmounts amounts) => new(
        Kronor.From(amounts.NotDue),
        Kronor.From(amounts.Days1To30),
        Kronor.From(amounts.Days31To60),
        Kronor.From(amounts.Days61To90),
        Kronor.From(amounts.Over90),
        Kronor.From(amounts.Total));
}
