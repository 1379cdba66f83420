namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Amounts as ISO 20022 writes them (<c>43035.00</c>, <c>0.5</c>): digits, an optional dot, at most two
/// decimals. Read straight into öre with integer arithmetic, because a binary fraction would not round-trip
/// every amount and a third decimal has no öre to go to (it is refused, not rounded).
/// </summary>
internal static class DecimalAmount
{
    // 16 digits of kronor times 100 still fits in a long; no real amount comes near it.
    private const int MaxWholeDigits = 16;

    public static bool TryParse(ReadOnlySpan<char> text, out Money amount)
    {
        amount = default;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.Length is 0 or > MaxWholeDigits || !Luhn.IsAllDigits(whole))
        {
            return false;
        }

        if (dot >= 0 && (fraction.Length is 0 or > 2 || !Luhn.IsAllDigits(fraction)))
        {
            return false;
        }

        long ore = 0;
        foreach (var digit in whole)
        {
            ore = ore * 10 + (digit - '0');
        }

        ore *= Money.OrePerKrona;
        if (fraction.Length > 0)
        {
            ore += (fraction[0] - '0') * 10;
        }

        if (fraction.Length > 1)
        {
            ore += fraction[1] - '0';
        }

        amount = new Money(ore);
        return true;
    }
}
