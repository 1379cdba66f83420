using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>
/// An invoice as recorded in Table Storage (possibly a supplementary one that <see cref="AddsTo"/> another), with its
/// balance: the only document that asks for money, is paid, credited, refunded and reminded. Amounts are positive.
/// </summary>
public sealed record Invoice(
    SchemeId Scheme,
    int Year,
    InvoiceNumber Number,
    PartyCode DebtorCode,
    string DebtorName,
    OcrReference Ocr,
    DateOnly IssueDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceLine> Lines,
    Money Net,
    Money Vat,
    Money Total,
    string BlobName,
    string PdfSha256)
    : IssuedDocument(Scheme, Year, Number, DebtorCode, DebtorName, IssueDate, Lines, Net, Vat, Total, BlobName, PdfSha256)
{
    public override DocumentKind Kind => DocumentKind.Invoice;

    /// <summary>The invoice a supplementary invoice adds to; null on a first invoice.</summary>
    public DocumentReference? AddsTo { get; init; }

    public override DocumentReference? Corrects => AddsTo;

    /// <summary>
    /// This document's own status, from its own rows (its payments, refunds and the credits taken off it), as stored
    /// and as a payment's record states it before and after. What a party is told is its chain's: see
    /// <see cref="DocumentChain"/>, which nets a chain's documents against each other.
    /// </summary>
    public PaymentStatus Status { get; init; } = PaymentStatus.Unpaid;

    /// <summary>Money received on this invoice: its payments less the bank's reversals.</summary>
    public Money AmountPaid { get; init; } = Money.Zero;

    /// <summary>What credit notes have taken off this invoice.</summary>
    public Money Credited { get; init; } = Money.Zero;

    /// <summary>Money paid back to the party on this invoice (refunds of what it paid beyond what was asked).</summary>
    public Money Refunded { get; init; } = Money.Zero;

    /// <summary>
    /// What this document alone still lacks: total − credits − payments + refunds; negative when more was received
    /// than it asks for. Stored as <c>AmountDueOre</c>, the reminder run's query index: a
    /// chain never asks more for a document than this (<see cref="DocumentChain"/> only nets surpluses against it).
    /// </summary>
    internal Money OwnRemaining => Total - Credited - AmountPaid + Refunded;

    public DateOnly? LastPaymentDate { get; init; }

    /// <summary>How many reminders have been recorded (0, 1 or 2).</summary>
    public int ReminderLevel { get; init; }

    public DateOnly? LastReminderDate { get; init; }

    /// <summary>Set after the last reminder: a person takes over.</summary>
    public bool NeedsManualFollowUp { get; init; }

    /// <summary>
    /// The invoice after a payment: the amount paid grows and the status follows from it. A payment must be
    /// positive; one to an invoice already paid in full is allowed (it is money received) and makes it Overpaid.
    /// </summary>
    public Invoice WithPayment(Money amount, DateOnly paidOn)
    {
        if (amount <= Money.Zero)
        {
            throw new InvalidPaymentException(
                $"Invoice {Number}: a payment must be a positive amount, not {amount}.",
                $"Faktura {Number}: en betalning måste vara ett positivt belopp, inte {amount}.");
        }

        var after = this with { AmountPaid = AmountPaid + amount, LastPaymentDate = LastPaymentDate is { } last && last > paidOn ? last : paidOn };
        return after with { Status = after.OwnStatus };
    }

    /// <summary>
    /// The invoice after a credit note took <paramref name="amount"/> off it. A credit is positive and never
    /// more than what is still uncredited; on an invoice already paid it leaves a refund owed.
    /// </summary>
    public Invoice WithCredit(Money amount)
    {
        if (amount <= Money.Zero || amount > Total - Credited)
        {
            throw new InvalidOperationException($"Invoice {Number}: a credit of {amount} must be positive and at most the {Total - Credited} not yet credited.");
        }

        var after = this with { Credited = Credited + amount };
        return after with { Status = after.OwnStatus };
    }

    /// <summary>
    /// The invoice after the bank took back <paramref name="amount"/> of a booked payment: the amount paid falls by
    /// it and the status follows. It cannot fall below zero: only money booked can be taken back.
    /// </summary>
    public Invoice WithReversal(Money amount) => WithMoneyTakenBack(amount, "reversal", "en återföring");

    /// <summary>
    /// The invoice after a payer's deduction of <paramref name="amount"/> (BgMax TK21, e.g. a credit invoice the payer
    /// took off a payment) was settled on it: the amount paid falls by it, never below zero.
    /// </summary>
    public Invoice WithDeduction(Money amount) => WithMoneyTakenBack(amount, "deduction", "ett avdrag");

    private Invoice WithMoneyTakenBack(Money amount, string what, string swedishWhat)
    {
        if (amount <= Money.Zero || amount > AmountPaid)
        {
            throw new InvalidPaymentException(
                $"Invoice {Number}: a {what} of {amount} cannot take back more than the {AmountPaid} paid.",
                $"Faktura {Number}: {swedishWhat} på {amount} kan inte ta tillbaka mer än de {AmountPaid} som är betalda.");
        }

        var after = this with { AmountPaid = AmountPaid - amount };
        return after with { Status = after.OwnStatus };
    }

    /// <summary>
    /// The invoice after <paramref name="amount"/> was paid back to the party: at most what this invoice has received
    /// beyond what it asks for. The status follows (<see cref="PaymentStatus.Paid"/> once nothing is owed back).
    /// </summary>
    public Invoice WithRefund(Money amount)
    {
        if (amount <= Money.Zero || amount > -OwnRemaining)
        {
            var owed = OwnRemaining < Money.Zero ? -OwnRemaining : Money.Zero;
            throw new InvalidPaymentException(
                $"Invoice {Number}: a refund of {amount} must be positive and at most the {owed} owed back on it; nothing was booked.",
                $"Faktura {Number}: en återbetalning på {amount} måste vara positiv och högst de {owed} som ska betalas tillbaka på den; inget bokfördes.");
        }

        var after = this with { Refunded = Refunded + amount };
        return after with { Status = after.OwnStatus };
    }

    /// <summary>The invoice after reminder <paramref name="level"/>; levels go 1, 2 in order, and only while money is due.</summary>
    public Invoice WithReminder(int level, DateOnly remindedOn)
    {
        if (level != ReminderLevel + 1 || level > MaxReminderLevel)
        {
            throw new InvalidOperationException($"Invoice {Number}: reminder {level} cannot follow reminder level {ReminderLevel}.");
        }

        if (OwnRemaining <= Money.Zero)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}; a paid invoice gets no reminder.");
        }

        return this with { ReminderLevel = level, LastReminderDate = remindedOn };
    }

    /// <summary>The invoice handed to a person after its last reminder.</summary>
    public Invoice WithManualFollowUp()
    {
        if (ReminderLevel != MaxReminderLevel || NeedsManualFollowUp)
        {
            throw new InvalidOperationException($"Invoice {Number}: manual follow-up comes once, after reminder {MaxReminderLevel}.");
        }

        return this with { NeedsManualFollowUp = true };
    }

    public const int MaxReminderLevel = 2;

    private PaymentStatus OwnStatus => PaymentStatuses.For(Total - Credited, OwnRemaining);
}

/// <summary>An invoice line as issued; <see cref="BudgetLineNumber"/> ties it to the budget.</summary>
public sealed record InvoiceLine(int BudgetLineNumber, string Description, Money Amount);
