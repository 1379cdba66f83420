using System.Globalization;
using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// Decides, entry by entry in file order, what importing a bank file will do — reading only what the import read
/// before (the invoices its references name, their payment histories, the unmatched list's rows). It keeps what
/// earlier entries of the file will do (what each invoice will still ask, the payments planned, the reversals'
/// claims), so a file is planned as if booked one entry after another.
/// </summary>
internal sealed class ImportPlanner
{
    private readonly BankFile _file;
    private readonly IReadOnlyDictionary<OcrReference, Invoice> _invoicesByOcr;
    private readonly Dictionary<InvoiceKey, KnownRecords> _histories;
    private readonly Dictionary<InvoiceKey, Money> _dues = [];
    private readonly SuspenseIndex _suspense;
    private readonly IReadOnlyDictionary<string, string> _fingerprints;
    private readonly SamePayments _booked = new();
    private readonly SamePayments _listed = new();
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _now;
    private readonly bool _sharedAccount;

    /// <param name="histories">The payment history of every invoice an entry's references name.</param>
    /// <param name="fingerprints">The <see cref="PaymentFingerprint"/> of each payment and deduction, by entry key.</param>
    /// <param name="sharedAccount">The file's account carries the organisation's other receivables too (<see cref="OtherReceivables"/>).</param>
    public ImportPlanner(
        BankFile file,
        IReadOnlyDictionary<OcrReference, Invoice> invoicesByOcr,
        IReadOnlyDictionary<InvoiceKey, IReadOnlyList<PaymentRecord>> histories,
        SuspenseIndex suspense,
        IReadOnlyDictionary<string, string> fingerprints,
        DateTimeOffset now,
        bool sharedAccount)
    {
        _file = file;
        _invoicesByOcr = invoicesByOcr;
        _histories = histories.ToDictionary(h => h.Key, h => new KnownRecords(h.Value));
        _suspense = suspense;
        _fingerprints = fingerprints;
        _now = now;
        _sharedAccount = sharedAccount;
        foreach (var invoice in invoicesByOcr.Values)
        {
            _dues[invoice.Key] = invoice.OwnRemaining;
        }

        foreach (var (invoice, records) in histories)
        {
            foreach (var record in records)
            {
                if (record.Fingerprint is { } fingerprint && EntryReferences.FormatOf(record.EntryReference) is { } format)
                {
                    _booked.Add(fingerprint, record.Key, format, record.SameAs, $"{Describe(format, record.EntryReference)} from {record.Source}, booked on {invoice.Number}");
                }
            }
        }

        foreach (var row in suspense.Rows)
        {
            if (row.Fingerprint is { } fingerprint && EntryReferences.FormatOf(row.EntryReference) is { } format)
            {
                var where = row.Partition == UnmatchedPaymentEntity.Booked ? "booked by hand from the unmatched list" : "unmatched";
                _listed.Add(fingerprint, row.Id, format, row.SameAs, $"{Describe(format, row.EntryReference)} from {row.Source} ({where} {row.Id[..12]})");
            }
        }
    }

    public EntryPlan Plan(BankEntry entry) => entry.Kind switch
    {
        BankEntryKind.Outgoing => PlanOutgoing(entry),
        BankEntryKind.Pending => new EntryPlan(entry, ImportOutcome.NotBooked, "not booked by the bank yet (pending): it is imported when the bank reports it booked"),
        BankEntryKind.Information => new EntryPlan(entry, ImportOutcome.NotBooked, "information only (INFO): the bank moved no money"),
        _ when _suspense.Find(entry.Key) is { } row => new EntryPlan(entry, ImportOutcome.AlreadyUnmatched,
            row.SameAs is { } same ? $"recognised before as the same payment as unmatched {same[..12]}" : null),
        _ when _sharedAccount && OtherReceivables.CannotBeOurs(entry) => NotOurs(entry),
        BankEntryKind.Payment => PlanPayment(entry),
        BankEntryKind.Reversal => PlanReversal(entry),
        BankEntryKind.Deduction => Unmatched(entry, "a deduction (BgMax TK21), not a payment: settle it on the invoice it belongs to",
            "ett avdrag (BgMax TK21), inte en betalning: reglera det på fakturan det hör till"),
        _ => Unmatched(entry, "a returned debit (a credit marked as a reversal), not a payment from a debtor: handle it in the finance system",
            "en återförd debitering (en insättning markerad som återföring), inte en betalning från en kund: hantera den i ekonomisystemet"),
    };

