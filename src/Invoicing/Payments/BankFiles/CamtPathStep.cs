namespace Invoicing.Payments.BankFiles;

/// <summary>One element of a path in a message: its local name, its 1-based position and how many siblings share its name.</summary>
internal sealed record CamtPathStep(string Name, int Position, SiblingCount Siblings)
{
    public override string ToString() =>
        Siblings.Total <= 1 ? Name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}[{Position}]");
}

/// <summary>How many same-named elements a parent has; for a streamed element, the number read so far.</summary>
internal sealed class SiblingCount(int total)
{
    public int Total { get; set; } = total;
}
