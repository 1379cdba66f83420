using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Invoicing.Testing.BankFiles;

/// <summary>
/// Writes camt.054 notifications the way banks do for the given message version: <c>AmtDtls/TxAmt/Amt</c> before
/// version 04 and <c>TxDtls/Amt</c> from it, <c>Dbtr/Nm</c> and <c>Sts</c> before 08 and <c>Dbtr/Pty/Nm</c> and
/// <c>Sts/Cd</c> from it.
/// </summary>
public sealed class Camt054Builder(int version)
{
    public const string Iban = "SE4550000000058398257466";

    private readonly List<CamtEntry> _entries = [];
    private XNamespace _namespace = XNamespace.None;
    private (string? Count, string? Sum)? _creditTotals;

    /// <summary>The account the notification is about: an IBAN (<c>Acct/Id/IBAN</c>) or any other id (<c>Acct/Id/Othr/Id</c>), e.g. a bankgiro number.</summary>
    public string Account { get; init; } = Iban;

    /// <summary>The ISO 20022 message in the namespace; another than camt.054 makes a document that is not a notification.</summary>
    public string Message { get; init; } = "camt.054";

    public Camt054Builder Entry(CamtEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    public Camt054Builder CreditTotals(string? count, string? sum)
    {
        _creditTotals = (count, sum);
        return this;
    }

    public string ToXml()
    {
        _namespace = string.Create(CultureInfo.InvariantCulture, $"urn:iso:std:iso:20022:tech:xsd:{Message}.001.{version:00}");
        var document = E("Document",
            E("BkToCstmrDbtCdtNtfctn",
                E("GrpHdr", E("MsgId", "MSG-20260303-1"), E("CreDtTm", "2026-03-03T06:00:00+01:00")),
                E("Ntfctn",
                    E("Id", "NTF-20260303-1"),
                    E("CreDtTm", "2026-03-03T06:00:00+01:00"),
                    E("Acct", E("Id", char.IsAsciiLetter(Account[0]) ? E("IBAN", Account) : E("Othr", E("Id", Account)))),
                    _creditTotals is { } totals
                        ? E("TxsSummry", E("TtlCdtNtries", Optional("NbOfNtries", totals.Count), Optional("Sum", totals.Sum)))
                        : null,
                    _entries.Select(Ntry))));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToXml());

    private XElement Ntry(CamtEntry entry) =>
        E("Ntry",
            Optional("NtryRef", entry.EntryReference),
            Amount(entry.Amount, entry.Currency),
            E("CdtDbtInd", entry.Indicator),
            entry.Reversal is { } reversal ? E("RvslInd", reversal ? "true" : "false") : null,
            version >= 8 ? E("Sts", E("Cd", entry.Status)) : E("Sts", entry.Status),
            E("BookgDt", E(entry.BookingDateWithTime ? "DtTm" : "Dt", entry.BookingDate)),
            E("ValDt", E("Dt", entry.BookingDate[..10])),
            Optional("AcctSvcrRef", entry.AccountServicerReference),
            E("BkTxCd", E("Domn", E("Cd", "PMNT"), E("Fmly", E("Cd", entry.Family), E("SubFmlyCd", entry.SubFamily)))),
            entry.Transactions is { Count: > 0 } transactions ? E("NtryDtls", transactions.Select(TxDtls)) : null);

    private XElement TxDtls(CamtTransaction transaction) =>
        E("TxDtls",
            E("Refs", Optional("AcctSvcrRef", transaction.AccountServicerReference), E("EndToEndId", "NOTPROVIDED")),
            transaction.Amount is null ? null
                : version >= 4 ? Amount(transaction.Amount, transaction.Currency)
                : E("AmtDtls", E("TxAmt", Amount(transaction.Amount, transaction.Currency))),
            version >= 4 && transaction.Amount is not null ? E("CdtDbtInd", transaction.Indicator) : null,
            transaction.Debtor is null && transaction.Creditor is null ? null
                : E("RltdPties", Party("Dbtr", transaction.Debtor), Party("Cdtr", transaction.Creditor)),
            transaction.Ocr is null && transaction.Unstructured is null ? null
                : E("RmtInf",
                    Optional("Ustrd", transaction.Unstructured),
                    new[] { transaction.Ocr }.Concat(transaction.MoreOcrs ?? []).OfType<string>()
                        .Select(ocr => E("Strd", E("CdtrRefInf", E("Tp", E("CdOrPrtry", E("Cd", "SCOR"))), E("Ref", ocr))))));

    /// <summary>A party's name: <c>Nm</c> before version 08, <c>Pty/Nm</c> from it.</summary>
    private XElement? Party(string role, string? name) =>
        name is null ? null : E(role, version >= 8 ? E("Pty", E("Nm", name)) : E("Nm", name));

    private XElement Amount(string amount, string currency) => new(_namespace + "Amt", new XAttribute("Ccy", currency), amount);

    private XElement? Optional(string name, string? value) => value is null ? null : E(name, value);

    private XElement E(string name, params object?[] content) => new(_namespace + name, content);
}
