namespace Invoicing.Payments.BankFiles;

/// <summary>How a BgMax reference field becomes references.</summary>
internal static class PayerReferences
{
    /// <summary>
    /// A field of several numbers separated by spaces names several invoices (Bankgirot's example writes "657866
    /// 658765 657767" in one TK20 reference field; an OCR number that passed Bankgirot's check has no spaces);
    /// anything else is one reference as given, so a text stays one text. Empty: none.
    /// </summary>
    public static IReadOnlyList<string> Split(string field)
    {
        var trimmed = field.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 && parts.All(part => Luhn.IsAllDigits(part)) ? parts : [trimmed];
    }
}
