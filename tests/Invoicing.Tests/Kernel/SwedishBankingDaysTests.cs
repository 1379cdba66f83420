using CsCheck;
using Invoicing.Issuers;

namespace Invoicing.Tests.Kernel;

public class SwedishBankingDaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_sunday_is_the_gregorian_computus_date(int year, string easter) =>
        Assert.Equal(DateOnly.Parse(easter, System.Globalization.CultureInfo.InvariantCulture), SwedishBankingDays.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01", "nyårsdagen")]
    [InlineData("2026-01-06", "trettondedag jul")]
    [InlineData("2026-04-03", "långfredagen")]
    [InlineData("2026-04-06", "annandag påsk")]
    [InlineData("2026-05-01", "första maj")]
    [InlineData("2026-05-14", "Kristi himmelsfärdsdag")]
    [InlineData("2026-06-19", "midsommarafton")]
    [InlineData("2027-06-25", "midsommarafton")]
    [InlineData("2026-12-24", "julafton")]
    [InlineData("2026-12-25", "juldagen")]
    [InlineData("2026-12-31", "nyårsafton")]
    public void The_weekday_holidays_and_closed_eves_of_a_swedish_year_are_not_banking_days(string date, string name)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(name, SwedishBankingDays.ClosedDay(day));
        Assert.False(SwedishBankingDays.IsBankingDay(day));
    }

    [Theory]
    [InlineData("2026-06-18")] // the Thursday before midsommarafton
    [InlineData("2026-06-26")] // a Friday in June that is not midsommarafton
    [InlineData("2026-12-23")]
    [InlineData("2026-12-30")]
    [InlineData("2026-04-02")] // skärtorsdagen
    public void An_ordinary_weekday_is_a_banking_day(string date) =>
        Assert.True(SwedishBankingDays.IsBankingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-12-24", "2026-12-28")] // julafton, juldagen, annandag jul, a Sunday
    [InlineData("2026-04-03", "2026-04-07")] // långfredagen to the Tuesday after annandag påsk
    [InlineData("2026-12-06", "2026-12-07")] // a Sunday
    [InlineData("2026-06-19", "2026-06-22")] // midsommarafton
    [InlineData("2026-12-07", "2026-12-07")]
    public void A_closed_day_moves_on_to_the_next_banking_day(string date, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SwedishBankingDays.OnOrAfter(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_next_banking_day_is_one_never_earlier_with_no_banking_day_skipped() =>
        Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber]
            .Select(DateOnly.FromDayNumber)
            .Sample(date =>
            {
                var next = SwedishBankingDays.OnOrAfter(date);
                if (!SwedishBankingDays.IsBankingDay(next) || next < date || next.DayNumber - date.DayNumber > 5)
                {
                    return false;
                }

                for (var d = date; d < next; d = d.AddDays(1))
                {
                    if (SwedishBankingDays.IsBankingDay(d))
                    {
                        return false;
                    }
                }

                return true;
            });

    [Theory]
    [InlineData("2026-11-24", 30, "2026-12-24", "2026-12-28")]
    [InlineData("2026-12-07", 30, "2027-01-06", "2027-01-07")]
    [InlineData("2026-12-08", 30, "2027-01-07", "2027-01-07")]
    public void An_invoice_falls_due_the_terms_days_later_or_on_the_next_banking_day(string issued, int days, string plain, string due)
    {
        var terms = new InvoiceTerms(days, 0, "");
        var issuedOn = DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(plain, System.Globalization.CultureInfo.InvariantCulture), issuedOn.AddDays(days));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), terms.DueDate(issuedOn));
    }
}
