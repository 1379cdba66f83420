using Invoicing.Payments.BankFiles;

using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

/// <summary>Bankgirot's published BgMax example (MIT licence alongside it), byte for byte as published.</summary>
public sealed class BgMaxExampleFileTests
{
    private const string FileName = "bgmax-bankgirot-example.txt";
    private const string Bankgiro = "9912346";
    private static readonly DateOnly PaymentDate = new(2004, 5, 25);

    private static byte[] Content => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "bank-files", FileName));

    [Fact]
    public void Example_file_has_two_deposits_whose_amounts_are_their_payments_minus_deductions()
    {
        var deposits = BgMaxReader.Read(FileName, Content);

        Assert.Equal(2, deposits.Count);
        Assert.Equal((23, "00074", PaymentDate, new Money(190_000), 3),
            (deposits[0].Line, deposits[0].SerialNumber, deposits[0].PaymentDate, deposits[0].Amount, deposits[0].Entries.Count));
        Assert.Equal((49, "00075", PaymentDate, new Money(800_000), 4),
            (deposits[1].Line, deposits[1].SerialNumber, deposits[1].PaymentDate, deposits[1].Amount, deposits[1].Entries.Count));
        Assert.All(deposits, deposit => Assert.Equal(deposit.Amount, Money.Sum(deposit.Entries.Select(entry => entry.Amount))));
    }

    [Fact]
    public void Example_file_yields_six_payments_and_one_deduction_with_their_references_texts_and_latin1_payer_names()
    {
        var file = BankFileReader.Read(FileName, Content);

        Assert.Equal(BankFileFormat.BgMax, file.Format);
        Assert.Equal(FileName, file.Source);
        string[] kalle = ["Storgatan 2 12345", "Storåker", "org.nr 5500001234"];
        BankEntry[] expected =
        [
            Entry(BankEntryKind.Payment, "000000000010", 100_000, ["655969"], kalle, "Kalles Plåt AB"),
            Entry(BankEntryKind.Deduction, "000230000111", -50_000, ["89853"], kalle, "Kalles Plåt AB"),
            Entry(BankEntryKind.Payment, "000000000014", 140_000, ["657866", "658765", "657767", "657965"], ["Betalning med extra refnr 657965", .. kalle], "Kalles Plåt AB"),
            Entry(BankEntryKind.Payment, "000000000012", 110_000, ["650861"], ["Lillagatan 3 12345", "Storåker", "org.nr 5500004322"], "Olles färg AB"),
            Entry(BankEntryKind.Payment, "000000000013", 120_000, [], ["Storgatan 10 12345", "Storåker", "org.nr 5500002222"], "Berits Garn"),
            Entry(BankEntryKind.Payment, "000000000016", 70_000, ["659763"], ["Storgatan 10 12345", "Storåker", "org.nr 5500002222"], "Berits Garn"),
            Entry(BankEntryKind.Payment, "000000000016", 500_000, ["658260", "658369", "658468"], ["Faktura 658369", "Faktura 658468", .. kalle], "Kalles Plåt AB"),
        ];
        Assert.Equal(expected, file.Entries.Select(entry => entry with { Key = "" }));
        Assert.Equal(new Money(990_000), Money.Sum(file.Entries.Select(entry => entry.Amount)));
    }

    [Fact]
    public void Two_payments_with_one_serial_number_are_two_entries_with_their_own_keys()
    {
        var entries = BankFileReader.Read(FileName, Content).Entries;

        Assert.Equal(7, entries.Select(entry => entry.Key).Distinct().Count());
        Assert.Equal(entries.Select(entry => entry.Key), BankFileReader.Read("renamed.txt", Content).Entries.Select(entry => entry.Key));
    }

    private static BankEntry Entry(BankEntryKind kind, string serialNumber, long ore, string[] references, string[] texts, string payerName) => new()
    {
        Kind = kind,
        EntryReference = $"bgmax:{Bankgiro}:20040525:{serialNumber}",
        Amount = new Money(ore),
        BookingDate = PaymentDate,
        References = references,
        Texts = texts,
        PayerName = payerName,
        ReceivingAccount = Bankgiro,
    };
}
