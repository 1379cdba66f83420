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
    public void Example_file_yields_six_payments_and_one_deduction_with_latin1_payer_names()
    {
        var file = BankFileReader.Read(FileName, Content);

        Assert.Equal(BankFileFormat.BgMax, file.Format);
        Assert.Equal(FileName, file.Source);
        BankEntry[] expected =
        [
            Entry("000000000010", 100_000, "655969", "Kalles Plåt AB"),
            Entry("000230000111", -50_000, "89853", "Kalles Plåt AB", isDeduction: true),
            Entry("000000000014", 140_000, "657866 658765 657767", "Kalles Plåt AB"),
            Entry("000000000012", 110_000, "650861", "Olles färg AB"),
            Entry("000000000013", 120_000, null, "Berits Garn"),
            Entry("000000000016", 70_000, "659763", "Berits Garn"),
            Entry("000000000016/2", 500_000, "658260", "Kalles Plåt AB"),
        ];
        Assert.Equal(expected, file.Entries);
        Assert.Equal(new Money(990_000), Money.Sum(file.Entries.Select(entry => entry.Amount)));
    }

    private static BankEntry Entry(string serialNumber, long ore, string? reference, string payerName, bool isDeduction = false) =>
        new($"bgmax:{Bankgiro}:20040525:{serialNumber}", new Money(ore), PaymentDate, reference, payerName, Bankgiro, isDeduction);
}
