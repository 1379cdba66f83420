namespace Invoicing;

/// <summary>
/// Today's date where the issuer is: invoices are dated in Swedish time, not UTC (a run at 00:30 in
/// January is still the 1st in Stockholm when UTC says the 31st of December).
/// </summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The Swedish calendar day an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Stockholm).DateTime);

    /// <summary>The instant a Swedish calendar day begins (midnight in Stockholm; the clocks never change at midnight there).</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Stockholm), TimeSpan.Zero);

    /// <summary>The instant in Swedish local time (for a time shown to a person).</summary>
    public static DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Stockholm).DateTime;
}