    // One plan for every such entry: a shared account's file may hold a hundred thousand of them.
    private static EntryPlan NotOurs(BankEntry entry) => new(entry, ImportOutcome.NotOurs);

    private EntryPlan PlanPayment(BankEntry entry)
    {
        var references = entry.References;
        if (references.Count == 0)
        {
            return Unmatched(entry, "no reference", "inget OCR-nummer eller annan referens");
        }

        var invoices = new List<Invoice>();
        foreach (var reference in references)
        {
            var several = references.Count == 1 ? "" : $"names {references.Count} references, and ";
            var flera = references.Count == 1 ? "" : $"anger {references.Count} referenser, och ";
            if (!OcrReference.TryParse(reference, out var ocr))
            {
                return Unmatched(entry, $"{several}reference '{reference}' is not a valid OCR number (length or check digit)",
                    $"{flera}referensen '{reference}' är inte ett giltigt OCR-nummer (längd eller kontrollsiffra)");
            }

            if (!_invoicesByOcr.TryGetValue(ocr, out var invoice))
            {
                return Unmatched(entry, $"{several}OCR {ocr} matches no issued invoice", $"{flera}OCR-numret {ocr} hör inte till någon utfärdad faktura");
            }

            if (invoices.All(i => i.Key != invoice.Key))
            {
                invoices.Add(invoice);
            }
        }

        // A payment dated before its invoice was issued is booked and flagged as paid in advance; one from before the year
        // preceding the invoice's cannot be its payment (PaymentAcceptance): a person looks at it.
        if (invoices.Select(i => (Invoice: i, Problem: PaymentAcceptance.TooEarlyProblem(i.Number, entry.BookingDate, i.IssueDate))).FirstOrDefault(p => p.Problem is not null) is { Problem: { } tooEarly, Invoice: var early })
        {
            // The refusal's own words, less what it says of booking: the entry is not booked, it waits on the list.
            return Unmatched(entry, tooEarly.Replace(" Nothing was booked.", "", StringComparison.Ordinal),
                PaymentAcceptance.TooEarlySwedish(early.Number, entry.BookingDate, early.IssueDate).Replace(" Inget bokfördes.", "", StringComparison.Ordinal));
        }

        var done = invoices.Select(i => (Invoice: i, Record: History(i.Key).Find(entry.Key))).Where(d => d.Record is not null).Select(d => (d.Invoice, Record: d.Record!)).ToList();
        if (done.FirstOrDefault(d => d.Record.Flag == PaymentFlag.AlreadyReceived) is { Record: { } twin })
        {
            return new EntryPlan(entry, ImportOutcome.AlreadyBooked, $"recognised before as {twin.Note}") { Done = [Result(done[0].Invoice.Key, twin)] };
        }

        var bookedSoFar = Money.Sum(done.Select(d => d.Record.Amount));
        if (done.Count > 0 && bookedSoFar == entry.Amount)
        {
            return new EntryPlan(entry, ImportOutcome.AlreadyBooked) { Done = [.. done.Select(d => Result(d.Invoice.Key, d.Record))] };
        }

        var fingerprint = _fingerprints[entry.Key];
        if (done.Count == 0 && _booked.Unpaired(fingerprint, _file.Format) is { } original)
        {
            return SameAsBooked(entry, invoices, fingerprint, original);
        }

        return Book(entry, invoices, done.Select(d => d.Invoice.Key).ToHashSet(), entry.Amount - bookedSoFar, fingerprint);
    }

