namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Reads a BgMax file (Bankgirot's incoming bankgiro payments) record by record and checks it against its own
/// totals, so that a damaged or partial file is refused as a whole rather than imported in part.
/// </summary>
internal static class BgMaxReader
{
    public static bool LooksLikeBgMax(ReadOnlySpan<byte> content)
    {
        // A UTF-8 BOM does not hide a BgMax file: it is then refused for its encoding, which says more than
        // "unknown format".
        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(utf8Bom))
        {
            content = content[utf8Bom.Length..];
        }

        return content.StartsWith("01BGMAX"u8);
    }

    public static IReadOnlyList<BgMaxDeposit> Read(string fileName, byte[] content) =>
        Read(fileName, new MemoryStream(content, writable: false));

    /// <summary>
    /// Streams the file record by record: memory holds the entries read, never the file. Checks and messages are
    /// those of reading it whole: blank lines count only if a record follows them, and whatever follows TK70 is
    /// read before the end record's counters are checked.
    /// </summary>
    public static IReadOnlyList<BgMaxDeposit> Read(string fileName, Stream content)
    {
        using var lines = BgMaxText.Lines(fileName, content).GetEnumerator();
        if (!lines.MoveNext())
        {
            throw BankFileException.InFile(fileName, "is empty.", "är tom.");
        }

        var first = lines.Current;
        first.Digits(BgMaxLayout.Start.Version);

        // Bankgirot marks test deliveries 'T' (production 'P'): their payments never happened.
        if (first.Text(BgMaxLayout.Start.TestMarker) == "T")
        {
            throw first.Fail(BgMaxLayout.Start.TestMarker, "'T': this is a test file from Bankgirot, not real payments; nothing is imported.",
                "'T': det här är en testfil från Bankgirot, inte verkliga betalningar; inget läses in.");
        }

        var deposits = new List<BgMaxDeposit>();
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        BgMaxDepositSection? section = null;
        var last = first;
        BgMaxLine? firstBlank = null;
        while (lines.MoveNext())
        {
            var line = lines.Current;

            // Blank lines after the last record are not records (editors and transfers add them), so they are
            // judged only when a record follows them.
            if (line.IsBlank)
            {
                firstBlank ??= line;
                continue;
            }

            if (firstBlank is not null)
            {
                throw firstBlank.Fail(BgMaxLine.RecordTypeField, $"unknown record type '{firstBlank.RecordType}'.", $"okänd posttyp '{firstBlank.RecordType}'.");
            }

            last = line;
            counted[line.RecordType] = counted.GetValueOrDefault(line.RecordType) + 1;
            switch (line.RecordType)
            {
                case "05":
                    section = section is null
                        ? BgMaxDepositSection.Open(line)
                        : throw line.Fail(BgMaxLine.RecordTypeField, "an opening record before the previous deposit's TK15 deposit record.",
                            "en öppningspost före den förra insättningens TK15-insättningspost.");
                    break;
                case "20" or "21":
                    InSection(section, line).AddPayment(line, isDeduction: line.RecordType == "21");
                    break;
                case "22" or "23":
                    InSection(section, line).AddExtraReference(line);
                    break;
                case "25":
                    InSection(section, line).AddInformation(line);
                    break;
                case "26":
                    InSection(section, line).AddName(line);
                    break;
                case "27" or "28" or "29":
                    InSection(section, line).AddPayerDetails(line);
                    break;
                case "15":
                    deposits.Add(InSection(section, line).Close(line));
                    section = null;
                    break;
                case "70":
                    CheckEnd(line, lines, section, counted);
                    return deposits;
                case "01":
                    throw line.Fail(BgMaxLine.RecordTypeField, "a second start record; TK01 comes only first.", "en andra startpost; TK01 kommer bara först.");
                default:
                    throw line.Fail(BgMaxLine.RecordTypeField, $"unknown record type '{line.RecordType}'.", $"okänd posttyp '{line.RecordType}'.");
            }
        }

        throw last.Fail(BgMaxLine.RecordTypeField, "the file ends without its TK70 end record: it is truncated.",
            "filen slutar utan sin TK70-slutpost: den är avkortad.");
    }

    private static BgMaxDepositSection InSection(BgMaxDepositSection? section, BgMaxLine line) =>
        section ?? throw line.Fail(BgMaxLine.RecordTypeField, "must come between a TK05 opening record and its TK15 deposit record.",
            "måste komma mellan en TK05-öppningspost och dess TK15-insättningspost.");

    private static void CheckEnd(BgMaxLine end, IEnumerator<BgMaxLine> rest, BgMaxDepositSection? section, Dictionary<string, int> counted)
    {
        // Only blank lines may follow the end record; a record after them is named by the line right after TK70.
        BgMaxLine? next = null;
        while (rest.MoveNext())
        {
            next ??= rest.Current;
            if (!rest.Current.IsBlank)
            {
                throw next.Fail(BgMaxLine.RecordTypeField, "a record after the TK70 end record.", "en post efter TK70-slutposten.");
            }
        }

        if (section is not null)
        {
            throw end.Fail(BgMaxLine.RecordTypeField, "the last TK05 section has no TK15 deposit record.", "det sista TK05-avsnittet har ingen TK15-insättningspost.");
        }

        int Counted(params string[] recordTypes) => recordTypes.Sum(type => counted.GetValueOrDefault(type));
        CheckCounter(end, BgMaxLayout.End.PaymentCount, Counted("20"));
        CheckCounter(end, BgMaxLayout.End.DeductionCount, Counted("21"));
        CheckCounter(end, BgMaxLayout.End.ExtraReferenceCount, Counted("22", "23"));
        CheckCounter(end, BgMaxLayout.End.DepositCount, Counted("15"));
    }

    private static void CheckCounter(BgMaxLine end, BgMaxField field, int counted)
    {
        var stated = end.Count(field);
        if (stated != counted)
        {
            throw end.Fail(field, $"{stated} but the file has {counted}.", $"{stated} men filen har {counted}.");
        }
    }
}
