using System.Globalization;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One entry (<c>Ntry</c>) of a camt.054 notification, credit or debit, booked or not. An entry can batch several
/// transactions (<c>NtryDtls/TxDtls</c>); each becomes a <see cref="BankEntry"/>, and together they must make up the
/// entry's amount. An entry without transaction details is one transaction.
/// </summary>
/// <remarks>
/// What the product books from — a credit, a reversal — is read strictly: every amount, every reference, or the
/// file is refused. What it only lists — an outgoing payment, a pending or information entry — never refuses the
/// file: when its transactions cannot be told apart (no amounts, another currency, a credit inside a debit), the
/// entry is listed whole.
/// </remarks>
internal sealed class CamtNtry
{
    private const string Currency = "SEK";
    private const string NoReference = "-";

    private readonly CamtDocument _camt;
    private readonly XElement _entry;
    private readonly string? _account;
    private readonly DateOnly? _notificationDate;
    private readonly bool _credit;
    private readonly BankEntryKind? _unbooked;
    private readonly bool _reversalIndicator;

    public CamtNtry(CamtDocument camt, XElement entry, string? account, DateOnly? notificationDate)
    {
        _camt = camt;
        _entry = entry;
        _account = account;
        _notificationDate = notificationDate;
        var indicator = camt.Required(entry, "CdtDbtInd");
        _credit = indicator.Value.Trim() switch
        {
            "CRDT" => true,
            "DBIT" => false,
            var other => throw camt.Fail(indicator, $"'{other}' is neither CRDT nor DBIT.", $"'{other}' är varken CRDT eller DBIT."),
        };

        // Sts (to version 07) or Sts/Cd (08 on); no status is a booked entry.
        _unbooked = camt.Find(entry, "Sts")?.Value.Trim() switch
        {
            null or "BOOK" => null,
            "INFO" => BankEntryKind.Information,
            _ => BankEntryKind.Pending,
        };
        _reversalIndicator = IsReversalIndicator(camt, entry);
        Amount = ReadAmount(camt.Required(entry, "Amt"), allowZero: !Bookable(EntryKind));
    }

    /// <summary>The entry's amount as the file states it (positive, credit or debit).</summary>
    public Money Amount { get; }

    /// <summary>A credit counts in the notification's credit totals, booked or not.</summary>
    public bool IsCredit => _credit;

    /// <summary>What the entry is, before any transaction's own bank transaction code is read.</summary>
    private BankEntryKind EntryKind => KindOf(_reversalIndicator || CamtBankTransactionCode.IsReversal(_camt, _entry));

    public IReadOnlyList<BankEntry> Entries()
    {
        var transactions = _camt.Children(_entry, "NtryDtls").SelectMany(details => _camt.Children(details, "TxDtls")).ToList();
        var kinds = transactions.Select(TransactionKind).ToList();
        var strict = Bookable(EntryKind) || kinds.Any(Bookable);
        if (strict)
        {
            return Read(transactions, kinds, strict: true);
        }

        try
        {
            return Read(transactions, kinds, strict: false);
        }
        catch (CamtFault)
        {
            // Only listed, never booked: an entry whose transactions cannot be read one by one is listed whole.
            return [Whole(transactions)];
        }
    }

    private List<BankEntry> Read(List<XElement> transactions, List<BankEntryKind> kinds, bool strict)
    {
        var bookingDate = BookingDate(strict);
        var entryReference = _camt.Text(_entry, "AcctSvcrRef") ?? _camt.Text(_entry, "NtryRef");
        if (transactions.Count == 0)
        {
            var reference = entryReference ?? (strict ? throw Unreferenced(_entry) : NoReference);
            return [Checked(New(EntryKind, reference, Amount, bookingDate, null), _entry, strict)];
        }

        var amounts = transactions.Select(transaction => TransactionAmount(transaction, transactions.Count)).ToList();
        var sum = Money.Sum(amounts);
        if (sum != Amount)
        {
            throw _camt.Fail(_camt.Required(_entry, "Amt"),
                $"{Amount.ToInvariantString()} but its {transactions.Count} transactions (TxDtls) sum to {sum.ToInvariantString()}.",
                $"{Amount.ToInvariantString()} men dess {transactions.Count} transaktioner (TxDtls) summerar till {sum.ToInvariantString()}.");
        }

        return transactions.Select((transaction, index) =>
        {
            var reference = _camt.Text(transaction, "Refs", "AcctSvcrRef") ?? entryReference ?? (strict ? throw Unreferenced(transaction) : NoReference);
            return Checked(New(kinds[index], reference, amounts[index], bookingDate, transaction), transaction, strict);
        }).ToList();
    }

