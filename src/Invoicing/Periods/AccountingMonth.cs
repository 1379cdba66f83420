using System.Globalization;

namespace Invoicing.Periods;

/// <summary>
/// A calendar month of the books, "2026-11": the unit finance closes after reconciling it. Like NodaTime's
/// <c>YearMonth</c>, small and exact: it knows its first and last day and which dates it holds.
/// </summary>
public readonly record struct AccountingMonth : IComparable<AccountingMonth>
{
    public AccountingMonth(int year, int month)
    {
        if (year is < 2000 or > 2999 || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"{year}-{month} is not a month of the books.");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public AccountingMonth Next => Of(FirstDay.AddMonths(1));

    public static AccountingMonth Of(DateOnly date) => new(date.Year, date.Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>Reads "yyyy-MM" and nothing else; the error says what was expected.</summary>
    public static bool TryParse(string? text, out AccountingMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2999 || number is < 1 or > 12)
        {
            return false;
        }

        month = new AccountingMonth(year, number);
        return true;
    }

    public static AccountingMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form yyyy-MM (e.g. 2026-11).");

    public int CompareTo(AccountingMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(AccountingMonth a, AccountingMonth b) => a.CompareTo(b) >= 0;

    /// <summary>Invariant "yyyy-MM", as in files, JSON and the table's row keys.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
