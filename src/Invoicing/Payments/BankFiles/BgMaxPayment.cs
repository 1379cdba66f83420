namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A TK20 payment or TK21 deduction with the records that describe it (TK22-TK29), waiting for its deposit record
/// (TK15), which comes after it and gives the booking date. <see cref="Amount"/> is already negative for a deduction.
/// </summary>
internal sealed class BgMaxPayment(int line, bool isDeduction, Money amount, IReadOnlyList<string> references, string serialNumber)
{
    private readonly List<string> _references = [.. references.Distinct(StringComparer.Ordinal)];
    private readonly List<string> _texts = [];

    public int Line => line;

    public bool IsDeduction => isDeduction;

    public Money Amount => amount;

    public string SerialNumber => serialNumber;

    public string? PayerName { get; private set; }

    public IReadOnlyList<string> References => _references;

    public IReadOnlyList<string> Texts => _texts;

    /// <summary>A TK22/TK23 extra reference: another invoice the payment names, after those named before it (each once).</summary>
    public void AddReferences(IEnumerable<string> references) =>
        _references.AddRange([.. references.Where(reference => !_references.Contains(reference, StringComparer.Ordinal))]);

    /// <summary>The first name (TK26) names the payer; any later one is kept as text.</summary>
    public void AddName(string name)
    {
        if (PayerName is null)
        {
            PayerName = name;
        }
        else
        {
            _texts.Add(name);
        }
    }

    public void AddText(string text) => _texts.Add(text);
}
