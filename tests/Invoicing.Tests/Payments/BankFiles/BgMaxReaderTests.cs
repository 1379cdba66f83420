using System.Text;
using Invoicing.Payments.BankFiles;

using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

public sealed class BgMaxReaderTests
{
    private const string FileName = "BGMAX-20260303.txt";

    [Fact]
    public void Payments_belong_to_the_deposit_after_them_and_are_booked_on_its_payment_date()
    {
        var file = BankFileReader.Read(FileName, TwoDeposits().End().ToLatin1());

        Assert.Equal(BankFileFormat.BgMax, file.Format);
        BankEntry[] expected =
        [
            Entry(BankEntryKind.Payment, "9912346:20260302:000000000101", 4_303_500, "2026-03-02", ["1234567897"], ["Stadshuset 72187"], "Västerås stad", "9912346"),
            Entry(BankEntryKind.Payment, "9912346:20260302:000000000102", 1_250_050, "2026-03-02", ["98765432101", "5555555555"], ["Två fakturor"], "Arboga kommun", "9912346"),
            Entry(BankEntryKind.Deduction, "9912346:20260302:000000000103", -100_000, "2026-03-02", ["1234567897"], [], "Västerås stad", "9912346"),
            Entry(BankEntryKind.Payment, "50501055:20260303:000000000201", 7_500_000, "2026-03-03", ["4444444444"], [], "Åsa Öberg", "50501055"),
        ];
        Assert.Equal(expected, file.Entries.Select(e => e with { Key = "" }));
    }

    [Fact]
    public void Extra_references_TK22_and_TK23_follow_the_payments_own_in_file_order_each_once()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("20260000110 20260000219", 1_000_000, "000000000001").ExtraReference("20260000219", "000000000001")
            .ExtraReference("20260000318", "000000000001", recordType: "23")
            .Deposit("20260302", "00001")
            .End(extraReferences: 2)
            .ToLatin1();

        var entry = Assert.Single(BankFileReader.Read(FileName, content).Entries);

