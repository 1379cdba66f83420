using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Storage;

namespace Invoicing.Approvals;

/// <summary>
/// Four eyes on money going out (attestordning): a void or a refund proposed by one finance user takes effect when a
/// different one confirms it. Proposals are rows of the <c>ChangeProposals</c> table (its one owner); the change itself
/// is made by the ledger's own operations (<see cref="InvoiceVoiding"/>, <see cref="PaymentLedger.RefundAsync"/>) under
/// the confirming user's name, so both names are in the audit trail: the proposer's on <c>change.proposed</c>, the
/// confirmer's on <c>change.confirmed</c> and on the change.
/// </summary>
public sealed class ChangeProposals(InvoicingStorage storage, InvoiceVoiding voiding, PaymentLedger ledger, AuditTrail audit, TimeProvider time)
{
    private const string Partition = "proposal";

    private TableClient Table => storage.Table(StorageNames.ChangeProposals);

    /// <summary>Proposes a void, checked now as it will be made (<see cref="InvoiceVoiding.CheckAsync"/>).</summary>
    /// <exception cref="VoidRefusedException">It could not be made; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeVoidAsync(InvoiceKey invoice, string reason, CancellationToken cancellationToken)
    {
        await voiding.CheckAsync(invoice, reason, cancellationToken);
        return await ProposeAsync(ChangeKind.Void, invoice, reason, null, null, null, cancellationToken);
    }

    /// <summary>Proposes a refund, checked now as it will be booked (<see cref="PaymentLedger.CheckRefundAsync"/>).</summary>
    /// <exception cref="InvalidPaymentException">It could not be booked; nothing is proposed.</exception>
    public async Task<(ProposedChange Proposal, bool Created)> ProposeRefundAsync(
        InvoiceKey invoice, Money amount, DateOnly paidOn, string reference, string? note, CancellationToken cancellationToken)
    {
        await ledger.CheckRefundAsync(invoice, PaymentBooking.ManualRefund(invoice.Number, amount, paidOn, reference, note), cancellationToken);
        return await ProposeAsync(ChangeKind.Refund, invoice, reference, amount, paidOn, note, cancellationToken);
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
    public async Task<(ProposedChange Proposal, VoidResult? Void, BookingResult? Refund)> ConfirmAsync(string id, CancellationToken cancellationToken)
    {
        var (proposal, etag) = await ReadAsync(id, cancellationToken);
        var confirmer = Actor.Current;
        if (ProposedChange.SamePerson(proposal.ProposedBy, confirmer))
        {
            throw new FourEyesException(
                $"Du föreslog själv denna ändring ({proposal.Describe()}); en annan person med ekonomirollen måste godkänna den (fyra ögon).");
        }

        if (proposal.State == ProposalState.Rejected)
        {
            throw new ProposalStateException($"The proposal {id} ({proposal.Describe()}) was rejected by {proposal.DecidedBy}; nothing was changed.");
        }

        VoidResult? voided = null;
        BookingResult? refunded = null;
        string outcome;
        if (proposal.Kind == ChangeKind.Void)
        {
            if (proposal.State == ProposalState.Confirmed)
            {
                return (proposal, null, null);
            }

            voided = await voiding.VoidAsync(proposal.Invoice, proposal.Reason, cancellationToken);
            outcome = $"credit note {voided.CreditNote.Number}";
        }
        else
        {
            // Keyed like every refund by hand: booked once, however often it is confirmed.
            refunded = await ledger.RefundAsync(
                proposal.Invoice,
                PaymentBooking.ManualRefund(proposal.Invoice.Number, proposal.Amount!.Value, proposal.PaidOn!.Value, proposal.Reason, proposal.Note),
                cancellationToken);
            outcome = refunded.Booked ? $"refund booked: {refunded.Before} -> {refunded.After}" : "refund was booked already";
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
                Scheme = proposal.Invoice.Scheme,
                Year = proposal.Invoice.Year,
                Invoice = proposal.Invoice.Number,
                Amount = proposal.Amount,
            },
            cancellationToken);
        return (confirmed, voided, refunded);
    }

