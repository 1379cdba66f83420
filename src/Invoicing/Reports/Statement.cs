using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Reports;

/// <summary>What an entry of a statement records.</summary>
public enum StatementEntryKind
{
    Invoice,
    SupplementaryInvoice,
    CreditNote,
    Payment,

    /// <summary>The bank took a booked payment back.</summary>
    Reversal,

    /// <summary>A payer's deduction (BgMax TK21) settled on an invoice.</summary>
    Deduction,

    /// <summary>Money paid back to the party.</summary>
    Refund,

    /// <summary>A reminder sent: moves no money, listed so the party sees when it was reminded.</summary>
    Reminder,
}

/// <summary>
/// One line of a statement: <see cref="Debit"/> is what it adds to what the party owes (a document asking for money,
/// a payment taken back, money paid back to it), <see cref="Credit"/> what it takes off (a credit note, a payment);
/// at most one of them is not zero, and neither is negative. <see cref="Balance"/> is the running balance after it:
/// positive is owed by the party, negative owed to it.
/// </summary>
public sealed record StatementEntry(DateOnly Date, StatementEntryKind Kind, InvoiceNumber Document, string Text, Money Debit, Money Credit, Money Balance)
{
    public Money Change => Debit - Credit;
}

/// <summary>
/// The statement (kontoutdrag) of one party's account in one scheme's year, as of a day: every document (invoice,
/// supplementary invoice, credit note), payment, reversal, deduction, refund and reminder of the party dated on or
/// before <see cref="AsOf"/>, in date order, each with the running balance; the last balance is <see cref="Closing"/>.
/// There is no statement that does not add up: the constructor refuses entries out of date order, an entry with
/// both or a negative side, or a running balance that is not the previous one plus the entry's change. Pure.
/// </summary>
public sealed record Statement
{
    public Statement(SchemeId scheme, int year, PartyCode party, string partyName, DateOnly asOf, IReadOnlyList<StatementEntry> entries)
    {
        var balance = Money.Zero;
        DateOnly? previous = null;
        foreach (var entry in entries)
        {
            if (entry.Debit < Money.Zero || entry.Credit < Money.Zero || (entry.Debit != Money.Zero && entry.Credit != Money.Zero))
            {
                throw new ArgumentException($"Statement entry {entry.Document} {entry.Date:yyyy-MM-dd}: debit {entry.Debit} and credit {entry.Credit} must not be negative, and one of them must be zero.", nameof(entries));
            }

            if (entry.Date > asOf || (previous is { } before && entry.Date < before))
            {
                throw new ArgumentException($"Statement entry {entry.Document} {entry.Date:yyyy-MM-dd} is out of date order or after the statement's day {asOf:yyyy-MM-dd}.", nameof(entries));
            }

            if (entry.Kind == StatementEntryKind.Reminder && entry.Change != Money.Zero)
            {
                throw new ArgumentException($"Statement entry {entry.Document} {entry.Date:yyyy-MM-dd}: a reminder moves no money.", nameof(entries));
            }

            balance += entry.Change;
            if (entry.Balance != balance)
            {
                throw new ArgumentException($"Statement entry {entry.Document} {entry.Date:yyyy-MM-dd}: running balance {entry.Balance} is not {balance}.", nameof(entries));
            }

            previous = entry.Date;
        }

        (Scheme, Year, Party, PartyName, AsOf, Entries, Closing) = (scheme, year, party, partyName, asOf, entries, balance);
    }

    public SchemeId Scheme { get; }

    public int Year { get; }

    public PartyCode Party { get; }

