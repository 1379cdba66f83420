using System.Globalization;
using System.Text;
using Invoicing;

/// <summary>
/// A synthetic camt.054 (version 001.08) with one credit entry per payment, each paying 1 kr on an invoice's OCR
/// reference in turn, with the totals the reader checks. <paramref name="padding"/> characters of additional entry
/// information per entry make a large file from fewer entries.
/// </summary>
internal static class CamtGenerator
{
    public static byte[] Generate(IReadOnlyList<OcrReference> references, int entries, DateOnly bookingDate, int padding, string idPrefix)
    {
        var date = bookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filler = new string('x', padding);
        var xml = new StringBuilder(entries * (700 + padding));
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>");
        xml.Append(CultureInfo.InvariantCulture, $"<GrpHdr><MsgId>{idPrefix}</MsgId><CreDtTm>{date}T06:00:00+01:00</CreDtTm></GrpHdr>");
        xml.Append(CultureInfo.InvariantCulture, $"<Ntfctn><Id>{idPrefix}-1</Id><CreDtTm>{date}T06:00:00+01:00</CreDtTm><Acct><Id><Othr><Id>9912346</Id></Othr></Id></Acct>");
        xml.Append(CultureInfo.InvariantCulture, $"<TxsSummry><TtlCdtNtries><NbOfNtries>{entries}</NbOfNtries><Sum>{entries}.00</Sum></TtlCdtNtries></TxsSummry>\n");
        for (var i = 0; i < entries; i++)
        {
            var reference = references[i % references.Count].Value;
            xml.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"SEK\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>");
            xml.Append(CultureInfo.InvariantCulture, $"<BookgDt><Dt>{date}</Dt></BookgDt><AcctSvcrRef>{idPrefix}-{i:000000}</AcctSvcrRef>");
            xml.Append(CultureInfo.InvariantCulture, $"<NtryDtls><TxDtls><Refs><AcctSvcrRef>{idPrefix}-{i:000000}-1</AcctSvcrRef></Refs><Amt Ccy=\"SEK\">1.00</Amt>");
            xml.Append(CultureInfo.InvariantCulture, $"<RltdPties><Dbtr><Pty><Nm>Kommun {i % references.Count}</Nm></Pty></Dbtr></RltdPties>");
            xml.Append(CultureInfo.InvariantCulture, $"<RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>");
            if (padding > 0)
            {
                xml.Append("<AddtlNtryInf>").Append(filler).Append("</AddtlNtryInf>");
            }

            xml.Append("</Ntry>\n");
        }

        xml.Append("</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}
