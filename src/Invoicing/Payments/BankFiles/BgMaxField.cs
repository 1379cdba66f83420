namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A field of a BgMax record, with 1-based columns as Bankgirot's technical manual numbers them, named in English
/// (<see cref="ToString"/>, for the terminal) and in Swedish (<see cref="Swedish"/>, for the pages).
/// </summary>
internal readonly record struct BgMaxField(string Name, string SwedishName, int Start, int Length)
{
    public int End => Start + Length - 1;

    public override string ToString() => $"{Name} (columns {Start}-{End})";

    public string Swedish => $"{SwedishName} (kolumn {Start}-{End})";
}
