using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Issuers;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Periods;

/// <summary>
/// Closed months of each issuer's books (the <c>AccountingPeriods</c> table's one owner: partition the issuer's id, row
/// the month). Finance closes a month after reconciling it; from then on the ledger books nothing dated in it
/// (<see cref="ClosedMonths.BookingDate"/>) and its SIE vouchers never change. Closing and reopening are audited;
/// through the API and the page a reopening is a proposal another finance user confirms (four eyes, the Approvals room).
/// </summary>
public sealed class AccountingPeriods(InvoicingStorage storage, AuditTrail audit, TimeProvider time)
{
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

    private TableClient Table => storage.Table(StorageNames.AccountingPeriods);

    /// <summary>Every month of the issuer's books that was ever closed, the latest first.</summary>
    public async Task<IReadOnlyList<AccountingPeriod>> ListAsync(Issuer issuer, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var periods = new List<AccountingPeriod>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {issuer.Id}"), cancellationToken: cancellationToken))
        {
            periods.Add(FromEntity(row));
        }

        return [.. periods.OrderByDescending(p => p.Month)];
    }

    /// <summary>The months closed now: what a booking is dated by.</summary>
    public async Task<ClosedMonths> ClosedAsync(Issuer issuer, CancellationToken cancellationToken) =>
        new((await ListAsync(issuer, cancellationToken)).Where(p => p.Closed).Select(p => p.Month));

    /// <summary>
    /// Closes <paramref name="month"/> of the issuer's books as <see cref="Actor.Current"/>. Safe to repeat: a month
    /// closed already is left as it was and returned with <c>Changed</c> false.
    /// </summary>
    /// <exception cref="PeriodStateException">The month has not ended yet (today in Sweden is in it or before it).</exception>
    public async Task<(AccountingPeriod Period, bool Changed)> CloseAsync(Issuer issuer, AccountingMonth month, string? note, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        if (today <= month.LastDay)
        {
            throw new PeriodStateException(
                $"{month} has not ended (today is {IsoDate.Format(today)}); a month is closed after its last day, once it is reconciled.",
                $"{month} har inte tagit slut (i dag är det {IsoDate.Format(today)}); en månad stängs efter sin sista dag, när den är avstämd.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var (current, etag) = await ReadAsync(issuer, month, ct);
                if (current is { Closed: true })
                {
                    return (current, false);
                }

                var closed = new AccountingPeriod(issuer.Id, month, true, (current?.Closings ?? 0) + 1)
                {
                    ClosedBy = Actor.Current,
                    ClosedAt = time.GetUtcNow(),
                    Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                    ReopenedBy = current?.ReopenedBy,
                    ReopenedAt = current?.ReopenedAt,
                    ReopenReason = current?.ReopenReason,
                };
                await WriteAsync(closed, etag, ct);
                await audit.RecordAsync(
                    new AuditEntry($"period:{issuer.Id}:{month}:close:{closed.Closings}", AuditActions.PeriodClosed,
                        $"{month} of {issuer.Name}'s books closed: nothing is booked dated in it any more" + (closed.Note is { } n ? $"; {n}" : "")),
                    ct);
                return (closed, true);
            },
            cancellationToken);
    }

