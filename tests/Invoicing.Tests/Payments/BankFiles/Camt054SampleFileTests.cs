using System.Text;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

/// <summary>
/// The camt.054 sample shaped like the ISO 20022 message examples (TestData/bank-files/README.md): an ordinary debit
/// that quotes a structured reference, and a batch of supplier payments partly in euro, are money paid out; only the
/// entry the bank marks as a reversal takes a payment back; the file is read whole in every version's namespace.
/// </summary>
public sealed class Camt054SampleFileTests
{
    [Theory]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("04")]
    [InlineData("05")]
    [InlineData("06")]
    [InlineData("07")]
    [InlineData("08")]
    public void The_sample_is_read_alike_in_every_version_from_02_to_08(string version)
    {
        var text = PublishedBankFiles.Camt054SampleText().Replace("camt.054.001.08", $"camt.054.001.{version}", StringComparison.Ordinal);

        var file = BankFileReader.Read(PublishedBankFiles.Camt054Sample, Encoding.UTF8.GetBytes(text));

        (BankEntryKind, long, string?)[] expected =
        [
            (BankEntryKind.Payment, 175_600, "20260000219"),
            (BankEntryKind.Payment, 1_200_000, "12345678903"),
            (BankEntryKind.Payment, 4_982_500, "20260000615 20260000110"),
            (BankEntryKind.Outgoing, -1_250_000, "4600132457 RF18539007547034"),
            (BankEntryKind.Reversal, -260_900, "20260001019"),
            (BankEntryKind.Outgoing, -250_000, null),
            (BankEntryKind.Pending, 500_000, null),
        ];
        Assert.Equal(expected, file.Entries.Select(e => (e.Kind, e.Amount.Ore, e.Reference)));
    }

    [Fact]
    public void The_supplier_batch_partly_in_euro_is_one_outgoing_entry_and_the_referred_documents_are_texts()
    {
        var entries = BankFileReader.Read(PublishedBankFiles.Camt054Sample, PublishedBankFiles.Read(PublishedBankFiles.Camt054Sample)).Entries;

        Assert.Equal(("camt:ESSE20260303LB00012", new DateOnly(2026, 3, 3)), (entries[3].EntryReference, entries[3].BookingDate));
        Assert.Equal(["202600006", "202600001"], entries[2].Texts);
        Assert.Equal(("Uppsala kommun", "9912346"), (entries[2].PayerName, entries[2].ReceivingAccount));
        Assert.Equal(new DateOnly(2026, 3, 5), entries[6].BookingDate);
    }
}
