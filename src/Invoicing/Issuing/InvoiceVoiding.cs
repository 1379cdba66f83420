using Invoicing.Allocation;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Parties;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Issuing;

/// <summary>
/// Voids an invoice issued by mistake the Swedish way: never a deletion, but a full credit note that names it and the
/// reason, numbered in the same gapless series, issued by the same steps as a revision's credit notes
/// (<see cref="InvoiceIssuing"/>: number, PDF, UBL <c>CreditNote</c>, the credit in one transaction with the credit note,
/// hand-off and e-mail). The credit note's number is reserved under the voided invoice (and the reason with it), so an
/// interrupted void resumes under the same number and a repeated one issues nothing: an invoice is voided once. Its
/// chain then asks nothing more of it (<see cref="PaymentStatus.Credited"/>, never reminded); what was already paid on
/// it is owed back.
/// </summary>
public sealed partial class InvoiceVoiding(
    InvoiceStore invoices,
    InvoiceNumberSeries series,
    InvoiceIssuing issuing,
    BudgetStore budgets,
    PartyStore parties,
    IssuerDirectory issuers,
    Mail.Outbox outbox,
    AuditTrail audit,
    IOptions<Mail.SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<InvoiceVoiding> logger)
{
    /// <summary>A reason fits the credit note's "Anledning" line and a table property.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// Checks a void by the rules <see cref="VoidAsync"/> makes it by, and writes nothing: a void proposed for a second
    /// person's confirmation is refused now, in the same words, rather than at the confirmation.
    /// </summary>
    /// <exception cref="VoidRefusedException">As <see cref="VoidAsync"/>.</exception>
    public async Task<(string Why, DocumentChain Chain, InvoiceBalance Balance, Issuer Issuer)> CheckAsync(InvoiceKey key, string reason, CancellationToken cancellationToken)
    {
        var why = CheckReason(reason);
        var chain = await invoices.FindChainAsync(key, cancellationToken)
            ?? throw new VoidRefusedException(
                $"There is no invoice {key.Number} in scheme {key.Scheme}, year {key.Year}.",
                $"Det finns ingen faktura {key.Number} i samverkan {key.Scheme}, år {key.Year}.");
        if (chain.BalanceOf(key.Number) is not InvoiceBalance balance)
        {
            throw new VoidRefusedException(
                $"{key.Number} is a credit note; a credit note cannot be voided.",
                $"{key.Number} är en kreditfaktura; en kreditfaktura kan inte makuleras.");
        }

        var invoice = balance.Invoice;
        var issuer = issuers.For(key.Scheme);
        if (await series.FindVoidAsync(issuer.Id, key.Scheme, invoice.DebtorCode, key.Number, cancellationToken) is { } begun)
        {
            if (chain.CreditNotes.FirstOrDefault(c => c.Number == begun.Number) is { } done)
            {
                throw new VoidRefusedException(
                    $"Invoice {key.Number} is already voided by credit note {done.Number} of {IsoDate.Format(done.IssueDate)} ({done.Reason}); nothing was issued.",
                    $"Faktura {key.Number} är redan makulerad genom kreditfaktura {done.Number} den {IsoDate.Format(done.IssueDate)} ({done.Reason}); inget utfärdades.");
            }

            if (!string.Equals(begun.Reason, why, StringComparison.Ordinal))
            {
                throw new VoidRefusedException(
                    $"The void of invoice {key.Number} was begun as credit note {begun.Number} with the reason \"{begun.Reason}\"; give that reason to finish it.",
                    $"Makuleringen av faktura {key.Number} påbörjades som kreditfaktura {begun.Number} med anledningen \"{begun.Reason}\"; ange den anledningen för att slutföra den.");
            }
        }

        if (balance.Asked <= Money.Zero)
        {
            throw new VoidRefusedException(
                $"Invoice {key.Number} is already credited in full ({string.Join(", ", chain.Credits.Where(c => c.Invoice == key.Number).Select(c => c.CreditNote.Number))}); nothing is left to void.",
                $"Faktura {key.Number} är redan krediterad i sin helhet ({string.Join(", ", chain.Credits.Where(c => c.Invoice == key.Number).Select(c => c.CreditNote.Number))}); inget finns kvar att makulera.");
        }

        return (why, chain, balance, issuer);
    }

    /// <exception cref="VoidRefusedException">The document is a credit note, already voided or credited in full, or the reason is empty or too long; nothing was issued.</exception>
    public async Task<VoidResult> VoidAsync(InvoiceKey key, string reason, CancellationToken cancellationToken)
    {
        var (why, chain, balance, issuer) = await CheckAsync(key, reason, cancellationToken);
        var invoice = balance.Invoice;
        var budget = await budgets.GetAsync(key.Scheme, key.Year, cancellationToken);
        var debtor = (await parties.GetAllAsync(cancellationToken)).TryGetValue(invoice.DebtorCode, out var known)
            ? known
            : new Party(invoice.DebtorCode, PartyKind.Agency, invoice.DebtorName, null, null, [], null, null);
        var planned = new PlannedDocument(debtor, DocumentKind.CreditNote, Lines(chain, balance), budget.Revision, new DocumentReference(invoice.Number, invoice.IssueDate), why)
        {
            Voids = invoice.Number,
        };
        var result = (await issuing.IssueAsync(budget, [planned], issuer, SwedishCalendar.Today(time), cancellationToken)).Single();
        if (result.Failure is { } failure)
        {
            throw new InvalidOperationException($"Voiding invoice {key.Number} did not finish: {failure.Message} Run it again (with the same reason) to finish it.", failure);
        }

        if (!string.IsNullOrWhiteSpace(smtpOptions.Value.Host))
        {
            await outbox.DeliverPendingAsync(cancellationToken);
        }

        var reservation = await series.FindVoidAsync(issuer.Id, key.Scheme, invoice.DebtorCode, key.Number, cancellationToken)
            ?? throw new InvalidOperationException($"The credit note voiding invoice {key.Number} has no reservation.");
        var after = await invoices.FindChainAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {key.Number} disappeared while it was voided.");
        var creditNote = after.CreditNotes.Single(c => c.Number == reservation.Number);
        var (total, number) = (creditNote.Total.ToInvariantString(), creditNote.Number);
        await audit.RecordAsync(
            new AuditEntry($"void:{key.Scheme}:{key.Year}:{key.Number}", AuditActions.InvoiceVoided, $"voided by credit note {number}: {why}")
            {
                SwedishDetails = $"makulerad med kreditfaktura {number}: {why}",
                Scheme = key.Scheme,
                Year = key.Year,
                Invoice = key.Number,
                Amount = creditNote.SignedTotal,
                Before = balance.Invoice.OwnRemaining,
                After = after.InvoiceBalanceOf(key.Number).Invoice.OwnRemaining,
            },
            cancellationToken);
        LogVoided(key.Number, number, total, why);
        return new VoidResult(after.InvoiceBalanceOf(key.Number), creditNote, after.Balance);
    }

    private static string CheckReason(string reason)
    {
        try
        {
            var text = DocumentText.Check(reason, MaxReasonLength);
            return text.Length > 0
                ? text
                : throw new VoidRefusedException(
                    "A void needs a reason (--reason): it is printed on the credit note.",
                    "En makulering kräver en anledning (--reason): den skrivs ut på kreditfakturan.");
        }
        catch (FormatException e)
        {
            throw new VoidRefusedException($"The reason {e.Message}", $"Anledningen {DocumentText.SwedishProblem(reason, MaxReasonLength)}");
        }
    }

    /// <summary>
    /// The credit note's lines: the invoice's own lines, less what credit notes of a revision already took off each budget
    /// line of it, so that a later revision still finds every budget line's total right.
    /// </summary>
    /// <exception cref="VoidRefusedException">Earlier credits were spread over the chain so that no line of this invoice can say what is left of it.</exception>
    private static PlannedInvoiceLine[] Lines(DocumentChain chain, InvoiceBalance balance)
    {
        var invoice = balance.Invoice;
        var credits = chain.Credits.Where(c => c.Invoice == invoice.Number).ToArray();
        var lines = invoice.Lines
            .Select(l => new PlannedInvoiceLine(
                l.BudgetLineNumber,
                $"Makulering av faktura {invoice.Number}: {l.Description}",
                l.Amount - Money.Sum(credits.SelectMany(c => c.CreditNote.Lines.Where(cl => cl.BudgetLineNumber == l.BudgetLineNumber)).Select(cl => cl.Amount))))
            .Where(l => l.Amount != Money.Zero)
            .ToArray();
        if (credits.Any(c => c.Amount != c.CreditNote.Total) || lines.Any(l => l.Amount < Money.Zero) || Money.Sum(lines.Select(l => l.Amount)) != balance.Asked)
        {
            throw new VoidRefusedException(
                $"Invoice {invoice.Number} was partly credited by credit notes that also took from its other invoices; credit what is left of it by a budget revision instead.",
                $"Faktura {invoice.Number} har delvis krediterats genom kreditfakturor som också tog från dess andra fakturor; kreditera det som är kvar av den genom en budgetrevidering i stället.");
        }

        return lines;
    }

    [LoggerMessage(EventId = 1010, EventName = "InvoiceVoided", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber} voided by credit note {CreditNoteNumber}, {Total} SEK: {Reason}")]
    private partial void LogVoided(InvoiceNumber invoiceNumber, InvoiceNumber creditNoteNumber, string total, string reason);
}

/// <summary>What a void did: the voided invoice and its chain as they now stand, and the credit note that voided it.</summary>
public sealed record VoidResult(InvoiceBalance Invoice, CreditNote CreditNote, ChainBalance Chain);

/// <summary>A void that cannot be done as asked (a credit note, already voided, no reason); nothing was issued.</summary>
public sealed class VoidRefusedException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
