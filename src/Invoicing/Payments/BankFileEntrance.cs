namespace Invoicing.Payments;

/// <summary>The way a bank file came in. Stored and shown in lower case: <c>cli</c>, <c>api</c>, <c>blob</c>.</summary>
public enum BankFileEntrance
{
    /// <summary><c>./invoicing payments import FILE</c>.</summary>
    Cli,

    /// <summary><c>POST /api/bank-files</c>, which the finance page's upload uses.</summary>
    Api,

    /// <summary>Dropped in the <c>bank-files</c> container, imported by the blob trigger (<see cref="BankFileInbox"/>).</summary>
    Blob,
}

public static class BankFileEntrances
{
    public static string Name(this BankFileEntrance entrance) => entrance switch
    {
        BankFileEntrance.Cli => "cli",
        BankFileEntrance.Api => "api",
        _ => "blob",
    };

    public static BankFileEntrance Parse(string name) => name switch
    {
        "cli" => BankFileEntrance.Cli,
        "api" => BankFileEntrance.Api,
        "blob" => BankFileEntrance.Blob,
        _ => throw new FormatException($"'{name}' is not a bank file entrance (cli, api or blob)."),
    };
}

/// <summary>
/// Who brought a bank file in, and through which entrance: for the CLI the operating system's user at the host, for
/// the API the signed-in principal's name, for the blob trigger the function's name.
/// </summary>
public sealed record BankFileOrigin
{
    /// <summary>A name longer than this is cut: it is a label in a list, and it comes from the caller.</summary>
    public const int MaxByLength = 200;

    public BankFileOrigin(BankFileEntrance entrance, string by)
    {
        var trimmed = by?.Trim() ?? "";
        Entrance = entrance;
        By = trimmed.Length == 0 ? "(unknown)" : trimmed[..Math.Min(trimmed.Length, MaxByLength)];
    }

    public BankFileEntrance Entrance { get; }

    public string By { get; }

    /// <summary>The person at the terminal, as the operating system knows them: <c>user@host</c>.</summary>
    public static BankFileOrigin Terminal() => new(BankFileEntrance.Cli, $"{Environment.UserName}@{Environment.MachineName}");
}