    /// <summary>The whole entry as one, with every transaction's references and texts.</summary>
    private BankEntry Whole(List<XElement> transactions)
    {
        var names = transactions.Select(PartyName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new BankEntry
        {
            Kind = EntryKind,
            EntryReference = EntryReferences.Camt(_camt.Text(_entry, "AcctSvcrRef") ?? _camt.Text(_entry, "NtryRef") ?? NoReference),
            Amount = Signed(Amount),
            BookingDate = BookingDate(strict: false),
            References = [.. transactions.SelectMany(References).Distinct(StringComparer.Ordinal)],
            Texts = [.. transactions.SelectMany(Texts)],
            PayerName = names.Count == 1 ? names[0] : null,
            ReceivingAccount = _account,
        };
    }

    private BankEntry New(BankEntryKind kind, string reference, Money amount, DateOnly bookingDate, XElement? transaction) => new()
    {
        Kind = kind,
        EntryReference = EntryReferences.Camt(reference),
        Amount = Signed(amount),
        BookingDate = bookingDate,
        References = transaction is null ? [] : References(transaction),
        Texts = transaction is null ? [] : Texts(transaction),
        PayerName = transaction is null ? null : PartyName(transaction),
        ReceivingAccount = _account,
    };

    /// <summary>Money received is positive, money leaving the account negative.</summary>
    private Money Signed(Money amount) => _credit ? amount : -amount;

    /// <summary>
    /// <c>RvslInd</c> is the entry's and holds for each of its transactions; a transaction's own bank transaction code
    /// decides for it in place of the entry's.
    /// </summary>
    private BankEntryKind TransactionKind(XElement transaction) =>
        KindOf(_reversalIndicator || CamtBankTransactionCode.IsReversal(_camt, CamtBankTransactionCode.IsStated(_camt, transaction) ? transaction : _entry));

    private BankEntryKind KindOf(bool reversal) =>
        _unbooked is { } unbooked ? unbooked
        : _credit ? (reversal ? BankEntryKind.ReturnedDebit : BankEntryKind.Payment)
        : (reversal ? BankEntryKind.Reversal : BankEntryKind.Outgoing);

    private static bool Bookable(BankEntryKind kind) => kind is BankEntryKind.Payment or BankEntryKind.Reversal or BankEntryKind.ReturnedDebit;

    private Money TransactionAmount(XElement transaction, int transactionCount)
    {
        if (_camt.Text(transaction, "CdtDbtInd") is { } indicator && indicator != (_credit ? "CRDT" : "DBIT"))
        {
            throw _camt.Fail(_camt.Required(transaction, "CdtDbtInd"),
                _credit ? "a debit transaction inside a credit entry is not read." : "a credit transaction inside a debit entry is not read.",
                _credit ? "en debettransaktion i en kreditpost läses inte in." : "en kredittransaktion i en debetpost läses inte in.");
        }

        // TxDtls/Amt from version 04; AmtDtls/TxAmt/Amt in every version.
        var amount = _camt.Find(transaction, "Amt") ?? _camt.Find(transaction, "AmtDtls", "TxAmt", "Amt");
        if (amount is not null)
        {
            return ReadAmount(amount, allowZero: false);
        }

        return transactionCount == 1 ? Amount : throw _camt.Missing(transaction, "Amt");
    }

    /// <summary>
    /// Every text an entry that is stored keeps must fit where it is stored and shown: a field too long for that is
    /// an error naming its element and line, found before anything is booked, never a storage failure halfway through.
    /// An entry only listed is stored nowhere.
    /// </summary>
    private BankEntry Checked(BankEntry entry, XElement element, bool strict)
    {
        if (!strict)
        {
            return entry;
        }

        CheckLength(element, ("entry reference", "bankreferens"), entry.EntryReference, BankEntry.MaxEntryReferenceLength);
        CheckLength(_camt.Find(element, "RmtInf") ?? element, ("payment references (RmtInf/Strd)", "betalningsreferenser (RmtInf/Strd)"), entry.Reference, BankEntry.MaxReferenceLength);
        CheckLength(_camt.Find(element, "RmtInf") ?? element, ("payment texts (RmtInf)", "betalningstexter (RmtInf)"), entry.Texts.Count == 0 ? null : string.Join('\n', entry.Texts), BankEntry.MaxTextLength);
        CheckLength(_camt.Find(element, "RltdPties") ?? element,
            _credit ? ("payer name (RltdPties/Dbtr)", "betalarens namn (RltdPties/Dbtr)") : ("party name (RltdPties)", "motpartens namn (RltdPties)"),
            entry.PayerName, BankEntry.MaxPayerNameLength);
        CheckLength(element, ("account (Ntfctn/Acct)", "konto (Ntfctn/Acct)"), entry.ReceivingAccount, BankEntry.MaxEntryReferenceLength);
        return entry;
    }

    private void CheckLength(XElement element, (string English, string Swedish) field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            throw _camt.Fail(element,
                string.Create(CultureInfo.InvariantCulture, $"its {field.English} is {length} characters; at most {max} are kept."),
                string.Create(CultureInfo.InvariantCulture, $"{field.Swedish}: {length} tecken; högst {max} sparas."));
        }
    }