        Assert.Equal(["20260000110", "20260000219", "20260000318"], entry.References);
    }

    [Theory]
    [InlineData("Faktura 658369", new[] { "Faktura 658369" })]
    [InlineData("20260001415", new[] { "20260001415" })]
    [InlineData("657866 658765 657767", new[] { "657866", "658765", "657767" })]
    [InlineData("", new string[0])]
    public void A_reference_field_of_several_numbers_names_several_invoices_and_anything_else_is_one_reference(string field, string[] references)
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(field, 100_000, "000000000001")
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();

        Assert.Equal(references, Assert.Single(BankFileReader.Read(FileName, content).Entries).References);
    }

    [Fact]
    public void Information_names_addresses_and_organisation_numbers_are_kept_as_texts_of_the_payment_before_them()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("", 145_593_00, "000000000001").Information("faktura nr 202600145").Information("avser 2026")
            .Name("Sala kommun").Name("Ekonomikontoret").Address("Box 304", "73325")
            .Line("28Sala".PadRight(80)).Line("29002120002080".PadRight(80))
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();

        var entry = Assert.Single(BankFileReader.Read(FileName, content).Entries);

        Assert.Equal("Sala kommun", entry.PayerName);
        Assert.Equal(["faktura nr 202600145", "avser 2026", "Ekonomikontoret", "Box 304 73325", "Sala", "org.nr 2120002080"], entry.Texts);
        Assert.Null(entry.Reference);
    }

    [Fact]
    public void Lines_may_end_in_LF_lose_their_trailing_padding_and_be_followed_by_blank_lines()
    {
        var text = Encoding.Latin1.GetString(TwoDeposits().End().ToLatin1());
        var shortened = string.Join("\n", text.Split("\r\n").Select(line => line.TrimEnd())) + "\n  \n";

        var file = BankFileReader.Read(FileName, Encoding.Latin1.GetBytes(shortened));

        Assert.Equal(4, file.Entries.Count);
    }

    [Fact]
    public void A_tab_in_padding_stands_for_spaces_up_to_the_next_multiple_of_eight_columns()
    {
        var text = Encoding.Latin1.GetString(new BgMaxBuilder().Start().Opening("9912346")
            .Payment("655969".PadLeft(25), 100_000, "000000000010").Deposit("20260302", "00001").End().ToLatin1());
        var lines = text.Split("\r\n");
        lines[2] = lines[2][..12] + "\t\t" + lines[2][24..];

        var entry = Assert.Single(BankFileReader.Read(FileName, Encoding.Latin1.GetBytes(string.Join("\r\n", lines))).Entries);

        Assert.Equal(("655969", new Money(100_000)), (entry.Reference, entry.Amount));
    }

    [Fact]
    public void Deposit_amount_must_be_its_payments_minus_its_deductions()
    {
        var content = TwoDeposits(firstDepositOre: 5_553_550).End().ToLatin1();

        AssertRefused(content, line: 12, "deposit amount", "55535.50", "54535.50");
    }

    [Fact]
    public void Deposit_count_must_be_its_number_of_payment_and_deduction_records()
    {
        var content = TwoDeposits(firstDepositCount: 2).End().ToLatin1();

        AssertRefused(content, line: 12, "number of payments", "2", "3 payment and deduction records");
    }

    [Theory]
    [InlineData(2, null, null, null, "number of payment records")]
    [InlineData(null, 0, null, null, "number of deduction records")]
    [InlineData(null, null, 2, null, "number of extra reference records")]
    [InlineData(null, null, null, 1, "number of deposit records")]
    public void End_record_counters_must_equal_the_records_in_the_file(int? payments, int? deductions, int? extraReferences, int? deposits, string field)
    {
        var content = TwoDeposits().End(payments, deductions, extraReferences, deposits).ToLatin1();

        AssertRefused(content, line: 17, field);
    }

    [Fact]
    public void File_that_ends_without_its_end_record_is_truncated()
    {
        AssertRefused(TwoDeposits().ToLatin1(), line: 16, "truncated");
    }

    [Fact]
    public void Record_after_the_end_record_is_refused()
    {
        AssertRefused(TwoDeposits().End().Name("Efter slutet").ToLatin1(), line: 18, "after the TK70");
    }

    [Fact]
    public void Unknown_record_type_is_refused()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("1234567897", 100_000, "000000000010").Line("30" + new string(' ', 78))
            .Deposit("20260302", "00001").End().ToLatin1();

        AssertRefused(content, line: 4, "unknown record type '30'");
    }

    [Fact]
    public void Amount_that_is_not_all_digits_is_refused()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .PaymentWithAmountField("1234567897", "00000000000010000O", "000000000010")
            .Deposit("20260302", "00001", amountOre: 100_000).End().ToLatin1();

        AssertRefused(content, line: 3, "amount (columns 38-55)", "not all digits");
    }

    [Fact]
    public void File_re_saved_as_UTF8_is_refused_at_its_first_non_ASCII_line()
    {
        AssertRefused(TwoDeposits().End().ToUtf8(), line: 4, "UTF-8");
    }

    [Fact]
    public void Control_character_is_refused()
    {
        var content = TwoDeposits().End().ToLatin1();
        content[82 + 82 + 20] = 0x1A;

        AssertRefused(content, line: 3, "control character 0x1A");
    }

    [Fact]
    public void Payment_before_any_opening_record_is_refused()
    {
        var content = new BgMaxBuilder().Start().Payment("1234567897", 100_000, "000000000010").ToLatin1();

        AssertRefused(content, line: 2, "TK05");
    }

    /// <summary>
    /// Lines: 1 TK01, 2 TK05, 3 TK20, 4 TK26, 5 TK27, 6 TK20, 7 TK22, 8 TK25, 9 TK26, 10 TK21, 11 TK26,
    /// 12 TK15, 13 TK05, 14 TK20, 15 TK26, 16 TK15; a test adds the TK70 as line 17.
    /// </summary>
    private static BgMaxBuilder TwoDeposits(long? firstDepositOre = null, int? firstDepositCount = null) =>
        new BgMaxBuilder().Start()
            .Opening("9912346")
            .Payment("1234567897", 4_303_500, "000000000101").Name("Västerås stad").Address("Stadshuset", "72187")
            .Payment("98765432101", 1_250_050, "000000000102", senderBankgiro: "0056781234").ExtraReference("5555555555", "000000000102")
            .Information("Två fakturor").Name("Arboga kommun")
            .Deduction("1234567897", 100_000, "000000000103").Name("Västerås stad")
            .Deposit("20260302", "00001", firstDepositOre, firstDepositCount)
            .Opening("50501055")
            .Payment("4444444444", 7_500_000, "000000000201").Name("Åsa Öberg")
            .Deposit("20260303", "00002");

    private static void AssertRefused(byte[] content, int line, params string[] expectedWords)
    {
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, content));

        Assert.StartsWith($"{FileName}, line {line}, ", error.Message, StringComparison.Ordinal);
        Assert.All(expectedWords, word => Assert.Contains(word, error.Message, StringComparison.Ordinal));
        Assert.StartsWith($"{FileName}, rad {line}, ", error.SwedishMessage, StringComparison.Ordinal);
        SwedishRefusals.AssertSwedish(error, FileName);
    }

    [Fact]
    public void A_test_file_from_Bankgirot_is_refused()
    {
        var content = new BgMaxBuilder().Line("01BGMAX               0120260302061500123456T" + new string(' ', 35)).Opening("9912346")
            .Payment("1234567897", 100_000, "000000000001")
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("BGMAX.txt", content));

        Assert.Contains("BGMAX.txt, line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("test file", error.Message, StringComparison.Ordinal);
        Assert.Equal("BGMAX.txt, rad 1, TK01 testmarkering (kolumn 45-45): 'T': det här är en testfil från Bankgirot, inte verkliga betalningar; inget läses in.", error.SwedishMessage);
    }

    private static BankEntry Entry(BankEntryKind kind, string reference, long ore, string date, string[] references, string[] texts, string payer, string account) => new()
    {
        Kind = kind,
        EntryReference = "bgmax:" + reference,
        Amount = new Money(ore),
        BookingDate = IsoDate.Parse(date),
        References = references,
        Texts = texts,
        PayerName = payer,
        ReceivingAccount = account,
    };
}
