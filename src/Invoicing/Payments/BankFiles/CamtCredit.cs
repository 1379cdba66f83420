using System.Globalization;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One credit entry (<c>Ntry</c> with <c>CdtDbtInd</c> CRDT) of a camt.054 notification, or a debit entry that
/// takes a credit back (a reversal; its entries get negative amounts). An entry can batch
/// several transactions (<c>NtryDtls/TxDtls</c>); each becomes a <see cref="BankEntry"/>, and together they must
/// make up the entry's amount. An entry without transaction details is one payment.
/// </summary>
internal sealed class CamtCredit
{
    private const string Currency = "SEK";

    private readonly CamtDocument _camt;
    private readonly XElement _entry;
    private readonly string? _account;
    private readonly bool _debit;

    public CamtCredit(CamtDocument camt, XElement entry, string? account, bool debit)
    {
        _camt = camt;
        _entry = entry;
        _account = account;
        _debit = debit;
        Amount = CreditAmount(camt, camt.Required(entry, "Amt"));
        IsReversal = debit;
    }

    /// <summary>The entry's amount as the file states it (positive, debit or credit).</summary>
    public Money Amount { get; }

    /// <summary>True for a debit, or a credit with <c>RvslInd</c> true (a debit of ours returned).</summary>
    public bool IsReversal { get; init; }

    /// <summary>True when any transaction of the entry quotes a structured creditor reference (an OCR number).</summary>
    public static bool QuotesCreditorReference(CamtDocument camt, XElement entry) =>
        camt.Children(entry, "NtryDtls").SelectMany(d => camt.Children(d, "TxDtls"))
            .Any(t => camt.Children(camt.Find(t, "RmtInf"), "Strd").Any(part => camt.Text(part, "CdtrRefInf", "Ref") is not null));

    private Money Signed(Money amount) => _debit ? -amount : amount;

    public IEnumerable<(BankEntry Entry, XElement Element)> Entries()
    {
        var bookingDate = BookingDate();
        var entryReference = _camt.Text(_entry, "AcctSvcrRef") ?? _camt.Text(_entry, "NtryRef");
        var transactions = _camt.Children(_entry, "NtryDtls").SelectMany(details => _camt.Children(details, "TxDtls")).ToList();
        if (transactions.Count == 0)
        {
            var reference = entryReference ?? throw NoReference(_entry);
            return [(Checked(new BankEntry("camt:" + reference, Signed(Amount), bookingDate, null, null, _account, false) { IsReversal = IsReversal }, _entry), _entry)];
        }

        var amounts = transactions.Select(transaction => TransactionAmount(transaction, transactions.Count)).ToList();
        var sum = Money.Sum(amounts);
        if (sum != Amount)
        {
            throw _camt.Fail(_camt.Required(_entry, "Amt"),
                $"{Amount.ToInvariantString()} but its {transactions.Count} transactions (TxDtls) sum to {sum.ToInvariantString()}.");
        }

        return transactions.Select((transaction, index) =>
        {
            var reference = _camt.Text(transaction, "Refs", "AcctSvcrRef")
                ?? (entryReference is null ? throw NoReference(transaction)
                    : transactions.Count == 1 ? entryReference
                    : string.Create(CultureInfo.InvariantCulture, $"{entryReference}/{index + 1}"));
            var entry = new BankEntry(
                "camt:" + reference, Signed(amounts[index]), bookingDate, PaymentReference(transaction), PayerName(transaction), _account, false)
            {
                IsReversal = IsReversal,
            };
            return (Checked(entry, transaction), transaction);
        }).ToList();
    }