    /// <summary>
    /// Money paid out of our account. When its one reference is the OCR number of one of our invoices that owes at
    /// least as much back, dated on or after the first money received on it, it is that invoice's refund and is booked
    /// as the ledger's refund (as <c>payments refund</c> would). Anything else — a supplier payment, a refund of more
    /// than is owed — is counted and listed with why, never booked.
    /// </summary>
    private EntryPlan PlanOutgoing(BankEntry entry)
    {
        const string NotOurs = "money paid out of our account (a supplier payment, a refund): counted, not booked";
        if (entry.References.Count != 1 || !OcrReference.TryParse(entry.References[0], out var ocr)
            || !_invoicesByOcr.TryGetValue(ocr, out var invoice))
        {
            return new EntryPlan(entry, ImportOutcome.Outgoing, NotOurs);
        }

        var history = History(invoice.Key);
        if (history.Find(entry.Key) is { } booked)
        {
            return new EntryPlan(entry, ImportOutcome.AlreadyBooked) { Done = [Result(invoice.Key, booked)] };
        }

        var paidBack = -entry.Amount;
        var owed = _dues[invoice.Key] < Money.Zero ? -_dues[invoice.Key] : Money.Zero;
        if (paidBack > owed)
        {
            return new EntryPlan(entry, ImportOutcome.Outgoing,
                $"money paid out quoting invoice {invoice.Number}'s OCR, but {owed} is owed back on it: not booked as its refund; check it, and book what is a refund with payments refund");
        }

        var firstReceived = history.Records.Where(r => r.Amount > Money.Zero).Select(r => (DateOnly?)r.PaidOn).Min();
        if (firstReceived is null || entry.BookingDate < firstReceived)
        {
            return new EntryPlan(entry, ImportOutcome.Outgoing,
                $"money paid out quoting invoice {invoice.Number}'s OCR, dated before any money was received on it: not booked as its refund; check it");
        }

        _dues[invoice.Key] += paidBack;
        var booking = new PaymentBooking(entry.EntryReference, _file.Source, paidBack, entry.BookingDate,
            $"refund paid out, {Describe(_file.Format, entry.EntryReference)}", entry.PayerName) { Key = entry.Key, FileId = _file.FileId };
        History(invoice.Key).Add(Planned(invoice.Number, booking, -paidBack));
        return new EntryPlan(entry, ImportOutcome.Booked, $"the refund owed on invoice {invoice.Number}")
        {
            Postings = [(invoice.Key, new PaymentPosting(booking, PostingKind.Refund))],
        };
    }

    /// <summary>
    /// Books the payment — or what of it a crash left unbooked — on the named invoices still without their part: each
    /// up to what it asks, the rest on the last (<see cref="PaymentAllocation"/>).
    /// </summary>
    private EntryPlan Book(BankEntry entry, List<Invoice> invoices, HashSet<InvoiceKey> booked, Money amount, string fingerprint)
    {
        var open = invoices.Where(i => !booked.Contains(i.Key)).ToList();
        if (open.Count == 0)
        {
            return new EntryPlan(entry, ImportOutcome.AlreadyBooked);
        }

        var parts = PaymentAllocation.Split(amount, [.. open.Select(i => _dues[i.Key])]);
        var shares = open.Zip(parts).Where(share => share.Second > Money.Zero).ToList();
        var count = booked.Count + shares.Count;
        var postings = new List<(InvoiceKey, PaymentPosting)>();
        foreach (var ((invoice, part), index) in shares.Select((share, index) => (share, index)))
        {
            var split = count > 1 ? new PaymentSplit(booked.Count + index + 1, count, entry.Amount) : null;
            var booking = new PaymentBooking(entry.EntryReference, _file.Source, part, entry.BookingDate,
                split is null ? null : $"{split}, references {entry.Reference}", entry.PayerName)
            {
                Key = entry.Key,
                Fingerprint = fingerprint,
                Split = split,
                FileId = _file.FileId,
            };
            postings.Add((invoice.Key, new PaymentPosting(booking)));
            _dues[invoice.Key] -= part;
            History(invoice.Key).Add(Planned(invoice.Number, booking, part));
        }

        _booked.Add(fingerprint, entry.Key, _file.Format, null,
            $"{Describe(_file.Format, entry.EntryReference)} from {_file.Source}, booked on {string.Join(", ", shares.Select(s => s.First.Number))}");
        return new EntryPlan(entry, ImportOutcome.Booked) { Postings = postings };
    }

