using System.Globalization;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One credit entry (<c>Ntry</c> with <c>CdtDbtInd</c> CRDT) of a camt.054 notification. An entry can batch
/// several transactions (<c>NtryDtls/TxDtls</c>); each becomes a <see cref="BankEntry"/>, and together they must
/// make up the entry's amount. An entry without transaction details is one payment.
/// </summary>
internal sealed class CamtCredit
{
    private const string Currency = "SEK";

    private readonly CamtDocument _camt;
    private readonly XElement _entry;
    private readonly string? _account;

    public CamtCredit(CamtDocument camt, XElement entry, string? account)
    {
        _camt = camt;
        _entry = entry;
        _account = account;
        Amount = CreditAmount(camt, camt.Required(entry, "Amt"));
    }

    public Money Amount { get; }

    public IEnumerable<(BankEntry Entry, XElement Element)> Entries()
    {
        var bookingDate = BookingDate();
        var entryReference = _camt.Text(_entry, "AcctSvcrRef") ?? _camt.Text(_entry, "NtryRef");
        var transactions = _camt.Children(_entry, "NtryDtls").SelectMany(details => _camt.Children(details, "TxDtls")).ToList();
        if (transactions.Count == 0)
        {
            var reference = entryReference ?? throw NoReference(_entry);
            return [(new BankEntry("camt:" + reference, Amount, bookingDate, null, null, _account, false), _entry)];
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
                "camt:" + reference, amounts[index], bookingDate, PaymentReference(transaction), PayerName(transaction), _account, false);
            return (entry, transaction);
        }).ToList();
    }

    private Money TransactionAmount(XElement transaction, int transactionCount)
    {
        if (_camt.Text(transaction, "CdtDbtInd") is "DBIT")
        {
            throw _camt.Fail(_camt.Required(transaction, "CdtDbtInd"), "a debit transaction inside a credit entry is not read.");
        }

        // TxDtls/Amt from version 04; AmtDtls/TxAmt/Amt in every version.
        var amount = _camt.Find(transaction, "Amt") ?? _camt.Find(transaction, "AmtDtls", "TxAmt", "Amt");
        if (amount is not null)
        {
            return CreditAmount(_camt, amount);
        }

        return transactionCount == 1 ? Amount : throw _camt.Missing(transaction, "Amt");
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

    private BankFileException NoReference(XElement element) =>
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
