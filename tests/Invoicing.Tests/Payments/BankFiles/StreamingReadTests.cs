using System.Text;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

/// <summary>
/// Bank files are streamed (one camt entry, one BgMax record in memory at a time), yet refuse and name problems
/// exactly as reading them whole did: the XML error first wherever it is, and elements indexed among all their siblings.
/// </summary>
public sealed class StreamingReadTests
{
    private const string FileName = "bank-file";

    [Fact]
    public void A_camt_file_read_from_disk_gives_the_entries_of_the_same_bytes_in_memory()
    {
        var content = Camt054ReaderTests.Notification(8).ToBytes();

        Assert.Equal(BankFileReader.Read(FileName, content).Entries, ReadFromDisk(content).Entries);
    }

    [Fact]
    public void A_bgmax_file_read_from_disk_gives_the_entries_of_the_same_bytes_in_memory()
    {
        var content = ManyBgMaxPayments(1_000).End().ToLatin1();

        var fromDisk = ReadFromDisk(content);

        Assert.Equal(1_000, fromDisk.Entries.Count);
        Assert.Equal(BankFileReader.Read(FileName, content).Entries, fromDisk.Entries);
    }

    [Fact]
    public void The_first_of_several_entries_is_named_with_its_index_although_its_siblings_come_after_it()
    {
        var content = new Camt054Builder(8)
            .Entry(new CamtEntry("10.00", AccountServicerReference: "BANK-1", Currency: "EUR"))
            .Entry(new CamtEntry("20.00", AccountServicerReference: "BANK-2"))
            .ToBytes();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, content));

        Assert.StartsWith($"{FileName}, Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry[1]/Amt (line ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("currency 'EUR'; only SEK payments are read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_entry_at_the_end_of_a_large_file_is_named_by_its_index_and_line()
    {
        var builder = ManyCamtPayments(20_000).Entry(new CamtEntry("1.00", AccountServicerReference: "LAST", Currency: "EUR"));

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, builder.ToBytes()));

        Assert.Contains("Ntfctn/Ntry[20001]/Amt (line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xml_error_after_a_bad_entry_is_reported_instead_as_when_the_file_was_read_whole()
    {
        var xml = new Camt054Builder(8)
            .Entry(new CamtEntry("10.00", AccountServicerReference: "BANK-1", Currency: "EUR"))
            .Entry(new CamtEntry("20.00", AccountServicerReference: "BANK-2"))
            .ToXml();
        var broken = xml.Replace("<AcctSvcrRef>BANK-2</AcctSvcrRef>", "<AcctSvcrRef>BANK-2</Wrong>", StringComparison.Ordinal);

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, Encoding.UTF8.GetBytes(broken)));

        Assert.StartsWith($"{FileName}: not well-formed XML (line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_camt_file_cut_off_is_refused_naming_where_the_xml_ends()
    {
        var xml = ManyCamtPayments(20_000).ToXml();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, Encoding.UTF8.GetBytes(xml[..(xml.Length - 1_000)])));

        Assert.StartsWith($"{FileName}: not well-formed XML (line ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_large_bgmax_file_cut_off_is_refused_as_truncated_at_its_last_record()
    {
        var lines = Encoding.Latin1.GetString(ManyBgMaxPayments(10_000).End().ToLatin1()).Split("\r\n");
        var cut = string.Join("\r\n", lines.Take(15_000));

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, Encoding.Latin1.GetBytes(cut)));

        Assert.Equal($"{FileName}, line 15000, TK26 record type: the file ends without its TK70 end record: it is truncated.", error.Message);
    }

    [Fact]
    public void A_blank_line_followed_by_a_record_is_refused_where_trailing_blank_lines_are_not()
    {
        var text = Encoding.Latin1.GetString(ManyBgMaxPayments(2).End().ToLatin1());
        var blankInside = text.Replace("\r\n15", "\r\n\r\n15", StringComparison.Ordinal);

        Assert.Equal(2, BankFileReader.Read(FileName, Encoding.Latin1.GetBytes(text + "\r\n\r\n   \r\n")).Entries.Count);
        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, Encoding.Latin1.GetBytes(blankInside)));
        Assert.Contains("line 7, TK   record type: unknown record type '  '.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_far_longer_than_any_record_is_refused_without_reading_it_whole()
    {
        var content = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(new BgMaxBuilder().Start().ToLatin1()) + "20" + new string('1', 200_000));

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read(FileName, content));

        Assert.Equal($"{FileName}, line 2, text: more than 65536 bytes without a line break; BgMax records are 80 characters.", error.Message);
    }

    private static BankFile ReadFromDisk(byte[] content)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, content);
            using var stream = File.OpenRead(path);
            return BankFileReader.Read(FileName, stream);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Camt054Builder ManyCamtPayments(int count)
    {
        var builder = new Camt054Builder(8);
        for (var i = 0; i < count; i++)
        {
            builder.Entry(new CamtEntry("1.00", AccountServicerReference: $"BANK-{i:00000}", Transactions: [new(Ocr: "1234567897")]));
        }

        return builder;
    }

    private static BgMaxBuilder ManyBgMaxPayments(int count)
    {
        var builder = new BgMaxBuilder().Start().Opening("9912346");
        for (var i = 0; i < count; i++)
        {
            builder.Payment("1234567897", 100, $"{i + 1:000000000000}").Name($"Betalare {i}");
        }

        return builder.Deposit("20260302", "00001");
    }
}
