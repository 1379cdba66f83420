using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Periods;
using Invoicing.Planning;
using Invoicing.Storage;

namespace Invoicing.Approvals;

/// <summary>
/// Four eyes (attestordning): a void, a refund, a budget approval or the reopening of a closed month proposed by one
/// finance user takes effect when a different one confirms it. Proposals are rows of the <c>ChangeProposals</c> table
/// (its one owner); the change itself is made by its own room's operation (<see cref="InvoiceVoiding"/>,
/// <see cref="PaymentLedger.RefundAsync"/>, <see cref="BudgetApproval"/>, <see cref="AccountingPeriods.ReopenAsync"/>)
/// under the confirming user's name, so both names are in the audit trail: the proposer's on <c>change.proposed</c>,
/// the confirmer's on <c>change.confirmed</c> and on the change.
/// </summary>
public sealed class ChangeProposals(
    InvoicingStorage storage, InvoiceVoiding voiding, PaymentLedger ledger, BudgetApproval approval, BudgetStore budgets, AccountingPeriods periods,
    IssuerDirectory issuers, AuditTrail audit, TimeProvider time)
{
    private const string Partition = "proposal";

    private TableClient Table => storage.Table(StorageNames.ChangeProposals);

    /// <summary>Proposes a void, checked now as it will be made (<see cref="InvoiceVoiding.CheckAsync"/>).</summary>
    /// <exception cref="VoidRefusedException">It could not be made; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeVoidAsync(InvoiceKey invoice, string reason, CancellationToken cancellationToken)
    {
        await voiding.CheckAsync(invoice, reason, cancellationToken);
        return await ProposeAsync(New(ChangeKind.Void, invoice.Scheme, invoice.Year, reason) with { Number = invoice.Number }, cancellationToken);
    }

    /// <summary>Proposes a refund, checked now as it will be booked (<see cref="PaymentLedger.CheckRefundAsync"/>).</summary>
    /// <exception cref="InvalidPaymentException">It could not be booked; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeRefundAsync(
        InvoiceKey invoice, Money amount, DateOnly paidOn, string reference, string? note, CancellationToken cancellationToken)
    {
        await ledger.CheckRefundAsync(invoice, PaymentBooking.ManualRefund(invoice.Number, amount, paidOn, reference, note), cancellationToken);
        return await ProposeAsync(
            New(ChangeKind.Refund, invoice.Scheme, invoice.Year, reference) with { Number = invoice.Number, Amount = amount, On = paidOn, Note = note }, cancellationToken);
    }

    /// <summary>Proposes a budget's approval, checked now as it will be made (<see cref="BudgetApproval.CheckAsync"/>).</summary>
    /// <exception cref="BudgetNotFoundException">No such budget; nothing is proposed.</exception>
    /// <exception cref="BudgetStateException">It is not a draft; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeApprovalAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        await approval.CheckAsync(scheme, year, decision, cancellationToken);
        return await ProposeAsync(New(ChangeKind.BudgetApproval, scheme, year, decision.Reference) with { On = decision.DecidedOn }, cancellationToken);
    }

    /// <summary>Proposes reopening a closed month of the books of <paramref name="scheme"/>'s issuer, checked now (<see cref="AccountingPeriods.CheckReopenAsync"/>).</summary>
    /// <exception cref="PeriodStateException">The month is open, or no reason is given; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeReopeningAsync(SchemeId scheme, AccountingMonth month, string reason, CancellationToken cancellationToken)
    {
        await periods.CheckReopenAsync(issuers.For(scheme), month, reason, cancellationToken);
        return await ProposeAsync(New(ChangeKind.PeriodReopening, scheme, month.Year, reason.Trim()) with { Month = month }, cancellationToken);
    }

    /// <summary>Every proposal, the open ones first, each group the oldest first.</summary>
    public async Task<IReadOnlyList<ProposedChange>> ListAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var all = new List<ProposedChange>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            all.Add(FromEntity(row));
        }

        return [.. all.OrderBy(p => p.State != ProposalState.Proposed).ThenBy(p => p.ProposedAt)];
    }

    public async Task<ProposedChange?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>
    /// Makes the proposed change as <see cref="Actor.Current"/>, who must not be the proposer. Safe to repeat: the void
    /// and the refund are each made once whoever confirms, and a confirmed proposal answers with what it did.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such proposal.</exception>
    /// <exception cref="FourEyesException">The proposer confirms their own proposal.</exception>
    /// <exception cref="ProposalStateException">Rejected already.</exception>
    /// <exception cref="VoidRefusedException">The void can no longer be made; the proposal stays open (reject it).</exception>
    /// <exception cref="InvalidPaymentException">The refund can no longer be booked; the proposal stays open.</exception>
    /// <exception cref="BudgetStateException">The budget can no longer be approved (approved otherwise meanwhile); the proposal stays open.</exception>
    /// <exception cref="PeriodStateException">The month is open already; the proposal stays open.</exception>
    public async Task<(ProposedChange Proposal, VoidResult? Void, BookingResult? Refund)> ConfirmAsync(string id, CancellationToken cancellationToken)
    {
        var (proposal, etag) = await ReadAsync(id, cancellationToken);
        var confirmer = Actor.Current;
        if (ProposedChange.SamePerson(proposal.ProposedBy, confirmer))
        {
            throw new FourEyesException(
                $"You proposed this change yourself ({proposal.Describe()}); another person with the finance role must confirm it (four eyes).",
                $"Du föreslog själv denna ändring ({proposal.DescribeInSwedish()}); en annan person med ekonomirollen måste godkänna den (fyra ögon).");
        }

        if (proposal.State == ProposalState.Rejected)
        {
            throw new ProposalStateException(
                $"The proposal {id} ({proposal.Describe()}) was rejected by {proposal.DecidedBy}; nothing was changed.",
                $"Förslaget {id} ({proposal.DescribeInSwedish()}) avslogs av {proposal.DecidedBy}; inget ändrades.");
        }

        if (proposal.State == ProposalState.Confirmed && proposal.Kind != ChangeKind.Refund)
        {
            // Made once already; a refund is booked again by its key, which books it once and says so.
            return (proposal, null, null);
        }

        VoidResult? voided = null;
        BookingResult? refunded = null;
        string outcome;
        switch (proposal.Kind)
        {
            case ChangeKind.Void:
                voided = await voiding.VoidAsync(proposal.Invoice!.Value, proposal.Reason, cancellationToken);
                outcome = $"credit note {voided.CreditNote.Number}";
                break;
            case ChangeKind.Refund:
                // Keyed like every refund by hand: booked once, however often it is confirmed.
                refunded = await ledger.RefundAsync(
                    proposal.Invoice!.Value,
                    PaymentBooking.ManualRefund(proposal.Number!.Value, proposal.Amount!.Value, proposal.On!.Value, proposal.Reason, proposal.Note),
                    cancellationToken);
                outcome = refunded.Booked ? $"refund booked: {refunded.Before} -> {refunded.After}" : "refund was booked already";
                break;
            case ChangeKind.BudgetApproval:
                outcome = await ApproveAsync(proposal, cancellationToken);
                break;
            default:
                outcome = await ReopenAsync(proposal, cancellationToken);
                break;
        }

        if (proposal.State == ProposalState.Confirmed)
        {
            return (proposal, voided, refunded);
        }

        var confirmed = proposal with { State = ProposalState.Confirmed, DecidedBy = confirmer, DecidedAt = time.GetUtcNow(), Outcome = outcome };
        try
        {
            await Table.UpdateEntityAsync(ToEntity(confirmed), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Confirmed at the same moment by someone else: the change was made once all the same.
            return ((await FindAsync(id, cancellationToken))!, voided, refunded);
        }

        await audit.RecordAsync(
            new AuditEntry($"confirm:{id}", AuditActions.ChangeConfirmed,
                $"{proposal.Describe()}, proposed by {proposal.ProposedBy} at {Instant(proposal.ProposedAt)}: {outcome}")
            {
                Scheme = proposal.Scheme,
                Year = proposal.Year,
                Invoice = proposal.Number,
                Amount = proposal.Amount,
                // What the change did has its own events (the credit note, the refund, the approval); this one says it was confirmed.
                SwedishDetails = $"{proposal.DescribeInSwedish()}, föreslogs av {proposal.ProposedBy} {Instant(proposal.ProposedAt)}: godkändes av en annan ekonom",
            },
            cancellationToken);
        return (confirmed, voided, refunded);
    }

    /// <summary>
    /// Approves the budget as proposed. An approval this proposal made before its row could be marked confirmed (the
    /// process stopped in between) is found by its decision and counted as made, so a repeated confirmation succeeds.
    /// </summary>
    private async Task<string> ApproveAsync(ProposedChange proposal, CancellationToken cancellationToken)
    {
        var decision = new BudgetDecision(proposal.On!.Value, proposal.Reason);
        try
        {
            var approved = await approval.ApproveAsync(proposal.Scheme, proposal.Year, decision, cancellationToken);
            return $"budget approved: income {approved.TotalIncome.ToInvariantString()} SEK";
        }
        catch (BudgetStateException)
        {
            if (await budgets.FindAsync(proposal.Scheme, proposal.Year, cancellationToken) is { Status: BudgetStatus.Approved, Decision: { } made } && made == decision)
            {
                return "budget was approved already, by this decision";
            }

            throw;
        }
    }

    /// <summary>Reopens the month as proposed; one this proposal reopened already (its reason recorded) counts as made.</summary>
    private async Task<string> ReopenAsync(ProposedChange proposal, CancellationToken cancellationToken)
    {
        var issuer = issuers.For(proposal.Scheme);
        var month = proposal.Month!.Value;
        try
        {
            await periods.ReopenAsync(issuer, month, proposal.Reason, cancellationToken);
            return $"{month} reopened";
        }
        catch (PeriodStateException)
        {
            if ((await periods.ListAsync(issuer, cancellationToken)).Any(p => p.Month == month && !p.Closed && p.ReopenReason == proposal.Reason))
            {
                return $"{month} was reopened already, for this reason";
            }

            throw;
        }
    }

    /// <summary>Rejects (or, by the proposer, withdraws) an open proposal; nothing is changed.</summary>
    public async Task<ProposedChange> RejectAsync(string id, string? why, CancellationToken cancellationToken)
    {
        var (proposal, etag) = await ReadAsync(id, cancellationToken);
        if (proposal.State != ProposalState.Proposed)
        {
            throw new ProposalStateException(
                $"The proposal {id} ({proposal.Describe()}) is {proposal.State.ToString().ToLowerInvariant()} already.",
                $"Förslaget {id} ({proposal.DescribeInSwedish()}) är redan {ProposedChange.StateInSwedish(proposal.State)}.");
        }

        var actor = Actor.Current;
        var rejected = proposal with { State = ProposalState.Rejected, DecidedBy = actor, DecidedAt = time.GetUtcNow(), Outcome = string.IsNullOrWhiteSpace(why) ? "rejected" : why.Trim() };
        try
        {
            await Table.UpdateEntityAsync(ToEntity(rejected), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ProposalStateException(
                $"The proposal {id} was decided by someone else at the same moment; look again.",
                $"Förslaget {id} avgjordes av någon annan i samma stund; titta igen.");
        }

        await audit.RecordAsync(
            new AuditEntry($"reject:{id}", AuditActions.ChangeRejected, $"{proposal.Describe()}, proposed by {proposal.ProposedBy}: {rejected.Outcome}")
            {
                SwedishDetails = $"{proposal.DescribeInSwedish()}, föreslogs av {proposal.ProposedBy}: avvisades"
                    + (string.IsNullOrWhiteSpace(why) ? "" : $" ({why.Trim()})"),
                Scheme = proposal.Scheme,
                Year = proposal.Year,
                Invoice = proposal.Number,
                Amount = proposal.Amount,
            },
            cancellationToken);
        return rejected;
    }

    private ProposedChange New(ChangeKind kind, SchemeId scheme, int year, string reason) =>
        new("", kind, scheme, year, reason, Actor.Current, time.GetUtcNow());

    private async Task<(ProposedChange Proposal, bool Created)> ProposeAsync(ProposedChange change, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var proposal = change with { Id = IdOf(change) };
        try
        {
            await Table.AddEntityAsync(ToEntity(proposal), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await FindAsync(proposal.Id, cancellationToken))!, false);
        }

        await audit.RecordAsync(
            new AuditEntry($"propose:{proposal.Id}", AuditActions.ChangeProposed, $"{proposal.Describe()}: waits for another finance user's confirmation (proposal {proposal.Id})")
            {
                SwedishDetails = $"{proposal.DescribeInSwedish()}: väntar på att en annan ekonom godkänner (förslag {proposal.Id})",
                Scheme = proposal.Scheme,
                Year = proposal.Year,
                Invoice = proposal.Number,
                Amount = proposal.Amount,
            },
            cancellationToken);
        return (proposal, true);
    }

    private async Task<(ProposedChange Proposal, ETag ETag)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? (FromEntity(row.Value!), row.Value!.ETag) : throw new KeyNotFoundException($"There is no proposal {id}.");
    }

    /// <summary>
    /// 32 lower-case hex digits: the start of the SHA-256 of what the proposal changes. The fields of a void and a refund
    /// come in the order they always did; a budget approval's and a reopening's after them.
    /// </summary>
    private static string IdOf(ProposedChange p) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', p.Kind, p.Scheme, p.Year.ToString(CultureInfo.InvariantCulture), p.Number?.ToString() ?? "", p.Reason,
                p.Amount?.Ore.ToString(CultureInfo.InvariantCulture) ?? "", p.On is { } d ? IsoDate.Format(d) : "", p.Month?.ToString() ?? ""))))[..32];

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static TableEntity ToEntity(ProposedChange p)
    {
        var row = new TableEntity(Partition, p.Id)
        {
            ["Kind"] = p.Kind.ToString(),
            ["Scheme"] = p.Scheme.Value,
            ["Year"] = p.Year,
            ["Invoice"] = p.Number?.ToString(),
            ["Reason"] = p.Reason,
            ["AmountOre"] = p.Amount?.Ore,
            ["On"] = p.On is { } d ? IsoDate.Format(d) : null,
            ["Month"] = p.Month?.ToString(),
            ["Note"] = p.Note,
            ["ProposedAt"] = p.ProposedAt,
            ["State"] = p.State.ToString(),
            ["DecidedAt"] = p.DecidedAt,
            ["Outcome"] = p.Outcome,
        };
        p.ProposedBy.WriteTo(row, "ProposedBy");
        p.DecidedBy?.WriteTo(row, "DecidedBy");
        return row;
    }

    private static ProposedChange FromEntity(TableEntity row)
    {
        string Required(string name) => row.GetString(name) ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: {name} is missing.");
        return new ProposedChange(
            row.RowKey,
            Enum.Parse<ChangeKind>(Required("Kind")),
            new SchemeId(Required("Scheme")),
            row.GetInt32("Year") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: Year is missing."),
            Required("Reason"),
            Actor.ReadFrom(row, "ProposedBy") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: ProposedByName is missing."),
            row.GetDateTimeOffset("ProposedAt") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: ProposedAt is missing."))
        {
            Number = row.GetString("Invoice") is { } number ? InvoiceNumber.Parse(number) : null,
            Amount = row.GetInt64("AmountOre") is { } ore ? new Money(ore) : null,
            On = row.GetString("On") is { } on ? IsoDate.Parse(on) : null,
            Note = row.GetString("Note"),
            Month = row.GetString("Month") is { } month ? AccountingMonth.Parse(month) : null,
            State = Enum.Parse<ProposalState>(Required("State")),
            DecidedBy = Actor.ReadFrom(row, "DecidedBy"),
            DecidedAt = row.GetDateTimeOffset("DecidedAt"),
            Outcome = row.GetString("Outcome"),
        };
    }
}