    /// <summary>The payment was booked from the other format: a record of zero says so on the invoice that holds it.</summary>
    private EntryPlan SameAsBooked(BankEntry entry, List<Invoice> invoices, string fingerprint, SamePayments.Delivery original)
    {
        var home = invoices.FirstOrDefault(i => History(i.Key).Find(original.Key) is not null) ?? invoices[0];
        var reason = $"the same payment as {original.Description}: not booked again";
        var booking = new PaymentBooking(entry.EntryReference, _file.Source, entry.Amount, entry.BookingDate, reason, entry.PayerName)
        {
            Key = entry.Key,
            Fingerprint = fingerprint,
            FileId = _file.FileId,
        };
        _booked.Add(fingerprint, entry.Key, _file.Format, original.Key, reason);
        History(home.Key).Add(Planned(home.Number, booking, Money.Zero));
        return new EntryPlan(entry, ImportOutcome.SamePayment, reason) { Postings = [(home.Key, new PaymentPosting(booking, PostingKind.AlreadyReceived, original.Key))] };
    }

    private EntryPlan PlanReversal(BankEntry entry)
    {
        var reference = entry.References.Count > 0 ? entry.References[0] : null;
        if (reference is null)
        {
            return Unmatched(entry, "a reversal with no reference: find the payment it takes back", "en återföring utan referens: leta upp betalningen den tar tillbaka");
        }

        if (!OcrReference.TryParse(reference, out var ocr))
        {
            return Unmatched(entry, $"a reversal whose reference '{reference}' is not a valid OCR number (length or check digit)",
                $"en återföring vars referens '{reference}' inte är ett giltigt OCR-nummer (längd eller kontrollsiffra)");
        }

        if (!_invoicesByOcr.TryGetValue(ocr, out var invoice))
        {
            return Unmatched(entry, $"a reversal: OCR {ocr} matches no issued invoice", $"en återföring: OCR-numret {ocr} hör inte till någon utfärdad faktura");
        }

        var history = History(invoice.Key);
        if (history.Find(entry.Key) is { } booked)
        {
            return new EntryPlan(entry, ImportOutcome.AlreadyBooked) { Done = [Result(invoice.Key, booked)] };
        }

        var taken = -entry.Amount;
        var original = PaymentLedger.Reversible(history.Records, taken, _claimed);
        if (original is null)
        {
            return Unmatched(entry, $"a reversal of {taken} quoting OCR {invoice.Ocr}, but invoice {invoice.Number} has no booked payment of that amount to take back: a person must look into it",
                $"en återföring av {SwedishFormat.Amount(taken)} med OCR-numret {invoice.Ocr}, men faktura {invoice.Number} har ingen bokförd betalning på det beloppet att ta tillbaka: någon måste utreda den");
        }

        _claimed.Add(original);
        _dues[invoice.Key] += taken;
        var reversed = history.Find(original)!;
        var booking = new PaymentBooking(entry.EntryReference, _file.Source, taken, entry.BookingDate, $"reversal of {reversed.EntryReference}", entry.PayerName) { Key = entry.Key, FileId = _file.FileId };
        return new EntryPlan(entry, ImportOutcome.Booked, $"takes back {reversed.EntryReference} from {reversed.Source}")
        {
            Postings = [(invoice.Key, new PaymentPosting(booking, PostingKind.Reversal, original))],
        };
    }

