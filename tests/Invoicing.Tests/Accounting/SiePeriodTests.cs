using Invoicing.Accounting;

namespace Invoicing.Tests.Accounting;

public sealed class SiePeriodTests
{
    [Fact]
    public void A_period_whose_first_day_is_after_its_last_is_refused_naming_both_days()
    {
        var e = Assert.Throws<SiePeriodException>(() => new SiePeriod(new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 31)));

        Assert.Equal("The period is empty: from 2027-02-01 is after to 2027-01-31.", e.Message);
        Assert.Equal("Perioden är tom: från 2027-02-01 ligger efter till 2027-01-31.", e.SwedishMessage);
    }

    [Fact]
    public void A_period_across_new_year_is_refused_saying_which_two_files_to_export_instead()
    {
        var e = Assert.Throws<SiePeriodException>(() => new SiePeriod(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31)));

        Assert.Equal(
            "The period 2026-12-01–2027-01-31 spans the fiscal years 2026 and 2027; export 2026-12-01–2026-12-31 and 2027-01-01–2027-01-31 as two files (an accounting system imports a file into one fiscal year).",
            e.Message);
        Assert.Equal(
            "Perioden 2026-12-01–2027-01-31 sträcker sig över räkenskapsåren 2026 och 2027; exportera 2026-12-01–2026-12-31 och 2027-01-01–2027-01-31 som två filer (ett ekonomisystem läser in en fil i ett räkenskapsår).",
            e.SwedishMessage);
    }

    [Theory]
    [InlineData("2027-01-01", "2027-01-31", null, "2027-01-01–2027-01-31")]
    [InlineData("2027-01-01", "2027-01-31", 2026, "2027-01-01–2027-01-31")]
    [InlineData("2026-12-01", null, null, "2026-12-01–2026-12-31")]
    [InlineData(null, "2026-03-31", null, "2026-01-01–2026-03-31")]
    [InlineData(null, null, 2026, "2026-01-01–2026-12-31")]
    public void A_missing_end_is_the_end_of_the_other_ends_year_and_a_year_alone_is_that_calendar_year(string? from, string? to, int? year, string expected)
    {
        var period = SiePeriod.Create(from is null ? null : IsoDate.Parse(from), to is null ? null : IsoDate.Parse(to), year);

        Assert.Equal(expected, period.ToString());
        Assert.Equal(new DateOnly(period.From.Year, 1, 1), period.FiscalYearStart);
    }

    [Fact]
    public void Without_dates_or_a_year_there_is_no_period()
    {
        var e = Assert.Throws<SiePeriodException>(() => SiePeriod.Create(null, null, null));

        Assert.Equal("Ingen period: ange dess första och sista dag (from, to) eller ett år.", e.SwedishMessage);
    }
}
