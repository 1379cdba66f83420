namespace Invoicing;

/// <summary>
/// The modulus-10 (Luhn) check digit used by Swedish organisation numbers, bankgiro numbers and
/// Bankgirot's OCR references: from the rightmost digit, every second digit is doubled (and 9 subtracted
/// when above 9); the check digit brings the sum to a multiple of 10.
/// </summary>
public static class Luhn
{
    /// <summary>The check digit to append to <paramref name="digits"/>.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if ((uint)d > 9)
            {
                throw new FormatException($"'{digits}' has a character that is not a digit.");
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>True when the last digit of <paramref name="digits"/> is the check digit of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && IsAllDigits(digits) && CheckDigit(digits[..^1]) == digits[^1] - '0';

    public static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
