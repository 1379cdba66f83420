using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Audit;

/// <summary>
/// The audit trail (behandlingshistorik): every change, who made it, when, what and from where, append-only in the
/// <c>AuditTrail</c> table, the one owner of it. Events are numbered and chained: each carries the hash of the one
/// before it, and one entity group transaction inserts the event, its key and moves the head (guarded by the head's
/// ETag), so two writers never take the same number and a change recorded twice (same <see cref="AuditEntry.Key"/>)
/// is kept once. Each past day's events are sealed into a blob of the <c>audit-seals</c> container (WORM in Azure):
/// rewriting the table, hashes and all, no longer agrees with the seals (<see cref="VerifyAsync"/>).
/// </summary>
public sealed class AuditTrail(InvoicingStorage storage, TimeProvider time) : IDisposable
{
    private const string Partition = "chain";
    private const string HeadRow = "head";
    private const string EventPrefix = "e";
    private const string KeyPrefix = "k";

    // Two writers appending at once: the loser of the head's ETag (412) or of an event number (409) reads the head again.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

    // One chain, one head row: writers of this process take turns here (see AppendAsync), and the head they last
    // wrote is kept, so a turn need not read it first. Both only touched by the writer whose turn it is.
    private readonly SemaphoreSlim _appending = new(1, 1);
    private readonly Queue<PendingAppend> _pending = new();
    private ChainHead? _head;

    private TableClient Table => storage.Table(StorageNames.AuditTrail);

    public void Dispose() => _appending.Dispose();

    /// <summary>
    /// Records <paramref name="entry"/> as done now by <see cref="Actor.Current"/>. False when an event of the same key
    /// is recorded already (a retry of a finished change): nothing more is written.
    /// </summary>
    public async Task<bool> RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        (await RecordAllAsync([entry], cancellationToken)) == 1;

    /// <summary>
    /// Records <paramref name="entries"/> in their order, up to <see cref="EventsPerTransaction"/> in one transaction,
    /// each once by its key; returns how many were new. A transaction refused because one of its keys is recorded
    /// already is recorded again one by one, each with its own answer.
    /// </summary>
    public async Task<int> RecordAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var actor = Actor.Current;
        await storage.EnsureCreatedAsync(cancellationToken);
        var recorded = 0;
        // A key twice in one call is one change: a transaction may not add a row twice.
        foreach (var chunk in entries.DistinctBy(e => e.Key, StringComparer.Ordinal).Chunk(EventsPerTransaction))
        {
            var appended = await AppendAsync(chunk, actor, cancellationToken);
            if (appended is null)
            {
                foreach (var entry in chunk)
                {
                    recorded += await AppendAsync([entry], actor, cancellationToken) ?? 0;
                }
            }
            else
            {
                recorded += appended.Value;
            }
        }