    public string PartyName { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyList<StatementEntry> Entries { get; }

    /// <summary>The last running balance: what the party owes (negative: what is owed back to it).</summary>
    public Money Closing { get; }

    /// <summary>"Att betala": what the party still has to pay.</summary>
    public Money Due => Closing > Money.Zero ? Closing : Money.Zero;

    /// <summary>"Att återbetala": what the issuer owes the party back.</summary>
    public Money RefundOwed => Closing < Money.Zero ? -Closing : Money.Zero;

    /// <summary>
    /// The statement of <paramref name="party"/> from a scheme's year as the ledger holds it: its documents, the
    /// payment records of the year (records of other parties' invoices are ignored) and the reminders recorded.
    /// When nothing is dated after <paramref name="asOf"/>, the closing balance is what the party's chains still lack
    /// (<see cref="DocumentChain"/>, the number the list, reminders and the aging report read), or the ledger's rows
    /// disagree with its balances and there is no statement.
    /// </summary>
    /// <exception cref="ArgumentException">A document is of another scheme, year or party.</exception>
    /// <exception cref="InvalidDataException">The records do not add up to the chains' balances.</exception>
    public static Statement Of(
        SchemeId scheme,
        int year,
        PartyCode party,
        IReadOnlyList<IssuedDocument> documents,
        IReadOnlyList<PaymentRecord> payments,
        IReadOnlyList<ReminderRecord> reminders,
        DateOnly asOf)
    {
        if (documents.FirstOrDefault(d => d.Scheme != scheme || d.Year != year || d.DebtorCode != party) is { } stray)
        {
            throw new ArgumentException($"Document {stray.Number} is of {stray.DebtorCode} in {stray.Scheme} {stray.Year}, not of the statement's {party} in {scheme} {year}.", nameof(documents));
        }

        var byNumber = documents.ToDictionary(d => d.Number);
        var moves = new List<(DateOnly Date, int Order, InvoiceNumber Number, DateTimeOffset Booked, string Key, StatementEntryKind Kind, string Text, Money Change)>();
        foreach (var document in documents)
        {
            var (kind, text) = document switch
            {
                CreditNote creditNote => (StatementEntryKind.CreditNote, $"Kreditfaktura avseende faktura {creditNote.Credits.Number}"),
                Invoice { AddsTo: { } adds } => (StatementEntryKind.SupplementaryInvoice, $"Tilläggsfaktura till faktura {adds.Number}"),
                _ => (StatementEntryKind.Invoice, "Faktura"),
            };
            moves.Add((document.IssueDate, 0, document.Number, default, "", kind, text, document.SignedTotal));
        }

        foreach (var payment in payments.Where(p => byNumber.ContainsKey(p.Invoice) && p.Flag != PaymentFlag.AlreadyReceived))
        {
            var (kind, text) = payment.Flag switch
            {
                PaymentFlag.Reversal => (StatementEntryKind.Reversal, "Återförd inbetalning"),
                PaymentFlag.Deduction => (StatementEntryKind.Deduction, "Avdrag vid betalning"),
                PaymentFlag.Refund => (StatementEntryKind.Refund, "Återbetalt till er"),
                _ => (StatementEntryKind.Payment, "Inbetalning"),
            };

            // A payment's record is positive; a reversal, deduction or refund is negative: each changes what is owed by minus its amount.
            moves.Add((payment.PaidOn, 1, payment.Invoice, payment.BookedAt, payment.Key, kind, text, -payment.Amount));
        }

        foreach (var reminder in reminders.Where(r => byNumber.ContainsKey(r.Invoice)))
        {
            moves.Add((reminder.RemindedOn, 2, reminder.Invoice, reminder.RecordedAt, "", StatementEntryKind.Reminder,
                $"Påminnelse {reminder.Level}, att betala {SwedishFormat.Amount(reminder.Total)} senast {SwedishFormat.Date(reminder.NewDueDate)}", Money.Zero));
        }

        var balance = Money.Zero;
        var entries = new List<StatementEntry>();
        foreach (var move in moves
            .OrderBy(m => m.Date).ThenBy(m => m.Order).ThenBy(m => m.Number).ThenBy(m => m.Booked).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Where(m => m.Date <= asOf))
        {
            balance += move.Change;
            entries.Add(new StatementEntry(
                move.Date, move.Kind, move.Number, move.Text,
                move.Change > Money.Zero ? move.Change : Money.Zero,
                move.Change < Money.Zero ? -move.Change : Money.Zero,
                balance));
        }

        if (moves.All(m => m.Date <= asOf))
        {
            var remaining = Money.Sum(DocumentChain.Of(documents).Select(c => c.Balance.Remaining));
            if (remaining != balance)
            {
                throw new InvalidDataException($"Table Invoices: the records of {party} in {scheme} {year} sum to {balance}, but its invoices' balances to {remaining}.");
            }
        }

        return new Statement(scheme, year, party, documents.MaxBy(d => d.Number)?.DebtorName ?? party.Value, asOf, entries);
    }
}
