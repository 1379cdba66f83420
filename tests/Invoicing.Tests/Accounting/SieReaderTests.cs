using System.Text;
using Invoicing.Testing.Sie;

namespace Invoicing.Tests.Accounting;

/// <summary>
/// The test reader against files written by hand from the SIE 4B specification, not by the product: what it accepts,
/// what it refuses, and how it tells 4I from 4E.
/// </summary>
public sealed class SieReaderTests
{
    private const string Head = """
        #FLAGGA 0
        #PROGRAM "Handskrivet" 1.0
        #FORMAT PC8
        #GEN 20270201
        #SIETYP 4
        #FNAMN "Övningsbolaget AB"
        #RAR 0 20270101 20271231
        #KPTYP BAS96
        """;

    private const string Voucher = """
        #VER A "" 20270108 "Inbetalning kund"
        {
        	#TRANS 1930 {} 250
        	#TRANS 1510 {1 "17" 6 "P1"} -250.00 20270108 "rad med text"
        }
        """;

    [Fact]
    public void The_pc8_table_is_ibm_code_page_437_for_every_byte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var every = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

        Assert.Equal(Encoding.GetEncoding(437).GetString(every), SieReader.DecodePc8(every));
    }

    [Fact]
    public void A_type_4_file_of_vouchers_only_is_4I_with_tabs_and_unquoted_and_whole_amounts_read_as_the_specification_allows()
    {
        var sie = SieReader.Read(Pc8(Head + "\n" + Voucher));

        Assert.Equal("4I", sie.Type);
        var voucher = Assert.Single(sie.Vouchers);
        Assert.Equal(("A", "", new DateOnly(2027, 1, 8), "Inbetalning kund"), (voucher.Series, voucher.Number, voucher.Date, voucher.Text));
        Assert.Equal([("1930", 250_00L), ("1510", -250_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal([("1", "17"), ("6", "P1")], voucher.Rows[1].Objects);
        Assert.Equal("Övningsbolaget AB", sie.Post("#FNAMN")[0]);
    }

    [Fact]
    public void Type_4_with_the_years_balances_is_4E_and_must_have_all_of_IB_UB_and_RES()
    {
        const string Balances = "#KONTO 1930 Bank\n#IB 0 1930 100.00\n#UB 0 1930 350.00\n";

        Assert.Equal("4E", SieReader.Read(Pc8(Head + "\n" + Balances + "#RES 0 1930 0.00\n" + Voucher)).Type);
        var e = Assert.Throws<FormatException>(() => SieReader.Read(Pc8(Head + "\n" + Balances + Voucher)));
        Assert.Contains("type 4E has balances, so it needs #RES", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#TRANS 1510 {} -249.00", "SIE line 13: voucher A  Inbetalning kund does not balance: its #TRANS rows sum to 100 öre.")]
    [InlineData("#TRANS 1510 {} -250.001", "'-250.001', is not an amount")]
    [InlineData("#TRANS 1510 {1} -250.00", "an object list holds pairs of a dimension number and an object")]
    [InlineData("#TRANS 15x0 {} -250.00", "'15x0', is not an account number")]
    [InlineData("#TRANSAKTION 1510 {} -250.00", "'#TRANSAKTION' is not a label of SIE 4B")]
    [InlineData("#TRANS 1510 {} -250.00 \"olåst", "a quoted field is not closed")]
    [InlineData("#TRANS 1510 {20 \"X\"} -250.00", "object X of dimension 20, which no #OBJEKT declares")]
    public void A_row_against_the_specification_is_refused_naming_the_rule(string lastRow, string expected)
    {
        var file = Head + "\n" + Voucher.Replace("\t#TRANS 1510 {1 \"17\" 6 \"P1\"} -250.00 20270108 \"rad med text\"", "\t" + lastRow, StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => SieReader.Read(Pc8(file)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#KPTYP BAS96\n", "#KPTYP KOMMUNBAS\n", "#KPTYP is one of BAS95, BAS96, EUBAS97, NE2007")]
    [InlineData("#FLAGGA 0\n", "", "the file starts with #FLAGGA")]
    [InlineData("#FNAMN \"Övningsbolaget AB\"\n", "", "#FNAMN is missing")]
    [InlineData("#FORMAT PC8\n", "#FORMAT UTF8\n", "#FORMAT is PC8")]
    [InlineData("#RAR 0 20270101 20271231\n", "#RAR 0 20260101 20261231\n", "dated 2027-01-08, outside the fiscal year")]
    [InlineData("#GEN 20270201\n", "#GEN 20270201\n#GEN 20270202\n", "#GEN appears twice")]
    public void A_file_against_the_specification_is_refused_naming_the_rule(string post, string replacement, string expected)
    {
        var file = (Head + "\n").Replace(post, replacement, StringComparison.Ordinal) + Voucher;

        var e = Assert.Throws<FormatException>(() => SieReader.Read(Pc8(file)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identification_post_after_the_chart_of_accounts_is_out_of_order()
    {
        var file = Head.Replace("#KPTYP BAS96", "#KONTO 1930 Bank\n#KPTYP BAS96", StringComparison.Ordinal) + "\n" + Voucher;

        var e = Assert.Throws<FormatException>(() => SieReader.Read(Pc8(file)));

        Assert.Contains("#KPTYP belongs before the chart posts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_voucher_without_its_block_or_a_row_outside_one_is_refused()
    {
        Assert.Throws<FormatException>(() => SieReader.Read(Pc8(Head + "\n#VER A \"\" 20270108 \"x\"\n#TRANS 1930 {} 1.00\n")));
        Assert.Throws<FormatException>(() => SieReader.Read(Pc8(Head + "\n#TRANS 1930 {} 1.00\n")));
        Assert.Throws<FormatException>(() => SieReader.Read(Pc8(Head + "\n" + Voucher.TrimEnd('}', '\n'))));
    }

    private static byte[] Pc8(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
