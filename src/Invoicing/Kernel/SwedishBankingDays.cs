namespace Invoicing;

/// <summary>
/// The days Swedish banks settle payments: Monday to Friday, except the public holidays of lagen (1989:253) om
/// allmänna helgdagar and the three eves the banks keep closed (midsommarafton, julafton, nyårsafton). A due date
/// that falls on any other day moves to the next banking day: a payer cannot pay on it, and räntelagen counts
/// interest only from the day after a due date the payer could have met.
/// </summary>
public static class SwedishBankingDays
{
    /// <summary>True when banks settle payments on <paramref name="date"/>.</summary>
    public static bool IsBankingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && ClosedDay(date) is null;

    /// <summary><paramref name="date"/> itself when it is a banking day, otherwise the first banking day after it.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsBankingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The Swedish name of the weekday holiday or eve that keeps banks closed on <paramref name="date"/>, or null
    /// (weekends are not named: they are closed every week).
    /// </summary>
    public static string? ClosedDay(DateOnly date)
    {
        var easter = EasterSunday(date.Year);
        return (date.Month, date.Day) switch
        {
            (1, 1) => "nyårsdagen",
            (1, 6) => "trettondedag jul",
            (5, 1) => "första maj",
            (6, 6) => "Sveriges nationaldag",
            (12, 24) => "julafton",
            (12, 25) => "juldagen",
            (12, 26) => "annandag jul",
            (12, 31) => "nyårsafton",
            // Midsommardagen is the Saturday between 20 and 26 June, so its eve is the Friday between 19 and 25 June.
            (6, >= 19 and <= 25) when date.DayOfWeek == DayOfWeek.Friday => "midsommarafton",
            _ when date == easter.AddDays(-2) => "långfredagen",
            _ when date == easter.AddDays(1) => "annandag påsk",
            _ when date == easter.AddDays(39) => "Kristi himmelsfärdsdag",
            _ => null,
        };
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, valid for every year 1583–9999).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