    /// <summary>Rejects (or, by the proposer, withdraws) an open proposal; nothing is changed.</summary>
    public async Task<ProposedChange> RejectAsync(string id, string? why, CancellationToken cancellationToken)
    {
        var (proposal, etag) = await ReadAsync(id, cancellationToken);
        if (proposal.State != ProposalState.Proposed)
        {
            throw new ProposalStateException($"The proposal {id} ({proposal.Describe()}) is {proposal.State.ToString().ToLowerInvariant()} already.");
        }

        var actor = Actor.Current;
        var rejected = proposal with { State = ProposalState.Rejected, DecidedBy = actor, DecidedAt = time.GetUtcNow(), Outcome = string.IsNullOrWhiteSpace(why) ? "rejected" : why.Trim() };
        try
        {
            await Table.UpdateEntityAsync(ToEntity(rejected), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new ProposalStateException($"The proposal {id} was decided by someone else at the same moment; look again.");
        }

        await audit.RecordAsync(
            new AuditEntry($"reject:{id}", AuditActions.ChangeRejected, $"{proposal.Describe()}, proposed by {proposal.ProposedBy}: {rejected.Outcome}")
            {
                Scheme = proposal.Invoice.Scheme,
                Year = proposal.Invoice.Year,
                Invoice = proposal.Invoice.Number,
                Amount = proposal.Amount,
            },
            cancellationToken);
        return rejected;
    }

    private async Task<(ProposedChange Proposal, bool Created)> ProposeAsync(
        ChangeKind kind, InvoiceKey invoice, string reason, Money? amount, DateOnly? paidOn, string? note, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var id = IdOf(kind, invoice, reason, amount, paidOn);
        var proposal = new ProposedChange(id, kind, invoice, reason, amount, paidOn, note, Actor.Current, time.GetUtcNow());
        try
        {
            await Table.AddEntityAsync(ToEntity(proposal), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return ((await FindAsync(id, cancellationToken))!, false);
        }

        await audit.RecordAsync(
            new AuditEntry($"propose:{id}", AuditActions.ChangeProposed, $"{proposal.Describe()}: waits for another finance user's confirmation (proposal {id})")
            {
                Scheme = invoice.Scheme,
                Year = invoice.Year,
                Invoice = invoice.Number,
                Amount = amount,
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

    /// <summary>32 lower-case hex digits: the start of the SHA-256 of what the proposal changes.</summary>
    private static string IdOf(ChangeKind kind, InvoiceKey invoice, string reason, Money? amount, DateOnly? paidOn) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', kind, invoice.Scheme, invoice.Year.ToString(CultureInfo.InvariantCulture), invoice.Number, reason,
                amount?.Ore.ToString(CultureInfo.InvariantCulture) ?? "", paidOn is { } d ? IsoDate.Format(d) : ""))))[..32];

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static TableEntity ToEntity(ProposedChange p)
    {
        var row = new TableEntity(Partition, p.Id)
        {
            ["Kind"] = p.Kind.ToString(),
            ["Scheme"] = p.Invoice.Scheme.Value,
            ["Year"] = p.Invoice.Year,
            ["Invoice"] = p.Invoice.Number.ToString(),
            ["Reason"] = p.Reason,
            ["AmountOre"] = p.Amount?.Ore,
            ["PaidOn"] = p.PaidOn is { } d ? IsoDate.Format(d) : null,
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
            new InvoiceKey(new SchemeId(Required("Scheme")), row.GetInt32("Year") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: Year is missing."), InvoiceNumber.Parse(Required("Invoice"))),
            Required("Reason"),
            row.GetInt64("AmountOre") is { } ore ? new Money(ore) : null,
            row.GetString("PaidOn") is { } paidOn ? IsoDate.Parse(paidOn) : null,
            row.GetString("Note"),
            Actor.ReadFrom(row, "ProposedBy") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: ProposedByName is missing."),
            row.GetDateTimeOffset("ProposedAt") ?? throw new InvalidDataException($"{StorageNames.ChangeProposals} row {row.RowKey}: ProposedAt is missing."))
        {
            State = Enum.Parse<ProposalState>(Required("State")),
            DecidedBy = Actor.ReadFrom(row, "DecidedBy"),
            DecidedAt = row.GetDateTimeOffset("DecidedAt"),
            Outcome = row.GetString("Outcome"),
        };
    }
}
