using System.Text;
using Invoicing.Payments.BankFiles;

using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

public sealed class BankFileDetectionTests
{
    [Fact]
    public void Camt054_named_txt_is_read_as_camt054()
    {
        var file = BankFileReader.Read("payments.txt", Camt054ReaderTests.Notification(8).ToBytes());

        Assert.Equal(BankFileFormat.Camt054, file.Format);
        Assert.Equal(6, file.Entries.Count);
    }

    [Fact]
    public void BgMax_named_xml_is_read_as_BgMax()
    {
        var content = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("1234567897", 100_000, "000000000010").Deposit("20260302", "00001").End().ToLatin1();

        var file = BankFileReader.Read("payments.xml", content);

        Assert.Equal(BankFileFormat.BgMax, file.Format);
        Assert.Single(file.Entries);
    }

    [Fact]
    public void Camt054_with_a_byte_order_mark_is_read()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Camt054ReaderTests.Notification(2).ToBytes()).ToArray();

        Assert.Equal(BankFileFormat.Camt054, BankFileReader.Read("camt.xml", content).Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("party;amount\n1980;43035,00\n")]
    [InlineData("02BGMAX               01")]
    [InlineData("<html><body>Inloggning krävs</body></html>")]
    [InlineData("<Document xmlns=\"urn:example:not-iso\"/>")]
    public void Content_that_is_neither_format_is_refused_whatever_its_name(string text)
    {
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("payments.xml", Encoding.UTF8.GetBytes(text)));

        Assert.StartsWith("payments.xml: not a camt.054 or BgMax file", error.Message, StringComparison.Ordinal);
    }
}
