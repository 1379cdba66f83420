using CsCheck;
using Invoicing.Periods;

namespace Invoicing.Tests.Periods;

/// <summary>The one rule of closed months: nothing is booked dated in one; the first open day takes it instead.</summary>
public sealed class ClosedMonthsTests
{
    private static readonly Gen<AccountingMonth> Months = Gen.Int[0, 47].Select(i => new AccountingMonth(2025 + i / 12, i % 12 + 1));

    private static readonly Gen<DateOnly> Dates = Gen.Int[0, 4 * 365].Select(d => new DateOnly(2025, 1, 1).AddDays(d));

    [Fact]
    public void A_booking_is_dated_on_its_own_date_when_its_month_is_open_and_else_on_the_first_day_of_the_first_open_month_after_it()
    {
        Gen.Select(Months.HashSet[0, 20], Dates).Sample((closed, date) =>
        {
            var months = new ClosedMonths(closed);

            var booked = months.BookingDate(date);

            Assert.False(months.IsClosed(booked));
            Assert.True(booked >= date);
            if (!closed.Contains(AccountingMonth.Of(date)))
            {
                Assert.Equal(date, booked);
            }
            else
            {
                // The first day of a month, and every month between the real date's and it is closed.
                Assert.Equal(1, booked.Day);
                for (var month = AccountingMonth.Of(date); month < AccountingMonth.Of(booked); month = month.Next)
                {
                    Assert.Contains(month, closed);
                }
            }
        });
    }

    [Fact]
    public void A_late_payment_in_closed_november_and_december_is_booked_on_the_first_of_january()
    {
        var closed = new ClosedMonths([new AccountingMonth(2026, 11), new AccountingMonth(2026, 12)]);

        Assert.Equal(new DateOnly(2027, 1, 1), closed.BookingDate(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 10, 31), closed.BookingDate(new DateOnly(2026, 10, 31)));
        Assert.Equal(new DateOnly(2027, 1, 2), closed.BookingDate(new DateOnly(2027, 1, 2)));
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2027-01", 2027, 1)]
    public void A_month_is_read_from_yyyy_MM_and_written_back_the_same(string text, int year, int month)
    {
        var parsed = AccountingMonth.Parse(text);

        Assert.Equal((year, month, text), (parsed.Year, parsed.Month, parsed.ToString()));
        Assert.Equal((new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1)), (parsed.FirstDay, parsed.LastDay));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026/11")]
    [InlineData(" 2026-11")]
    [InlineData("2026-11-01")]
    [InlineData("1999-12")]
    [InlineData("")]
    public void Anything_but_a_month_in_the_form_yyyy_MM_is_refused(string text)
    {
        Assert.False(AccountingMonth.TryParse(text, out _));
        Assert.Equal($"'{text}' is not a month in the form yyyy-MM (e.g. 2026-11).", Assert.Throws<FormatException>(() => AccountingMonth.Parse(text)).Message);
    }
}
