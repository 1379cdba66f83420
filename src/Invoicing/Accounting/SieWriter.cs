using System.Globalization;
using System.Text;
using Invoicing.Parties;

namespace Invoicing.Accounting;

/// <summary>
/// Writes an <see cref="SieFile"/> as SIE 4 type 4I (the SIE group's format 4B): a transaction file that an invoicing
/// system gives the accounting system to import — vouchers only, no balances (<c>#IB</c>, <c>#UB</c>, <c>#RES</c>
/// belong to type 4E, an accounting system's export of its whole year). Identification posts come first (the
/// chart type <c>#KPTYP</c> among them), then the accounts used, the party dimension and its objects when
/// configured, then one <c>#VER</c> per voucher with its <c>#TRANS</c> rows. A voucher's number is left empty
/// (<c>""</c>): the importing system numbers it in its own series. <c>#FORMAT PC8</c> means IBM code page 437 —
/// what Swedish accounting systems expect; a character it lacks becomes '?'. Texts are always quoted, with
/// <c>\"</c> and <c>\\</c> inside; lines end in CR LF; amounts are invariant with a point and two decimals.
/// </summary>
public static class SieWriter
{
    /// <summary>IBM PC code page 437, registered from the framework's code-pages provider once.</summary>
    public static Encoding Pc8 { get; } = CreatePc8();

    public const string ProgramName = "Invoicing";

    public const string ProgramVersion = "1.0";

    public static byte[] Write(SieFile file)
    {
        var text = new StringBuilder();
        Line(text, "#FLAGGA 0");
        Line(text, $"#PROGRAM {Quote(ProgramName)} {Quote(ProgramVersion)}");
        Line(text, "#FORMAT PC8");
        Line(text, $"#GEN {Date(file.GeneratedOn)}");
        // Type 4 without balances is 4I; the file names its period, since it carries no more than that.
        Line(text, "#SIETYP 4");
        Line(text, $"#PROSA {Quote($"Verifikationer {IsoDate.Format(file.Period.From)} till {IsoDate.Format(file.Period.To)}")}");
        Line(text, $"#ORGNR {file.OrganisationNumber}");
        Line(text, $"#FNAMN {Quote(file.CompanyName)}");
        Line(text, $"#RAR 0 {Date(file.Period.FiscalYearStart)} {Date(file.Period.FiscalYearEnd)}");
        Line(text, $"#KPTYP {file.Chart.ChartType}");
        Line(text, "#VALUTA SEK");

        var chart = file.Chart;
        foreach (var account in file.AccountsUsed)
        {
            Line(text, $"#KONTO {account.Number} {Quote(account.Name)}");
            Line(text, $"#KTYP {account.Number} {AccountType(account, chart)}");
        }

        var usedParties = file.Vouchers.SelectMany(v => v.Rows).Where(r => r.Party is not null).Select(r => r.Party!.Value).Distinct().Order().ToArray();
        if (chart.PartyDimension is { } dimension)
        {
            Line(text, $"#DIM {Number(dimension)} {Quote(chart.PartyDimensionName)}");
            foreach (var party in usedParties)
            {
                Line(text, $"#OBJEKT {Number(dimension)} {Quote(party.Value)} {Quote(file.Parties.GetValueOrDefault(party, party.Value))}");
            }
        }

        foreach (var voucher in file.Vouchers)
        {
            Line(text, $"#VER {Quote(voucher.Series)} {Quote("")} {Date(voucher.Date)} {Quote(voucher.Text)}");
            Line(text, "{");
            foreach (var row in voucher.Rows)
            {
                Line(text, $"   #TRANS {row.Account.Number} {Objects(row.Party, chart)} {row.Amount.ToInvariantString()}");
            }

            Line(text, "}");
        }

        return Pc8.GetBytes(text.ToString());
    }

    /// <summary>
    /// A field in quotes; a quote or backslash inside is escaped with a backslash, control characters (a line
    /// break in a name) become spaces, since a post is one line.
    /// </summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static string Objects(PartyCode? party, SieChart chart) =>
        chart.PartyDimension is { } dimension && party is { } code ? $"{{{Number(dimension)} {Quote(code.Value)}}}" : "{}";

    /// <summary><c>T</c> asset, <c>S</c> liability, <c>I</c> income (SIE's <c>#KTYP</c>).</summary>
    private static string AccountType(SieAccount account, SieChart chart) =>
        account.Number == chart.ContributionIncome.Number ? "I"
        : account.Number == chart.RefundsOwed.Number ? "S"
        : "T";

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append("\r\n");

    private static Encoding CreatePc8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437, new EncoderReplacementFallback("?"), DecoderFallback.ExceptionFallback);
    }
}