    /// <summary>
    /// Reopens a closed month as <see cref="Actor.Current"/>, with the reason recorded. The API and the page reach this
    /// only through a confirmed proposal (four eyes); the CLI, the operator's own tool, directly.
    /// </summary>
    /// <exception cref="PeriodStateException">The month is not closed, or no reason is given.</exception>
    public async Task<AccountingPeriod> ReopenAsync(Issuer issuer, AccountingMonth month, string reason, CancellationToken cancellationToken)
    {
        CheckReason(month, reason);
        await storage.EnsureCreatedAsync(cancellationToken);
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var (current, etag) = await ReadAsync(issuer, month, ct);
                CheckClosed(issuer, month, current);

                var reopened = current with { Closed = false, ReopenedBy = Actor.Current, ReopenedAt = time.GetUtcNow(), ReopenReason = reason.Trim() };
                await WriteAsync(reopened, etag, ct);
                await audit.RecordAsync(
                    new AuditEntry($"period:{issuer.Id}:{month}:reopen:{current.Closings}", AuditActions.PeriodReopened,
                        $"{month} of {issuer.Name}'s books reopened (closed by {current.ClosedBy} at {Instant(current.ClosedAt)}): {reopened.ReopenReason}"),
                    ct);
                return reopened;
            },
            cancellationToken);
    }

    /// <summary>Checks a reopening by the rules <see cref="ReopenAsync"/> makes it by, and writes nothing.</summary>
    /// <exception cref="PeriodStateException">As <see cref="ReopenAsync"/>.</exception>
    public async Task CheckReopenAsync(Issuer issuer, AccountingMonth month, string reason, CancellationToken cancellationToken)
    {
        CheckReason(month, reason);
        await storage.EnsureCreatedAsync(cancellationToken);
        CheckClosed(issuer, month, (await ReadAsync(issuer, month, cancellationToken)).Period);
    }

    private static void CheckReason(AccountingMonth month, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PeriodStateException(
                $"Reopening {month} needs a reason: it is recorded in the audit trail.",
                $"För att öppna {month} igen krävs ett skäl: det registreras i granskningsloggen.");
        }
    }

    private static void CheckClosed(Issuer issuer, AccountingMonth month, [System.Diagnostics.CodeAnalysis.NotNull] AccountingPeriod? current)
    {
        if (current is not { Closed: true })
        {
            throw new PeriodStateException(
                $"{month} of {issuer.Name}'s books is open; there is nothing to reopen.",
                $"{month} i bokföringen för {issuer.Name} är öppen; det finns inget att öppna igen.");
        }
    }

    private async Task<(AccountingPeriod? Period, ETag? ETag)> ReadAsync(Issuer issuer, AccountingMonth month, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(issuer.Id, month.ToString(), cancellationToken: cancellationToken);
        return row.HasValue ? (FromEntity(row.Value!), row.Value!.ETag) : (null, null);
    }

    private Task<Response> WriteAsync(AccountingPeriod period, ETag? etag, CancellationToken cancellationToken) =>
        etag is { } match
            ? Table.UpdateEntityAsync(ToEntity(period), match, TableUpdateMode.Replace, cancellationToken)
            : Table.AddEntityAsync(ToEntity(period), cancellationToken);

    private static string Instant(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "?";

    private static TableEntity ToEntity(AccountingPeriod p)
    {
        var row = new TableEntity(p.Issuer, p.Month.ToString())
        {
            ["State"] = p.Closed ? "Closed" : "Open",
            ["Closings"] = p.Closings,
            ["ClosedAt"] = p.ClosedAt,
            ["Note"] = p.Note,
            ["ReopenedAt"] = p.ReopenedAt,
            ["ReopenReason"] = p.ReopenReason,
        };
        p.ClosedBy?.WriteTo(row, "ClosedBy");
        p.ReopenedBy?.WriteTo(row, "ReopenedBy");
        return row;
    }

    private static AccountingPeriod FromEntity(TableEntity row)
    {
        var where = $"{StorageNames.AccountingPeriods} row {row.PartitionKey}/{row.RowKey}";
        if (!AccountingMonth.TryParse(row.RowKey, out var month))
        {
            throw new InvalidDataException($"{where}: the row key is not a month (yyyy-MM).");
        }

        var state = row.GetString("State") ?? throw new InvalidDataException($"{where}: State is missing.");
        return new AccountingPeriod(row.PartitionKey, month, state == "Closed", row.GetInt32("Closings") ?? 0)
        {
            ClosedBy = Actor.ReadFrom(row, "ClosedBy"),
            ClosedAt = row.GetDateTimeOffset("ClosedAt"),
            Note = row.GetString("Note"),
            ReopenedBy = Actor.ReadFrom(row, "ReopenedBy"),
            ReopenedAt = row.GetDateTimeOffset("ReopenedAt"),
            ReopenReason = row.GetString("ReopenReason"),
        };
    }
}
