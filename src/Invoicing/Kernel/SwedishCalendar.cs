namespace Invoicing;

/// <summary>
/// Today's date where the issuer is: invoices are dated in Swedish time, not UTC (a run at 00:30 in
/// January is still the 1st in Stockholm when UTC says the 31st of December).
/// </summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Stockholm).DateTime);
}
