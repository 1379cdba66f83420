using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Invoicing.Audit;

/// <summary>What a change records of itself: the action and what it touched, amounts in öre.</summary>
/// <param name="Key">
/// What makes the change one change: the same key is recorded once, so a retry, a rerun of a timer or a command
/// repeated after a crash records the change it finished and never a second event.
/// </param>
public sealed record AuditEntry(string Key, string Action, string Details)
{
    public SchemeId? Scheme { get; init; }

    public int? Year { get; init; }

    public InvoiceNumber? Invoice { get; init; }

    /// <summary>The amount the change is about (a payment, a document's total).</summary>
    public Money? Amount { get; init; }

    /// <summary>What the invoice owed before the change (negative: owed back to the party).</summary>
    public Money? Before { get; init; }

    /// <summary>What the invoice owes after the change.</summary>
    public Money? After { get; init; }

    /// <summary>
    /// <see cref="Details"/> in Swedish, for the pages (the English is the terminal's); null on events recorded before
    /// events said it, and where nothing reaches a page.
    /// </summary>
    public string? SwedishDetails { get; init; }
}

/// <summary>
/// One recorded change, as kept: numbered in the order recorded, with the hash of the event before it and its own
/// hash over both, so changing, removing or inserting an event breaks every hash after it (<see cref="AuditTrail.VerifyAsync"/>).
/// </summary>
public sealed record AuditEvent(long Sequence, DateTimeOffset At, Actor Actor, AuditEntry Entry, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 (lower-case hex) over the previous hash and every field of the event in a fixed order, each as a JSON
    /// string or null, invariant: the same event always hashes the same, on any machine.
    /// </summary>
    public static string HashOf(long sequence, DateTimeOffset at, Actor actor, AuditEntry entry, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(previousHash);
            json.WriteStringValue(sequence.ToString(CultureInfo.InvariantCulture));
            json.WriteStringValue(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(Actor.ChannelName(actor.Channel));
            json.WriteStringValue(actor.Kind);
            json.WriteStringValue(actor.Name);
            Write(json, actor.Id);
            json.WriteStringValue(entry.Key);
            json.WriteStringValue(entry.Action);
            Write(json, entry.Scheme?.Value);
            Write(json, entry.Year?.ToString(CultureInfo.InvariantCulture));
            Write(json, entry.Invoice?.ToString());
            Write(json, entry.Amount?.Ore.ToString(CultureInfo.InvariantCulture));
            Write(json, entry.Before?.Ore.ToString(CultureInfo.InvariantCulture));
            Write(json, entry.After?.Ore.ToString(CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.Details);
            // Appended only when present, so an event recorded before events had it hashes as it did.
            if (entry.SwedishDetails is not null)
            {
                json.WriteStringValue(entry.SwedishDetails);
            }

            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static AuditEvent Chain(long sequence, DateTimeOffset at, Actor actor, AuditEntry entry, string previousHash) =>
        new(sequence, at, actor, entry, previousHash, HashOf(sequence, at, actor, entry, previousHash));

    /// <summary>Null when the event's hash is its content's; else why not.</summary>
    public string? Problem() =>
        HashOf(Sequence, At, Actor, Entry, PreviousHash) == Hash ? null : "its content does not match its hash (the event was changed after it was recorded)";

    private static void Write(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
