using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

/// <summary>
/// A bank file refused is told in Swedish for the pages, naming the same file, line or element (and its line and
/// position), field and values as the English the terminal shows.
/// </summary>
public sealed class BankFileSwedishTests
{
    [Fact]
    public void A_file_of_neither_format_is_refused_in_Swedish_naming_the_file()
    {
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("payments.xml", "hej"u8.ToArray()));

        SwedishRefusals.AssertSwedish(error, "payments.xml", "'01BGMAX'");
        Assert.Equal("payments.xml: inte en camt.054- eller BgMax-fil (varken XML eller en första post som börjar med '01BGMAX').", error.SwedishMessage);
    }

    [Fact]
    public void An_empty_BgMax_file_is_refused_in_Swedish()
    {
        var error = Assert.Throws<BankFileException>(() => BgMaxReader.Read("BGMAX.txt", []));

        SwedishRefusals.AssertSwedish(error, "BGMAX.txt");
        Assert.Equal("BGMAX.txt: är tom.", error.SwedishMessage);
    }

    [Fact]
    public void A_BgMax_deposit_that_disagrees_with_its_payments_is_refused_in_Swedish_naming_the_line_record_field_columns_and_amounts()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346").Payment("1234567897", 10_000, "000000000001")
            .Deposit("20260301", "00001", amountOre: 9_999).End().ToLatin1();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("BGMAX.txt", content));

        SwedishRefusals.AssertSwedish(error, "BGMAX.txt", "TK15", "51-68", "99.99", "100.00");
        Assert.Equal("BGMAX.txt, line 4, TK15 deposit amount (columns 51-68): 99.99 but its payments minus deductions sum to 100.00.", error.Message);
        Assert.Equal("BGMAX.txt, rad 4, TK15 insättningsbelopp (kolumn 51-68): 99.99 men dess betalningar minus avdrag summerar till 100.00.", error.SwedishMessage);
    }

    [Fact]
    public void A_BgMax_record_out_of_place_is_refused_in_Swedish_naming_its_record_type()
    {
        var content = new BgMaxBuilder().Start().Payment("1234567897", 100_000, "000000000010").ToLatin1();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("BGMAX.txt", content));

        Assert.Equal("BGMAX.txt, rad 2, TK20 posttyp: måste komma mellan en TK05-öppningspost och dess TK15-insättningspost.", error.SwedishMessage);
        SwedishRefusals.AssertSwedish(error, "BGMAX.txt, ", "TK20");
    }

    [Fact]
    public void A_camt_element_in_error_is_named_in_Swedish_with_the_same_path_line_and_position()
    {
        var content = new Camt054Builder(8).Entry(new CamtEntry("10.00", AccountServicerReference: "B-1", Currency: "EUR")).ToBytes();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("camt.xml", content));

        var at = Regex.Match(error.Message, @"^camt\.xml, (?<path>\S+) \(line (?<line>\d+), position (?<position>\d+)\): ");
        Assert.True(at.Success, error.Message);
        Assert.Equal($"camt.xml, {at.Groups["path"].Value} (rad {at.Groups["line"].Value}, position {at.Groups["position"].Value}): valuta 'EUR'; bara betalningar i SEK läses in.",
            error.SwedishMessage);
        Assert.EndsWith("/Ntry/Amt", at.Groups["path"].Value, StringComparison.Ordinal);
        SwedishRefusals.AssertSwedish(error, "camt.xml", "'EUR'", "SEK");
    }

    [Fact]
    public void A_camt_message_not_read_is_refused_in_Swedish_naming_it()
    {
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("camt.xml", Camt054ReaderTests.Notification(1).ToBytes()));

        Assert.Equal("camt.xml: camt.054.001.01 läses inte in; camt.054.001.02 eller senare gör det.", error.SwedishMessage);
        SwedishRefusals.AssertSwedish(error, "camt.054.001.01");
    }

    [Fact]
    public void XML_that_is_not_well_formed_is_refused_in_Swedish_with_its_line_and_position()
    {
        var xml = "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">\n<Ntfctn></Ntry>\n</Document>";

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("camt.xml", Encoding.UTF8.GetBytes(xml)));

        Assert.Matches(@"^camt\.xml: inte välformad XML \(rad 3, position \d+\)\.$", error.SwedishMessage);
        Assert.Contains("'Ntry'", error.Message, StringComparison.Ordinal);
        SwedishRefusals.AssertSwedish(error, "camt.xml");
    }
}
