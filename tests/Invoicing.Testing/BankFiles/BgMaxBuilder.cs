using System.Globalization;
using System.Text;

namespace Invoicing.Testing.BankFiles;

/// <summary>
/// Writes BgMax files record by record, each padded to 80 columns (numbers zero-filled to their width, text
/// left-aligned in spaces). Deposit and end records add up by themselves unless a test gives other figures.
/// </summary>
public sealed class BgMaxBuilder
{
    private readonly List<string> _records = [];
    private long _sectionOre;
    private int _sectionCount;

    public BgMaxBuilder Start() =>
        Record("01", (3, 20, "BGMAX"), (23, 2, "01"), (25, 20, "20260302061500123456"), (45, 1, "P"));

    public BgMaxBuilder Opening(string receivingBankgiro) =>
        Record("05", (3, 10, receivingBankgiro.PadLeft(10, '0')), (23, 3, "SEK"));

    public BgMaxBuilder Payment(string reference, long ore, string serialNumber, string senderBankgiro = "0003783511")
    {
        _sectionOre += ore;
        _sectionCount++;
        return PaymentLayout("20", senderBankgiro, reference, ore.ToString("D18", CultureInfo.InvariantCulture), serialNumber);
    }

    public BgMaxBuilder Deduction(string reference, long ore, string serialNumber, string senderBankgiro = "0003783511")
    {
        _sectionOre -= ore;
        _sectionCount++;
        return PaymentLayout("21", senderBankgiro, reference, ore.ToString("D18", CultureInfo.InvariantCulture), serialNumber);
    }

    /// <summary>A payment record whose amount field is written as given, digits or not.</summary>
    public BgMaxBuilder PaymentWithAmountField(string reference, string amountField, string serialNumber)
    {
        _sectionCount++;
        return PaymentLayout("20", "0003783511", reference, amountField, serialNumber);
    }

    /// <summary>A TK22 extra reference record, or TK23 with <paramref name="recordType"/> "23".</summary>
    public BgMaxBuilder ExtraReference(string reference, string serialNumber, string recordType = "22") =>
        PaymentLayout(recordType, "0003783511", reference, new string('0', 18), serialNumber);

    public BgMaxBuilder Information(string text) => Record("25", (3, 50, text));

    public BgMaxBuilder Name(string payerName) => Record("26", (3, 35, payerName));

    public BgMaxBuilder Address(string street, string postCode) => Record("27", (3, 35, street), (38, 9, postCode));

    /// <summary>The TK15 deposit record; amount and count default to what the section holds.</summary>
    public BgMaxBuilder Deposit(string paymentDate, string serialNumber, long? amountOre = null, int? count = null)
    {
        Record("15",
            (3, 35, "00000000000000000005841000001009823"),
            (38, 8, paymentDate),
            (46, 5, serialNumber),
            (51, 18, (amountOre ?? _sectionOre).ToString("D18", CultureInfo.InvariantCulture)),
            (69, 3, "SEK"),
            (72, 8, (count ?? _sectionCount).ToString("D8", CultureInfo.InvariantCulture)));
        _sectionOre = 0;
        _sectionCount = 0;
        return this;
    }

    /// <summary>The TK70 end record; each counter defaults to the records written.</summary>
    public BgMaxBuilder End(int? payments = null, int? deductions = null, int? extraReferences = null, int? deposits = null) =>
        Record("70",
            (3, 8, Counter(payments, "20")),
            (11, 8, Counter(deductions, "21")),
            (19, 8, Counter(extraReferences, "22", "23")),
            (27, 8, Counter(deposits, "15")));

    /// <summary>A line exactly as given, for records the builder does not know.</summary>
    public BgMaxBuilder Line(string text)
    {
        _records.Add(text);
        return this;
    }

    public byte[] ToLatin1(string lineEnding = "\r\n") => Encoding.Latin1.GetBytes(Text(lineEnding));

    /// <summary>The same text saved as UTF-8, as an editor converting the file would.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(Text("\r\n"));

    private string Text(string lineEnding) => string.Concat(_records.Select(record => record + lineEnding));

    private BgMaxBuilder PaymentLayout(string type, string senderBankgiro, string reference, string amountField, string serialNumber) =>
        Record(type, (3, 10, senderBankgiro), (13, 25, reference), (38, 18, amountField), (56, 1, "2"), (57, 1, "2"), (58, 12, serialNumber), (70, 1, "0"));

    private string Counter(int? given, params string[] recordTypes) =>
        (given ?? _records.Count(record => recordTypes.Any(type => record.StartsWith(type, StringComparison.Ordinal))))
        .ToString("D8", CultureInfo.InvariantCulture);

    private BgMaxBuilder Record(string type, params (int Start, int Length, string Value)[] fields)
    {
        var record = (type + new string(' ', 78)).ToCharArray();
        foreach (var (start, length, value) in fields)
        {
            if (value.Length > length)
            {
                throw new ArgumentException($"'{value}' is longer than {length} columns.", nameof(fields));
            }

            value.CopyTo(0, record, start - 1, value.Length);
        }

        _records.Add(new string(record));
        return this;
    }
}
