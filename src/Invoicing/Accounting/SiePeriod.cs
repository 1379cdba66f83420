namespace Invoicing.Accounting;

/// <summary>
/// The accounting period an SIE file carries: every voucher dated from <see cref="From"/> to <see cref="To"/>, both
/// included. It lies within one fiscal year — a municipality's is the calendar year — because an accounting system
/// imports a file into one fiscal year; a longer stretch is exported as one file per year.
/// </summary>
public readonly record struct SiePeriod
{
    /// <exception cref="SiePeriodException">The period is empty or spans two fiscal years.</exception>
    public SiePeriod(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new SiePeriodException(
                $"The period is empty: from {IsoDate.Format(from)} is after to {IsoDate.Format(to)}.",
                $"Perioden är tom: från {IsoDate.Format(from)} ligger efter till {IsoDate.Format(to)}.");
        }

        if (from.Year != to.Year)
        {
            throw new SiePeriodException(
                $"The period {IsoDate.Format(from)}–{IsoDate.Format(to)} spans the fiscal years {from.Year} and {to.Year}; " +
                $"export {IsoDate.Format(from)}–{from.Year}-12-31 and {to.Year}-01-01–{IsoDate.Format(to)} as two files (an accounting system imports a file into one fiscal year).",
                $"Perioden {IsoDate.Format(from)}–{IsoDate.Format(to)} sträcker sig över räkenskapsåren {from.Year} och {to.Year}; " +
                $"exportera {IsoDate.Format(from)}–{from.Year}-12-31 och {to.Year}-01-01–{IsoDate.Format(to)} som två filer (ett ekonomisystem läser in en fil i ett räkenskapsår).");
        }

        (From, To) = (from, to);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first day of the fiscal year the period lies in (1 January).</summary>
    public DateOnly FiscalYearStart => new(From.Year, 1, 1);

    /// <summary>The last day of the fiscal year the period lies in (31 December).</summary>
    public DateOnly FiscalYearEnd => new(From.Year, 12, 31);

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>
    /// The period asked for, an end left out being the end of the fiscal year of the other: <c>from</c> alone runs to
    /// 31 December, <c>to</c> alone from 1 January; neither is the calendar year <paramref name="year"/>.
    /// </summary>
    /// <exception cref="SiePeriodException">Neither a date nor a year is given, or the period is not one.</exception>
    public static SiePeriod Create(DateOnly? from, DateOnly? to, int? year) => (from, to, year) switch
    {
        ({ } f, { } t, _) => new SiePeriod(f, t),
        ({ } f, null, _) => new SiePeriod(f, new DateOnly(f.Year, 12, 31)),
        (null, { } t, _) => new SiePeriod(new DateOnly(t.Year, 1, 1), t),
        (null, null, { } y) => new SiePeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
        _ => throw new SiePeriodException(
            "No period: give its first and last day (from, to) or a year.",
            "Ingen period: ange dess första och sista dag (from, to) eller ett år."),
    };

    public override string ToString() => $"{IsoDate.Format(From)}–{IsoDate.Format(To)}";
}

/// <summary>A period that is not one (empty, over two fiscal years, not given); an <see cref="ArgumentException"/>.</summary>
public sealed class SiePeriodException(string message, string swedishMessage) : ArgumentException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