        return recorded;
    }

    /// <summary>Two rows per event (the event and its key) and the head: within an entity group transaction's 100 actions.</summary>
    public const int EventsPerTransaction = 49;

    /// <summary>
    /// Appends the events in one transaction: their count, or null when one of their keys is recorded already. Writers
    /// of this process take turns for the chain's head (a semaphore) rather than racing for its ETag, which under load
    /// ran out of retries; and the one whose turn it is writes what the others waiting have queued too, up to
    /// <see cref="EventsPerTransaction"/> events (group commit): a bank file booked eight invoices at a time made one
    /// append per invoice, one after another, and that was most of the file's time. Other processes still race, and retry.
    /// </summary>
    private async Task<int?> AppendAsync(AuditEntry[] entries, Actor actor, CancellationToken cancellationToken)
    {
        var mine = new PendingAppend(entries, actor);
        lock (_pending)
        {
            _pending.Enqueue(mine);
        }

        await _appending.WaitAsync(cancellationToken);
        try
        {
            // Each turn writes at least the oldest waiting append, so this one's is written within a few turns.
            while (!mine.Done.Task.IsCompleted)
            {
                await WriteGroupAsync(TakeGroup(), cancellationToken);
            }
        }
        finally
        {
            _appending.Release();
        }

        return await mine.Done.Task;
    }

    /// <summary>The appends waiting, oldest first, as many as fit one transaction and share no key (a transaction may not add a row twice).</summary>
    private List<PendingAppend> TakeGroup()
    {
        var group = new List<PendingAppend>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var events = 0;
        lock (_pending)
        {
            while (_pending.TryPeek(out var next)
                && (group.Count == 0 || (events + next.Entries.Length <= EventsPerTransaction && next.Entries.All(e => !keys.Contains(e.Key)))))
            {
                group.Add(_pending.Dequeue());
                events += next.Entries.Length;
                keys.UnionWith(next.Entries.Select(e => e.Key));
            }
        }

        return group;
    }

    /// <summary>
    /// Writes a group of appends in one transaction; should one of their keys be recorded already, each append again
    /// on its own, with its own answer. Whatever fails is the answer of every append of the group.
    /// </summary>
    private async Task WriteGroupAsync(List<PendingAppend> group, CancellationToken cancellationToken)
    {
        try
        {
            var together = group.Count == 1
                ? null
                : await AppendOnceAsync([.. group.SelectMany(a => a.Entries.Select(e => (e, a.Actor)))], cancellationToken);
            foreach (var append in group)
            {
                append.Done.TrySetResult(together is null
                    ? await AppendOnceAsync([.. append.Entries.Select(e => (e, append.Actor))], cancellationToken)
                    : append.Entries.Length);
            }
        }
        catch (Exception e)
        {
            foreach (var append in group)
            {
                append.Done.TrySetException(e);
            }
        }
    }

    private Task<int?> AppendOnceAsync((AuditEntry Entry, Actor Actor)[] entries, CancellationToken cancellationToken) =>
        ConflictRetry.ExecuteAsync<int?>(
            async ct =>
            {
                // The head as this process last wrote it (its ETag guards the write), else as stored.
                var head = _head ?? await ReadHeadAsync(ct);
                var sequence = head.Sequence;
                var previous = head.Hash;
                var at = Now();
                var actions = new List<TableTransactionAction>(entries.Length * 2 + 1);
                var keyRows = new HashSet<int>();
                foreach (var (entry, actor) in entries)
                {
                    var chained = AuditEvent.Chain(++sequence, at, actor, entry, previous);
                    previous = chained.Hash;
                    actions.Add(new(TableTransactionActionType.Add, ToEntity(chained)));
                    keyRows.Add(actions.Count);
                    actions.Add(new(TableTransactionActionType.Add, new TableEntity(Partition, KeyRowOf(entry.Key)) { ["Sequence"] = sequence, ["Key"] = entry.Key }));
                }

                var newHead = new TableEntity(Partition, HeadRow) { ["Sequence"] = sequence, ["Hash"] = previous };
                actions.Add(head.ETag is { } etag
                    ? new(TableTransactionActionType.UpdateReplace, newHead, etag)
                    : new(TableTransactionActionType.Add, newHead));
                try
                {
                    var responses = await Table.SubmitTransactionAsync(actions, ct);
                    _head = responses.Value[^1].Headers.ETag is { } written ? new ChainHead(sequence, previous, written) : null;
                    return entries.Length;
                }
                catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } index && keyRows.Contains(index))
                {
                    // Nothing was written: the head this process knows is still the head.
                    return entries.Length > 1 ? null : 0;
                }
                catch (TableTransactionFailedException e) when (e.Status is 409 or 412 || (e.Status == 404 && head.ETag is not null))
                {
                    // Another writer moved the head (or the store was emptied since, 404): read it again.
                    _head = null;
                    throw new RequestFailedException(e.Status == 404 ? 412 : e.Status, "Another event was recorded at the same moment.", e);
                }
            },
            cancellationToken).AsTask();

    private async Task<ChainHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, HeadRow, cancellationToken: cancellationToken);
        return head.HasValue
            ? new ChainHead(head.Value!.GetInt64("Sequence")!.Value, head.Value!.GetString("Hash")!, head.Value!.ETag)
            : new ChainHead(0, AuditEvent.Genesis, null);
    }

    /// <summary>The chain's last event number and hash, and the head row's ETag (null: no event yet, the head is added).</summary>
    private sealed record ChainHead(long Sequence, string Hash, ETag? ETag);

    /// <summary>An append waiting for its turn, and its answer.</summary>
    private sealed class PendingAppend(AuditEntry[] entries, Actor actor)
    {
        public AuditEntry[] Entries { get; } = entries;

        public Actor Actor { get; } = actor;

        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static string KeyRowOf(string key) => KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The event recorded under <paramref name="key"/> (a change is recorded once by its key), or null: two point reads,
    /// the key's row and the event it names, rather than a walk of the whole trail.
    /// </summary>
    public async Task<AuditEvent?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var keyRow = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyRowOf(key), cancellationToken: cancellationToken);
        if (!keyRow.HasValue || keyRow.Value!.GetInt64("Sequence") is not { } sequence)
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, EventRowKey(sequence), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every event in the order recorded, those of <paramref name="query"/> only.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var recorded in ReadAllAsync(cancellationToken))
        {
            if (query.Matches(recorded))
            {
                events.Add(recorded);
            }
        }

        return events;
    }

    /// <summary>
    /// Recomputes the chain from the first event: each event's hash from its content and the hash before it, the
    /// numbers without a gap, the head at the last event, and every sealed day against the table. Names the first
    /// event that does not hold.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var bySequence = new Dictionary<long, AuditEvent>();
        var previous = AuditEvent.Genesis;
        long expected = 1;
        AuditBreak? broken = null;
        await foreach (var recorded in ReadAllAsync(cancellationToken))
        {
            bySequence[recorded.Sequence] = recorded;
            if (broken is not null)
            {
                continue;
            }

            if (recorded.Sequence != expected)
            {
                broken = new AuditBreak(expected, null, $"event {expected} is missing (the next one kept is {recorded.Sequence})");
            }
            else if (recorded.PreviousHash != previous)
            {
                broken = new AuditBreak(recorded.Sequence, recorded, $"its previous hash is not the hash of event {recorded.Sequence - 1}");
            }
            else if (recorded.Problem() is { } problem)
            {
                broken = new AuditBreak(recorded.Sequence, recorded, problem);
            }

            previous = recorded.Hash;
            expected = recorded.Sequence + 1;
        }

        var head = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, HeadRow, cancellationToken: cancellationToken);
        var headSequence = head.HasValue ? head.Value!.GetInt64("Sequence")!.Value : 0;
        if (broken is null && (headSequence != expected - 1 || (head.HasValue && head.Value!.GetString("Hash") != previous)))
        {
            broken = new AuditBreak(expected - 1, bySequence.GetValueOrDefault(expected - 1),
                $"the chain's head says event {headSequence} is the last, with another hash: events after {expected - 1} are missing or the last was changed");
        }

        var sealedDays = 0;
        await foreach (var seal in Seals.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            sealedDays++;
            if (broken is not null)
            {
                continue;
            }

            foreach (var sealedEvent in await ReadSealAsync(seal.Name, cancellationToken))
            {
                if (!bySequence.TryGetValue(sealedEvent.Sequence, out var kept))
                {
                    broken = new AuditBreak(sealedEvent.Sequence, sealedEvent, $"it is sealed in {seal.Name} but no longer in the table");
                    break;
                }

                if (kept.Hash != sealedEvent.Hash || kept != sealedEvent)
                {
                    broken = new AuditBreak(sealedEvent.Sequence, kept, $"it differs from the copy sealed in {seal.Name}");
                    break;
                }
            }
        }

        return new AuditVerification(bySequence.Count, sealedDays, broken);
    }

    /// <summary>
    /// Seals every day before today that has events and no seal yet: its events, one JSON object per line, into
    /// <c>yyyy-MM-dd.jsonl</c>, written only if absent (<c>If-None-Match: *</c>), so a rerun seals nothing twice.
    /// A day is sealed only once it is over in Sweden, so a seal holds the whole day.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> SealAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var today = SwedishCalendar.Today(time);
        var sealedDays = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var seal in Seals.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            sealedDays.Add(seal.Name);
        }

        var days = new SortedDictionary<DateOnly, List<AuditEvent>>();
        await foreach (var recorded in ReadAllAsync(cancellationToken))
        {
            var day = SwedishCalendar.DateOf(recorded.At);
            if (day < today && !sealedDays.Contains(SealName(day)))
            {
                (days.TryGetValue(day, out var list) ? list : days[day] = []).Add(recorded);
            }
        }

        var written = new List<DateOnly>();
        foreach (var (day, events) in days)
        {
            var lines = string.Concat(events.Select(e => AuditJson.Serialize(e) + "\n"));
            try
            {
                await Seals.GetBlobClient(SealName(day)).UploadAsync(
                    BinaryData.FromString(lines),
                    new BlobUploadOptions
                    {
                        Conditions = new() { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson; charset=utf-8" },
                    },
                    cancellationToken);
                written.Add(day);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Sealed by a concurrent run.
            }
        }

        return written;
    }

    /// <summary>Now, to the millisecond and in UTC: what the table keeps of an instant, so the hash read back is the hash written.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private Azure.Storage.Blobs.BlobContainerClient Seals => storage.Container(StorageNames.AuditSealsContainer);

    private static string SealName(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl";

    private async Task<IReadOnlyList<AuditEvent>> ReadSealAsync(string name, CancellationToken cancellationToken)
    {
        var content = await Seals.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return [.. content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AuditJson.Deserialize)];
    }

    private async IAsyncEnumerable<AuditEvent> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {EventPrefix} and RowKey lt {"f"}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>An event's row key: its sequence number zero-padded, so the rows sort in the order they were chained.</summary>
    private static string EventRowKey(long sequence) => EventPrefix + sequence.ToString("D12", CultureInfo.InvariantCulture);

    internal static TableEntity ToEntity(AuditEvent recorded)
    {
        var entry = recorded.Entry;
        var row = new TableEntity(Partition, EventRowKey(recorded.Sequence))
        {
            ["Sequence"] = recorded.Sequence,
            ["At"] = recorded.At,
            ["Key"] = entry.Key,
            ["Action"] = entry.Action,
            ["Scheme"] = entry.Scheme?.Value,
            ["Year"] = entry.Year,
            ["Invoice"] = entry.Invoice?.ToString(),
            ["AmountOre"] = entry.Amount?.Ore,
            ["BeforeOre"] = entry.Before?.Ore,
            ["AfterOre"] = entry.After?.Ore,
            ["Details"] = entry.Details,
            ["SwedishDetails"] = entry.SwedishDetails,
            ["PreviousHash"] = recorded.PreviousHash,
            ["Hash"] = recorded.Hash,
        };
        recorded.Actor.WriteTo(row, "Actor");
        return row;
    }

    /// <summary>A row as it is: a changed row is read as changed (and fails its hash), a row that is no event is named.</summary>
    internal static AuditEvent FromEntity(TableEntity row)
    {
        string Required(string name) => row.GetString(name) ?? throw new InvalidDataException($"{StorageNames.AuditTrail} row {row.RowKey}: {name} is missing.");
        var actor = Actor.ReadFrom(row, "Actor") ?? throw new InvalidDataException($"{StorageNames.AuditTrail} row {row.RowKey}: ActorName is missing.");
        var entry = new AuditEntry(Required("Key"), Required("Action"), row.GetString("Details") ?? "")
        {
            Scheme = row.GetString("Scheme") is { } scheme ? new SchemeId(scheme) : null,
            Year = row.GetInt32("Year"),
            Invoice = row.GetString("Invoice") is { } invoice ? InvoiceNumber.Parse(invoice) : null,
            Amount = row.GetInt64("AmountOre") is { } amount ? new Money(amount) : null,
            Before = row.GetInt64("BeforeOre") is { } before ? new Money(before) : null,
            After = row.GetInt64("AfterOre") is { } after ? new Money(after) : null,
            SwedishDetails = row.GetString("SwedishDetails"),
        };
        return new AuditEvent(
            row.GetInt64("Sequence") ?? throw new InvalidDataException($"{StorageNames.AuditTrail} row {row.RowKey}: Sequence is missing."),
            row.GetDateTimeOffset("At") ?? throw new InvalidDataException($"{StorageNames.AuditTrail} row {row.RowKey}: At is missing."),
            actor, entry, Required("PreviousHash"), Required("Hash"));
    }
}

