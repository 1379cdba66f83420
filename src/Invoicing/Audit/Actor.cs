namespace Invoicing.Audit;

/// <summary>The way a change came in: shown and stored in lower case.</summary>
public enum ActorChannel
{
    /// <summary><c>./invoicing</c> at a terminal: the operating system's user at the host.</summary>
    Cli,

    /// <summary>The HTTP API and the page behind it: the signed-in principal or the API key.</summary>
    Api,

    /// <summary>A timer function of the Functions app.</summary>
    Timer,

    /// <summary>A blob-triggered function (a bank file dropped in its container).</summary>
    Blob,

    /// <summary>Code that runs in a process no host named (a test, a tool): the operating system's user at the host.</summary>
    Process,
}

/// <summary>
/// Who made a change, and through which entrance: an Entra principal's name and object id, an API key's name, the
/// operating system's user at a terminal, a function's name and invocation id. Every host names its actor once, where a
/// request, a command or an invocation starts (<see cref="Acting"/>); the library reads it where it records a change
/// (<see cref="AuditTrail"/>), so no change path needs a parameter threaded through every room to be attributable.
/// </summary>
public sealed record Actor
{
    /// <summary>A name or id longer than this is cut: it comes from the caller and is a label in a list.</summary>
    public const int MaxLength = 200;

    private static readonly AsyncLocal<Actor?> Ambient = new();

    public Actor(ActorChannel channel, string kind, string name, string? id = null)
    {
        Channel = channel;
        Kind = Cut(kind) ?? throw new ArgumentException("An actor has a kind.", nameof(kind));
        Name = Cut(name) ?? "(unknown)";
        Id = Cut(id);
    }

    public ActorChannel Channel { get; }

    /// <summary>What the name is: <c>entra-user</c>, <c>api-key</c>, <c>os-user</c>, <c>function</c>, <c>development</c>.</summary>
    public string Kind { get; }

    public string Name { get; }

    /// <summary>Entra's object id, a function's invocation id; null when the name is all there is.</summary>
    public string? Id { get; }

    /// <summary>The actor of the change being made now: the one a host named, or this process's user when none did.</summary>
    public static Actor Current => Ambient.Value ?? ThisProcess();

    /// <summary>Names the actor of everything done until the returned scope is disposed (and in what it awaits).</summary>
    public static IDisposable Acting(Actor actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Scope(previous);
    }

    /// <summary>The person at the terminal, as the operating system knows them: <c>user@host</c>.</summary>
    public static Actor Terminal() => new(ActorChannel.Cli, "os-user", $"{System.Environment.UserName}@{System.Environment.MachineName}");

    public static Actor ThisProcess() => new(ActorChannel.Process, "os-user", $"{System.Environment.UserName}@{System.Environment.MachineName}");

    /// <summary>A function of the Functions app, by trigger: its name and this invocation's id.</summary>
    public static Actor Function(ActorChannel channel, string functionName, string invocationId) => new(channel, "function", functionName, invocationId);

    public static string ChannelName(ActorChannel channel) => channel.ToString().ToLowerInvariant();

    public static ActorChannel ParseChannel(string name) =>
        Enum.TryParse<ActorChannel>(name, ignoreCase: true, out var channel) && Enum.IsDefined(channel) && name == ChannelName(channel)
            ? channel
            : throw new FormatException($"'{name}' is not an actor channel (cli, api, timer, blob or process).");

    /// <summary>Writes the actor as four columns of a table row, each named <paramref name="prefix"/> + Channel, Kind, Name, Id.</summary>
    public void WriteTo(Azure.Data.Tables.TableEntity row, string prefix)
    {
        row[prefix + "Channel"] = ChannelName(Channel);
        row[prefix + "Kind"] = Kind;
        row[prefix + "Name"] = Name;
        row[prefix + "Id"] = Id;
    }

    /// <summary>The actor <see cref="WriteTo"/> wrote under <paramref name="prefix"/>; null when the row has none; a row with a name but no channel or kind is named.</summary>
    public static Actor? ReadFrom(Azure.Data.Tables.TableEntity row, string prefix)
    {
        if (row.GetString(prefix + "Name") is not { } name)
        {
            return null;
        }

        string Required(string column) => row.GetString(prefix + column) ?? throw new InvalidDataException($"Row {row.RowKey}: {prefix}{column} is missing.");
        return new Actor(ParseChannel(Required("Channel")), Required("Kind"), name, row.GetString(prefix + "Id"));
    }

    /// <summary>As shown in a list: <c>anna@vasteras (cli)</c>, <c>Anna Andersson [0f3c…] (api)</c>.</summary>
    public override string ToString() => Id is null ? $"{Name} ({ChannelName(Channel)})" : $"{Name} [{Id}] ({ChannelName(Channel)})";

    private static string? Cut(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, MaxLength)];
    }

    private sealed class Scope(Actor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
