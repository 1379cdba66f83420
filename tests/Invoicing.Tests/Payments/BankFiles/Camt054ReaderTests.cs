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
    public void Each_credit_transaction_becomes_an_entry_and_debits_are_skipped(int version)
    {
        var file = BankFileReader.Read(FileName, Notification(version).ToBytes());

        Assert.Equal(BankFileFormat.Camt054, file.Format);
        Assert.Equal(FileName, file.Source);
        var march2 = new DateOnly(2026, 3, 2);
        BankEntry[] expected =
        [
            new("camt:BANK-0001-TX", new Money(4_303_500), march2, "1234567897", "Västerås stad", Camt054Builder.Iban, false),
            new("camt:BANK-0002/1", new Money(10_025), march2, "5555555555", "Arboga kommun", Camt054Builder.Iban, false),
            new("camt:BANK-0002/2", new Money(20_025), march2, "98765432101", "Köpings kommun", Camt054Builder.Iban, false),
            new("camt:NTRY-4", new Money(1_234_567_890), new DateOnly(2026, 3, 3), "Faktura 2026-0042", "Region Uppsala", Camt054Builder.Iban, false),
            new("camt:BANK-0005", new Money(1), march2, null, null, Camt054Builder.Iban, false),
        ];
        Assert.Equal(expected, file.Entries);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(13)]
    public void Every_version_from_02_on_is_read(int version)
    {
        Assert.Equal(5, BankFileReader.Read(FileName, Notification(version).ToBytes()).Entries.Count);
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

        AssertRefused(builder.ToBytes(), "Ntry/Amt", "a credit of zero");
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

    [Fact]
    public void The_same_bank_reference_twice_in_a_file_is_refused()
    {
        var builder = new Camt054Builder(8)
            .Entry(new CamtEntry("10.00", AccountServicerReference: "BANK-0001"))
            .Entry(new CamtEntry("20.00", AccountServicerReference: "BANK-0001"));

        AssertRefused(builder.ToBytes(), "Ntfctn/Ntry[2] (line ", "'camt:BANK-0001' occurs twice");
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
    }

    [Fact]
    public void A_pending_credit_is_not_booked_but_counts_in_the_notification_totals()
    {
        var content = new Camt054Builder(8)
            .Entry(new CamtEntry("100.00", AccountServicerReference: "BOOKED-1", Transactions: [new(Ocr: "1234567897")]))
            .Entry(new CamtEntry("50.00", AccountServicerReference: "PENDING-1", Status: "PDNG", Transactions: [new(Ocr: "1234567897")]))
            .CreditTotals("2", "150.00")
            .ToBytes();

        var file = BankFileReader.Read(FileName, content);

        Assert.Equal(["camt:BOOKED-1"], file.Entries.Select(e => e.EntryReference));
    }
}