/// <summary>Which events to list: all of them, or those of a year, an invoice (and the documents that name it), a scheme.</summary>
public sealed record AuditQuery
{
    public SchemeId? Scheme { get; init; }

    public int? Year { get; init; }

    public InvoiceNumber? Invoice { get; init; }

    public bool Matches(AuditEvent recorded) =>
        (Scheme is null || recorded.Entry.Scheme == Scheme)
        && (Year is null || recorded.Entry.Year == Year)
        && (Invoice is null || recorded.Entry.Invoice == Invoice);
}

/// <summary>The first event that does not hold, and why.</summary>
public sealed record AuditBreak(long Sequence, AuditEvent? Event, string Reason)
{
    public override string ToString() =>
        Event is null
            ? $"Event {Sequence}: {Reason}."
            : $"Event {Sequence} ({Event.Entry.Action}{(Event.Entry.Invoice is { } n ? " " + n : "")}, recorded {Event.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC by {Event.Actor}): {Reason}.";
}

public sealed record AuditVerification(int Events, int SealedDays, AuditBreak? FirstBroken)
{
    public bool Holds => FirstBroken is null;
}

/// <summary>An event as one JSON object (invariant; amounts in öre): the seals' lines and the API's and CLI's <c>--json</c>.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(AuditEvent recorded) => JsonSerializer.Serialize(AuditEventDto.From(recorded), Options);

    public static AuditEvent Deserialize(string line) =>
        (JsonSerializer.Deserialize<AuditEventDto>(line, Options) ?? throw new InvalidDataException("An audit seal's line is empty.")).ToEvent();
}

