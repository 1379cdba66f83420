using System.Text;
using Invoicing.Payments.BankFiles;

using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

public sealed class Camt054ReaderTests
{
    private const string FileName = "camt054-20260303.xml";

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Each_transaction_becomes_an_entry_and_an_ordinary_debit_is_outgoing(int version)
    {
        var file = BankFileReader.Read(FileName, Notification(version).ToBytes());

        Assert.Equal(BankFileFormat.Camt054, file.Format);
        Assert.Equal(FileName, file.Source);
        BankEntry[] expected =
        [
            Entry(BankEntryKind.Payment, "BANK-0001-TX", 4_303_500, "2026-03-02", ["1234567897"], [], "Västerås stad"),
            Entry(BankEntryKind.Payment, "BANK-0002", 10_025, "2026-03-02", ["5555555555"], [], "Arboga kommun"),
            Entry(BankEntryKind.Payment, "BANK-0002", 20_025, "2026-03-02", ["98765432101"], [], "Köpings kommun"),
            Entry(BankEntryKind.Outgoing, "BANK-0003", -9_900, "2026-03-02", [], [], null),
            Entry(BankEntryKind.Payment, "NTRY-4", 1_234_567_890, "2026-03-03", [], ["Faktura 2026-0042"], "Region Uppsala"),
            Entry(BankEntryKind.Payment, "BANK-0005", 1, "2026-03-02", [], [], null),
        ];
        Assert.Equal(expected, file.Entries.Select(e => e with { Key = "" }));
        Assert.Equal(6, file.Entries.Select(e => e.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Only_a_debit_the_bank_marks_as_a_reversal_takes_a_payment_back_in_every_version(int version)
    {
        var content = new Camt054Builder(version)
            .Entry(new CamtEntry("12500.00", Indicator: "DBIT", AccountServicerReference: "SUPPLIER-1", Family: "ICDT", SubFamily: "DMCT",
                Transactions: [new("12500.00", Ocr: "1234567897", Creditor: "Leverantören AB", Indicator: "DBIT")]))
            .Entry(new CamtEntry("500.00", Indicator: "DBIT", AccountServicerReference: "REVERSAL-1", Reversal: true,
                Transactions: [new("500.00", Ocr: "98765432101", Indicator: "DBIT")]))
            .Entry(new CamtEntry("300.00", Indicator: "DBIT", AccountServicerReference: "RETURN-1", SubFamily: "RRTN",
                Transactions: [new("300.00", Ocr: "5555555555", Indicator: "DBIT")]))
            .ToBytes();

        var entries = BankFileReader.Read(FileName, content).Entries;

        Assert.Equal(
            [(BankEntryKind.Outgoing, new Money(-1_250_000), "Leverantören AB"), (BankEntryKind.Reversal, new Money(-50_000), null), (BankEntryKind.Reversal, new Money(-30_000), null)],
            entries.Select(e => (e.Kind, e.Amount, e.PayerName)));
        Assert.Equal(["1234567897"], entries[0].References);
    }

    [Fact]
    public void A_credit_marked_as_a_reversal_is_a_returned_debit_not_a_payment()
    {
        var content = new Camt054Builder(8)
            .Entry(new CamtEntry("250.00", AccountServicerReference: "BACK-1", Reversal: true, Transactions: [new(Ocr: "1234567897")]))
            .ToBytes();

        Assert.Equal(BankEntryKind.ReturnedDebit, Assert.Single(BankFileReader.Read(FileName, content).Entries).Kind);
    }

    [Fact]
    public void Pending_and_information_entries_are_read_as_such_and_an_outgoing_batch_that_cannot_be_split_is_listed_whole()
    {
        var content = new Camt054Builder(8)
            .Entry(new CamtEntry("50.00", AccountServicerReference: "PENDING-1", Status: "PDNG", Transactions: [new(Ocr: "1234567897")]))
            .Entry(new CamtEntry("75.00", AccountServicerReference: "INFO-1", Status: "INFO"))
            .Entry(new CamtEntry("900.00", Indicator: "DBIT", AccountServicerReference: "BATCH-1", Family: "ICDT", Transactions:
            [
                new("40.00", Currency: "EUR", Ocr: "1234567897", Indicator: "DBIT"),
                new("50.00", Currency: "EUR", Ocr: "98765432101", Indicator: "DBIT"),
            ]))
            .CreditTotals("2", "125.00")
            .ToBytes();

        var entries = BankFileReader.Read(FileName, content).Entries;

        Assert.Equal(
            [(BankEntryKind.Pending, new Money(5_000)), (BankEntryKind.Information, new Money(7_500)), (BankEntryKind.Outgoing, new Money(-90_000))],
            entries.Select(e => (e.Kind, e.Amount)));
        Assert.Equal(["1234567897", "98765432101"], entries[2].References);
    }

    [Fact]
    public void A_reused_bank_reference_with_another_amount_is_another_entry()
    {
        var builder = new Camt054Builder(8)
            .Entry(new CamtEntry("1500.00", AccountServicerReference: "1", Transactions: [new(Ocr: "1234567897")]))
            .Entry(new CamtEntry("2000.00", AccountServicerReference: "1", Transactions: [new(Ocr: "1234567897")]));

        var entries = BankFileReader.Read(FileName, builder.ToBytes()).Entries;

        Assert.Equal(2, entries.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void A_batch_delivered_again_with_its_transactions_in_another_order_keeps_every_key()
    {
        CamtTransaction[] transactions =
        [
            new("1500.00", Ocr: "1234567897", Debtor: "Arboga kommun"),
            new("1500.00", Ocr: "98765432101", Debtor: "Köpings kommun"),
            new("1500.00", Ocr: "98765432101", Debtor: "Köpings kommun"),
        ];
        var first = new Camt054Builder(8).Entry(new CamtEntry("4500.00", AccountServicerReference: "BATCH-7", Transactions: transactions));
        var again = new Camt054Builder(8).Entry(new CamtEntry("4500.00", AccountServicerReference: "BATCH-7", Transactions: [transactions[2], transactions[0], transactions[1]]));

        var keys = BankFileReader.Read(FileName, first.ToBytes()).Entries.Select(e => e.Key).ToList();
        var keysAgain = BankFileReader.Read(FileName, again.ToBytes()).Entries.Select(e => e.Key).ToList();

        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(keys.Order(), keysAgain.Order());
    }

    [Fact]
    public void Several_structured_references_are_kept_in_the_order_given()
    {
        var builder = new Camt054Builder(8).Entry(new CamtEntry("100.00", AccountServicerReference: "MULTI-1",
            Transactions: [new(Ocr: "98765432101", MoreOcrs: ["1234567897", "98765432101"])]));

        Assert.Equal(["98765432101", "1234567897"], Assert.Single(BankFileReader.Read(FileName, builder.ToBytes()).Entries).References);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(13)]
    public void Every_version_from_02_on_is_read(int version)
    {
        Assert.Equal(6, BankFileReader.Read(FileName, Notification(version).ToBytes()).Entries.Count);
    }

    [Fact]
    public void Version_01_is_refused()
    {
        AssertRefused(Notification(1).ToBytes(), "camt.054.001.01 is not read");
    }

    [Fact]
    public void Credit_in_another_currency_than_SEK_refuses_the_file()
    {
        var builder = Notification(8).Entry(new CamtEntry("10.00", AccountServicerReference: "BANK-0006", Currency: "EUR"));

        AssertRefused(builder.ToBytes(), "Ntfctn/Ntry[6]/Amt (line ", "currency 'EUR'");
    }

    [Fact]
    public void Batched_transactions_must_sum_to_the_entry_amount()
    {
        var builder = new Camt054Builder(8).Entry(new CamtEntry("300.00", AccountServicerReference: "BANK-0001",
            Transactions: [new CamtTransaction("100.00", Ocr: "1234567897"), new CamtTransaction("100.00", Ocr: "5555555555")]));

        AssertRefused(builder.ToBytes(), "Ntfctn/Ntry/Amt (line ", "300.00 but its 2 transactions (TxDtls) sum to 200.00");
    }

    [Theory]
    [InlineData("5", "12389014.41", "TtlCdtNtries/NbOfNtries", "states 5 credit entries but the notification has 4")]
    [InlineData("4", "12389014.40", "TtlCdtNtries/Sum", "states 12389014.40 but the credit entries sum to 12389014.41")]
    public void Credit_totals_of_the_summary_must_match_the_credit_entries(string count, string sum, string path, string problem)
    {
        var builder = Notification(8).CreditTotals(count, sum);

        AssertRefused(builder.ToBytes(), path, problem);
    }

    [Fact]
    public void Credit_of_zero_is_refused()
    {
        var builder = new Camt054Builder(8).Entry(new CamtEntry("0.00", AccountServicerReference: "BANK-0001"));

        AssertRefused(builder.ToBytes(), "Ntry/Amt", "an amount of zero");
    }

    [Fact]
    public void Amount_with_three_decimals_is_refused()
    {
        var builder = new Camt054Builder(8).Entry(new CamtEntry("10.005", AccountServicerReference: "BANK-0001"));

        AssertRefused(builder.ToBytes(), "Ntry/Amt", "'10.005' is not an amount");
    }

    [Fact]
    public void Truncated_XML_is_refused_with_its_line_and_position()
    {
        var xml = Notification(8).ToXml();

        AssertRefused(Encoding.UTF8.GetBytes(xml[..(xml.Length / 2)]), "not well-formed XML (line ");
    }

    [Fact]
    public void Malformed_XML_is_refused_with_its_line_and_position()
    {
        var xml = "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">\n<Ntfctn></Ntry>\n</Document>";

        AssertRefused(Encoding.UTF8.GetBytes(xml), "not well-formed XML (line 3, position ");
    }

    [Fact]
    public void Document_type_declarations_are_refused_so_no_entity_is_ever_resolved()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n" +
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">&secret;</Document>";

        AssertRefused(Encoding.UTF8.GetBytes(xml), "not well-formed XML", "DTD");
    }

    [Fact]
    public void Account_statement_camt053_is_refused_naming_what_it_is()
    {
        var builder = new Camt054Builder(2) { Message = "camt.053" }.Entry(new CamtEntry("10.00", AccountServicerReference: "BANK-0001"));

        AssertRefused(builder.ToBytes(), "an ISO 20022 camt.053.001.02 document, not a camt.054 notification");
    }

    [Fact]
    public void Entry_without_any_bank_reference_is_refused_since_a_re_import_could_not_be_recognised()
    {
        var builder = new Camt054Builder(8).Entry(new CamtEntry("10.00", Transactions: [new CamtTransaction(Ocr: "1234567897")]));

        AssertRefused(builder.ToBytes(), "Ntfctn/Ntry/NtryDtls/TxDtls (line ", "has no bank reference");
    }

    /// <summary>
    /// Four credit entries (one batching two transactions, one without any payment reference) and a debit; the
    /// credits sum to 12 389 014,41 kr.
    /// </summary>
    internal static Camt054Builder Notification(int version) =>
        new Camt054Builder(version)
            .CreditTotals("4", "12389014.41")
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "BANK-0001",
                Transactions: [new CamtTransaction("43035.00", "BANK-0001-TX", Ocr: "1234567897", Debtor: "Västerås stad")]))
            .Entry(new CamtEntry("300.50", AccountServicerReference: "BANK-0002",
                Transactions:
                [
                    new CamtTransaction("100.25", Ocr: "5555555555", Debtor: "Arboga kommun"),
                    new CamtTransaction("200.25", Ocr: "98765432101", Debtor: "Köpings kommun"),
                ]))
            .Entry(new CamtEntry("99.00", Indicator: "DBIT", AccountServicerReference: "BANK-0003"))
            .Entry(new CamtEntry("12345678.9", EntryReference: "NTRY-4", BookingDate: "2026-03-03T09:15:00+01:00", BookingDateWithTime: true,
                Transactions: [new CamtTransaction(Unstructured: "Faktura 2026-0042", Debtor: "Region Uppsala")]))
            .Entry(new CamtEntry("0.01", AccountServicerReference: "BANK-0005"));

    private static void AssertRefused(byte[] content, params string[] expectedWords)
    {
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, content));

        Assert.StartsWith(FileName, error.Message, StringComparison.Ordinal);
        Assert.All(expectedWords, word => Assert.Contains(word, error.Message, StringComparison.Ordinal));
        SwedishRefusals.AssertSwedish(error, FileName);
    }

    [Fact]
    public void A_pending_credit_counts_in_the_notification_totals()
    {
        var content = new Camt054Builder(8)
            .Entry(new CamtEntry("100.00", AccountServicerReference: "BOOKED-1", Transactions: [new(Ocr: "1234567897")]))
            .Entry(new CamtEntry("50.00", AccountServicerReference: "PENDING-1", Status: "PDNG", Transactions: [new(Ocr: "1234567897")]))
            .CreditTotals("2", "150.00")
            .ToBytes();

        var file = BankFileReader.Read(FileName, content);

        Assert.Equal([BankEntryKind.Payment, BankEntryKind.Pending], file.Entries.Select(e => e.Kind));
    }

    private static BankEntry Entry(BankEntryKind kind, string reference, long ore, string date, string[] references, string[] texts, string? payer) => new()
    {
        Kind = kind,
        EntryReference = "camt:" + reference,
        Amount = new Money(ore),
        BookingDate = IsoDate.Parse(date),
        References = references,
        Texts = texts,
        PayerName = payer,
        ReceivingAccount = Camt054Builder.Iban,
    };
}
