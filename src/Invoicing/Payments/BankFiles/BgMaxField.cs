namespace Invoicing.Payments.BankFiles;

/// <summary>A field of a BgMax record, with 1-based columns as Bankgirot's technical manual numbers them.</summary>
internal readonly record struct BgMaxField(string Name, int Start, int Length)
{
    public int End => Start + Length - 1;

    public override string ToString() => $"{Name} (columns {Start}-{End})";
}