/// <summary>The JSON shape of an event.</summary>
public sealed record AuditEventDto(
    long Sequence, DateTimeOffset At, string Channel, string ActorKind, [property: System.Text.Json.Serialization.JsonPropertyName("actor")] string ActorName, string? ActorId, string Action, string? Scheme, int? Year,
    string? Invoice, long? AmountOre, long? BeforeOre, long? AfterOre, string Details, string Key, string PreviousHash, string Hash,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SwedishDetails = null)
{
    public static AuditEventDto From(AuditEvent e) => new(
        e.Sequence, e.At, Actor.ChannelName(e.Actor.Channel), e.Actor.Kind, e.Actor.Name, e.Actor.Id, e.Entry.Action, e.Entry.Scheme?.Value, e.Entry.Year,
        e.Entry.Invoice?.ToString(), e.Entry.Amount?.Ore, e.Entry.Before?.Ore, e.Entry.After?.Ore, e.Entry.Details, e.Entry.Key, e.PreviousHash, e.Hash,
        e.Entry.SwedishDetails);

    public AuditEvent ToEvent() => new(
        Sequence, At, new Actor(Actor.ParseChannel(Channel), ActorKind, ActorName, ActorId),
        new AuditEntry(Key, Action, Details)
        {
            Scheme = Scheme is null ? null : new SchemeId(Scheme),
            Year = Year,
            Invoice = Invoice is null ? null : InvoiceNumber.Parse(Invoice),
            Amount = AmountOre is { } a ? new Money(a) : null,
            Before = BeforeOre is { } b ? new Money(b) : null,
            After = AfterOre is { } f ? new Money(f) : null,
            SwedishDetails = SwedishDetails,
        },
        PreviousHash, Hash);
}
