using System.Globalization;
using System.Runtime.CompilerServices;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Csv;
using Invoicing.Documents;

namespace Invoicing.EInvoices;

/// <summary>
/// How a party's share was computed, as the CSV file its e-invoice carries (<see cref="Attachment"/>): the figures of
/// <see cref="ShareSpecification"/>, which the members' API shows too. Written as <see cref="ExcelCsv"/> writes every
/// file meant for Excel (UTF-8 with BOM, <c>;</c>, decimal comma, ISO dates), so a municipality's Excel opens it as
/// columns and numbers. One row per participant of each shared line the party takes part in (its own row marked
/// <c>ja</c> in <c>Er andel</c>), so a pool's rows sum exactly to the pool; then one row per fixed contribution of
/// the party. The budget's decision is repeated on every row, so a row copied elsewhere still says what it rests on.
/// The other participants' rows name public bodies and their populations (SCB's public statistics): no personal data.
/// </summary>
public static class ShareSpecificationCsv
{
    /// <summary>The attachment's id on the e-invoice (BT-122).</summary>
    public const string AttachmentId = "Specifikation";

    public const string MimeCode = "text/csv";

    // Each pool's participant rows (MemberRows), for as long as the pool itself is alive; safe to read from any thread.
    private static readonly ConditionalWeakTable<PoolAllocation, string[]> PoolRows = new();

    public static IReadOnlyList<string> Header { get; } =
    [
        "Budgetrad", "Text", "Fördelning", "Radens belopp", "Befolkning enligt", "Per datum", "Total befolkning",
        "Kod", "Part", "Befolkning", "Andel (%)", "Grundavgift", "Tak/golv", "Kr per invånare", "Belopp", "Er andel",
        "Beslutsdatum", "Beslut", "Revision",
    ];

    public static byte[] Write(ShareSpecification specification)
    {
        var decision = specification.Decision;
        string[] decided = [decision is null ? "" : IsoDate.Format(decision.DecidedOn), decision is null ? "" : ExcelCsv.Text(decision.Reference), Integer(specification.Revision)];
        var decidedPart = ExcelCsv.Joined(decided);
        var csv = new ExcelCsv().Row(Header);
        foreach (var pool in specification.Pools)
        {
            var members = MemberRows(pool);
            for (var i = 0; i < members.Length; i++)
            {
                csv.RowOfJoined(members[i], pool.Shares[i].Party.Code == specification.Party.Code ? "ja" : "", decidedPart);
            }
        }

        foreach (var contribution in specification.Fixed)
        {
            csv.Row([
                Integer(contribution.Line.Number),
                ExcelCsv.Text(contribution.Line.Text),
                "fast belopp",
                ExcelCsv.Amount(contribution.Line.Amount),
                "", "", "",
                ExcelCsv.Text(contribution.Party.Code.Value),
                ExcelCsv.Text(contribution.Party.Name),
                "", "", "", "", "",
                ExcelCsv.Amount(contribution.Line.Amount),
                "ja",
                .. decided,
            ]);
        }

        return csv.ToBytes();
    }

    /// <summary>
    /// The specification as the e-invoice's attachment; null when there is nothing to specify: a share without a
    /// shared line is fixed amounts only, which the document's own lines state as decided, so the file would only
    /// repeat them. On a revision's credit note or supplementary invoice the file is the share after the revision,
    /// and the description says that the document is the difference from what was invoiced before.
    /// </summary>
    public static DocumentAttachment? Attachment(ShareSpecification? specification, string documentNumber)
    {
        if (specification is not { Pools.Count: > 0 })
        {
            return null;
        }

        var description = specification.Revision == 0
            ? $"Beräkning av er andel: varje fördelad budgetrad med alla deltagares underlag och belopp. Summan av raderna med Er andel = ja är {SwedishFormat.Amount(specification.Total)}."
            : $"Beräkning av er andel enligt budgetrevision {specification.Revision}: varje fördelad budgetrad med alla deltagares underlag och belopp. " +
              $"Er andel är nu {SwedishFormat.Amount(specification.Total)}; dokumentet avser skillnaden mot tidigare fakturerat.";
        return new DocumentAttachment(AttachmentId, description, $"specifikation-{documentNumber}.csv", MimeCode, Write(specification));
    }

    /// <summary>
    /// Each participant's row of <paramref name="pool"/> up to its amount (<c>Belopp</c>), quoted and joined: the same in
    /// every participant's file, so made once per pool and kept as long as the pool is (its invoices are composed from
    /// the one allocation); a file then adds only whose share is whose and the decision. Without it, a pool of 3 100
    /// members formatted 3 100 rows for each of its 3 100 files.
    /// </summary>
    private static string[] MemberRows(PoolAllocation pool) => PoolRows.GetValue(pool, RowsOf);

    private static string[] RowsOf(PoolAllocation pool)
    {
        var byPopulation = pool.Line is not EqualSplitLine;
        var totalPopulation = pool.TotalPopulation;
        var poolPart = ExcelCsv.Joined([
            Integer(pool.Line.Number),
            ExcelCsv.Text(pool.Line.Text),
            KeyName(pool.Line),
            ExcelCsv.Amount(pool.Line.Amount),
            pool.Snapshot is { } snapshot ? ExcelCsv.Text(snapshot.Source) : "",
            pool.Snapshot is { } taken ? IsoDate.Format(taken.ReferenceDate) : "",
            byPopulation ? Integer(totalPopulation) : "",
        ]);
        return [.. pool.Shares.Select(share => poolPart + ";" + ExcelCsv.Joined([
            ExcelCsv.Text(share.Party.Code.Value),
            ExcelCsv.Text(share.Party.Name),
            byPopulation ? Integer(share.Population) : "",
            byPopulation ? Percent(share.KeyPerMille(totalPopulation)) : "",
            share.BaseFee is { } fee ? ExcelCsv.Amount(fee) : "",
            share.Bound switch { PoolSplit.Bound.Cap => "tak", PoolSplit.Bound.Floor => "golv", _ => "" },
            share.Rate is { } rate ? ExcelCsv.Amount(rate) : "",
            ExcelCsv.Amount(share.Amount),
        ]))];
    }

    private static string KeyName(SharedLine line) => line switch
    {
        PerCapitaLine => "per invånare",
        EqualSplitLine => "lika delar",
        _ => "folkmängd",
    };

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tenths of a per cent with a decimal comma (<c>57,4</c>), as the budget and the API show the key.</summary>
    private static string Percent(long perMille) => (perMille / 10).ToString(CultureInfo.InvariantCulture) + "," + (perMille % 10).ToString(CultureInfo.InvariantCulture);
}