    /// <summary>
    /// The entry goes to the unmatched list with the reason, and with the invoice its references or texts name as a
    /// suggestion — unless it is the same payment as one listed before from the other format, which is kept only to
    /// be recognised again. A payment without any reference cannot be told from another payer's of the same amount
    /// and day, so it is listed, with a warning when the other format has one like it.
    /// </summary>
    /// <param name="swedish">The same reason in Swedish, as the finance page shows it (the terminal's is English).</param>
    private EntryPlan Unmatched(BankEntry entry, string reason, string swedish)
    {
        var fingerprint = _fingerprints.GetValueOrDefault(entry.Key);
        var suggested = Suggest(entry);
        string? sameAs = null;
        if (fingerprint is not null && _listed.Unpaired(fingerprint, _file.Format) is { } original)
        {
            if (entry.References.Count > 0)
            {
                sameAs = original.Key;
                reason = $"the same payment as {original.Description}: not listed again";
                swedish = $"samma betalning som {original.Key[..12]} på listan: listas inte igen";
            }
            else
            {
                reason += $"; possibly the same payment as {original.Description}: book only one of them";
                swedish += $"; kanske samma betalning som {original.Key[..12]} på listan: bokför bara en av dem";
            }
        }

        if (fingerprint is not null)
        {
            _listed.Add(fingerprint, entry.Key, _file.Format, sameAs, $"{Describe(_file.Format, entry.EntryReference)} from {_file.Source} (unmatched {entry.Key[..12]})");
        }

        var row = new UnmatchedPayment(entry.Key, entry.EntryReference, _file.Source, entry.Amount, entry.BookingDate, entry.Reference, entry.PayerName, reason, _now)
        {
            Kind = entry.Kind,
            Texts = entry.Texts,
            Fingerprint = fingerprint,
            Suggested = suggested,
            SameAs = sameAs,
            SwedishReason = swedish,
            ReceivingAccount = entry.ReceivingAccount,
            FileId = _file.FileId,
        };
        return new EntryPlan(entry, sameAs is null ? ImportOutcome.Unmatched : ImportOutcome.SamePayment, reason) { Unmatched = row, Suggested = suggested };
    }

    /// <summary>The first invoice the entry's references, then its texts, name (a valid OCR number or an invoice number).</summary>
    private InvoiceSuggestion? Suggest(BankEntry entry)
    {
        var named = entry.References.Select(r => OcrReference.TryParse(r, out var ocr) ? ocr : (OcrReference?)null).OfType<OcrReference>()
            .Concat(InvoiceMentions.In(entry.References.Concat(entry.Texts)));
        return named.Select(ocr => _invoicesByOcr.GetValueOrDefault(ocr)).OfType<Invoice>()
            .Select(invoice => new InvoiceSuggestion(invoice.Key, invoice.DebtorName))
            .FirstOrDefault();
    }

    private KnownRecords History(InvoiceKey invoice)
    {
        if (!_histories.TryGetValue(invoice, out var history))
        {
            _histories[invoice] = history = new KnownRecords([]);
        }

        return history;
    }

    /// <summary>What an earlier entry of the file will have booked, for the entries after it.</summary>
    private PaymentRecord Planned(InvoiceNumber invoice, PaymentBooking booking, Money amount) =>
        new(invoice, booking.EntryReference, booking.Source, amount, booking.PaidOn, _now, PaymentStatus.Unpaid, PaymentStatus.Unpaid,
            amount == Money.Zero ? PaymentFlag.AlreadyReceived : PaymentFlag.None, booking.Note, booking.PayerName)
        {
            Key = booking.Key,
            Fingerprint = booking.Fingerprint,
        };

    private static BookingResult Result(InvoiceKey invoice, PaymentRecord record) =>
        new(invoice, false, record.StatusBefore, record.StatusAfter, record.Amount, record.Flag) { PaidInAdvance = record.PaidInAdvance, Split = record.Split };

    private static string Describe(BankFileFormat format, string entryReference) =>
        string.Create(CultureInfo.InvariantCulture, $"{(format == BankFileFormat.BgMax ? "BgMax" : "camt.054")} entry {entryReference}");

    /// <summary>An invoice's records, booked and planned, found by key (a file may hold many entries for one invoice).</summary>
    private sealed class KnownRecords
    {
        private readonly List<PaymentRecord> _records;
        private readonly Dictionary<string, PaymentRecord> _byKey = new(StringComparer.Ordinal);

        public KnownRecords(IEnumerable<PaymentRecord> records)
        {
            _records = [];
            foreach (var record in records)
            {
                Add(record);
            }
        }

        /// <summary>Oldest first.</summary>
        public IReadOnlyList<PaymentRecord> Records => _records;

        public PaymentRecord? Find(string key) => _byKey.GetValueOrDefault(key);

        public void Add(PaymentRecord record)
        {
            _records.Add(record);
            _byKey.TryAdd(record.Key, record);
        }
    }
}