    private Money TransactionAmount(XElement transaction, int transactionCount)
    {
        if (_camt.Text(transaction, "CdtDbtInd") is { } indicator && indicator != (_debit ? "DBIT" : "CRDT"))
        {
            throw _camt.Fail(_camt.Required(transaction, "CdtDbtInd"),
                _debit ? "a credit transaction inside a debit entry is not read." : "a debit transaction inside a credit entry is not read.");
        }

        // TxDtls/Amt from version 04; AmtDtls/TxAmt/Amt in every version.
        var amount = _camt.Find(transaction, "Amt") ?? _camt.Find(transaction, "AmtDtls", "TxAmt", "Amt");
        if (amount is not null)
        {
            return CreditAmount(_camt, amount);
        }

        return transactionCount == 1 ? Amount : throw _camt.Missing(transaction, "Amt");
    }

    /// <summary>
    /// Every text an entry keeps must fit where it is stored and shown: a field too long for that is an error
    /// naming its element and line, found before anything is booked, never a storage failure halfway through.
    /// </summary>
    private BankEntry Checked(BankEntry entry, XElement element)
    {
        CheckLength(element, "entry reference", entry.EntryReference, BankEntry.MaxEntryReferenceLength);
        CheckLength(_camt.Find(element, "RmtInf") ?? element, "payment reference (RmtInf)", entry.Reference, BankEntry.MaxReferenceLength);
        CheckLength(_camt.Find(element, "RltdPties") ?? element, "payer name (RltdPties/Dbtr)", entry.PayerName, BankEntry.MaxPayerNameLength);
        CheckLength(element, "account (Ntfctn/Acct)", entry.ReceivingAccount, BankEntry.MaxEntryReferenceLength);
        return entry;
    }

    private void CheckLength(XElement element, string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            throw _camt.Fail(element, string.Create(CultureInfo.InvariantCulture, $"its {field} is {length} characters; at most {max} are kept."));
        }
    }

    private DateOnly BookingDate()
    {
        var element = _camt.Find(_entry, "BookgDt", "Dt") ?? _camt.Find(_entry, "BookgDt", "DtTm")
            ?? throw _camt.Missing(_entry, "BookgDt", "Dt");
        var text = element.Value.Trim();

        // Dt may carry a time zone and DtTm a time: the calendar date is the first ten characters either way.
        return text.Length >= 10 && IsoDate.TryParse(text[..10], out var date)
            ? date
            : throw _camt.Fail(element, $"'{text}' is not a date.");
    }

    /// <summary>
    /// The structured creditor reference (the OCR number) when given — all of them, space-separated, should a
    /// payer quote several — else the unstructured remittance text.
    /// </summary>
    private string? PaymentReference(XElement transaction)
    {
        var remittance = _camt.Find(transaction, "RmtInf");
        var structured = _camt.Children(remittance, "Strd")
            .Select(part => _camt.Text(part, "CdtrRefInf", "Ref"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var texts = structured.Count > 0
            ? structured
            : _camt.Children(remittance, "Ustrd").Select(line => line.Value.Trim()).Where(line => line.Length > 0).ToList();
        return texts.Count > 0 ? string.Join(' ', texts) : null;
    }

    /// <summary>Dbtr/Nm up to version 07, Dbtr/Pty/Nm from 08.</summary>
    private string? PayerName(XElement transaction) =>
        _camt.Text(transaction, "RltdPties", "Dbtr", "Nm") ?? _camt.Text(transaction, "RltdPties", "Dbtr", "Pty", "Nm");

    private CamtFault NoReference(XElement element) =>
        _camt.Fail(element,
            "has no bank reference (TxDtls/Refs/AcctSvcrRef, Ntry/AcctSvcrRef or Ntry/NtryRef), so importing the file again could not be recognised.");

    private static Money CreditAmount(CamtDocument camt, XElement amount)
    {
        var currency = amount.Attribute("Ccy")?.Value.Trim();
        if (currency != Currency)
        {
            throw camt.Fail(amount, $"currency '{currency}'; only {Currency} payments are read.");
        }

        var text = amount.Value.Trim();
        if (!DecimalAmount.TryParse(text, out var money))
        {
            throw camt.Fail(amount, $"'{text}' is not an amount: digits, an optional '.' and at most two decimals.");
        }

        return money > Money.Zero ? money : throw camt.Fail(amount, "a credit of zero.");
    }
}