    /// <summary>
    /// <c>BookgDt/Dt</c> (or the date of <c>DtTm</c>); an entry only listed may have none yet, and is then dated by
    /// its value date or the notification's creation.
    /// </summary>
    private DateOnly BookingDate(bool strict)
    {
        var element = _camt.Find(_entry, "BookgDt", "Dt") ?? _camt.Find(_entry, "BookgDt", "DtTm");
        if (element is null && !strict)
        {
            element = _camt.Find(_entry, "ValDt", "Dt") ?? _camt.Find(_entry, "ValDt", "DtTm");
            if (element is null && _notificationDate is { } created)
            {
                return created;
            }
        }

        if (element is null)
        {
            throw _camt.Missing(_entry, "BookgDt", "Dt");
        }

        var text = element.Value.Trim();

        // Dt may carry a time zone and DtTm a time: the calendar date is the first ten characters either way.
        return text.Length >= 10 && IsoDate.TryParse(text[..10], out var date)
            ? date
            : throw _camt.Fail(element, $"'{text}' is not a date.", $"'{text}' är inte ett datum.");
    }

    /// <summary>Every structured creditor reference (usually an OCR number), in the order given, each once.</summary>
    private IReadOnlyList<string> References(XElement transaction) =>
        [.. _camt.Children(_camt.Find(transaction, "RmtInf"), "Strd")
            .Select(part => _camt.Text(part, "CdtrRefInf", "Ref"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The unstructured remittance lines, and the referred document numbers and additional texts of the structured parts.</summary>
    private IReadOnlyList<string> Texts(XElement transaction)
    {
        var remittance = _camt.Find(transaction, "RmtInf");
        var structured = _camt.Children(remittance, "Strd").SelectMany(part =>
            _camt.Children(part, "RfrdDocInf").Select(document => _camt.Text(document, "Nb"))
                .Concat(_camt.Children(part, "AddtlRmtInf").Select(text => text.Value.Trim())));
        return [.. _camt.Children(remittance, "Ustrd").Select(line => line.Value.Trim()).Concat(structured).OfType<string>().Where(text => text.Length > 0)];
    }

    /// <summary>
    /// The other party: the debtor of a credit, the creditor (else the debtor) of a debit. <c>Nm</c> up to version 07,
    /// <c>Pty/Nm</c> from 08.
    /// </summary>
    private string? PartyName(XElement transaction)
    {
        string? Name(string role) =>
            _camt.Text(transaction, "RltdPties", role, "Nm") ?? _camt.Text(transaction, "RltdPties", role, "Pty", "Nm");
        return _credit ? Name("Dbtr") : Name("Cdtr") ?? Name("Dbtr");
    }

    private CamtFault Unreferenced(XElement element) =>
        _camt.Fail(element,
            "has no bank reference (TxDtls/Refs/AcctSvcrRef, Ntry/AcctSvcrRef or Ntry/NtryRef), so importing the file again could not be recognised.",
            "har ingen bankreferens (TxDtls/Refs/AcctSvcrRef, Ntry/AcctSvcrRef eller Ntry/NtryRef), så en ny inläsning av filen skulle inte kännas igen.");

    private Money ReadAmount(XElement amount, bool allowZero)
    {
        var currency = amount.Attribute("Ccy")?.Value.Trim();
        if (currency != Currency)
        {
            throw _camt.Fail(amount, $"currency '{currency}'; only {Currency} payments are read.", $"valuta '{currency}'; bara betalningar i {Currency} läses in.");
        }

        var text = amount.Value.Trim();
        if (!DecimalAmount.TryParse(text, out var money))
        {
            throw _camt.Fail(amount, $"'{text}' is not an amount: digits, an optional '.' and at most two decimals.",
                $"'{text}' är inte ett belopp: siffror, eventuellt en '.' och högst två decimaler.");
        }

        return money > Money.Zero || allowZero ? money : throw _camt.Fail(amount, "an amount of zero.", "beloppet är noll.");
    }

    private static bool IsReversalIndicator(CamtDocument camt, XElement entry)
    {
        var element = camt.Find(entry, "RvslInd");
        return element?.Value.Trim() switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            var other => throw camt.Fail(element!, $"'{other}' is neither true nor false.", $"'{other}' är varken true eller false."),
        };
    }
}
