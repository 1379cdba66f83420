using System.Globalization;
using System.Text;
using Invoicing.Mail;

namespace Invoicing.Digests;

/// <summary>
/// The digest as finance reads it: plain Swedish text, one section per kind of item with its count (and sum), then one
/// line per item — invoice number, party, amount, days past due. Text from outside (names, references, errors) is shown
/// with <see cref="DisplayText.Escape"/>. A section lists at most <see cref="MaxLinesPerSection"/> lines and a line
/// at most <see cref="MaxLineLength"/> characters, so the whole text stays within what an outbox message holds
/// (<see cref="OutboxMessage.MaxTextLength"/>) even on the day a whole year's invoices fall due; the rest is counted
/// and named where to find it.
/// </summary>
public static class FinanceDigestText
{
    public const int MaxLinesPerSection = 40;

    public const int MaxLineLength = 150;

    public static string Subject(FinanceDigest digest) =>
        $"Ekonomisammanställning {SwedishFormat.Date(digest.Day)}: " + string.Join(", ", Counts(digest));

    public static string Body(FinanceDigest digest)
    {
        var window = digest.Window;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sammanställning för ekonomi {SwedishFormat.Date(digest.Day)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Händelser från {Time(window.After)} till {Time(window.Until)} (svensk tid); fakturor med förfallodag {Dates(window.FirstDueDate, window.LastDueDate)}.");

        Section(text, "Nya omatchade inbetalningar", digest.Unmatched.Count, Money.Sum(digest.Unmatched.Select(p => p.Amount)),
            digest.Unmatched.Select(p =>
                $"{SwedishFormat.Date(p.PaidOn)}  {SwedishFormat.Amount(p.Amount)}  "
                + (p.Reference is { } reference ? $"referens {DisplayText.Escape(reference)}  " : "")
                + (p.PayerName is { } payer ? $"{DisplayText.Escape(payer)}  " : "")
                + $"({DisplayText.Escape(p.Reason)}; id {DisplayText.Escape(p.Id)})"
                + (p.BookedTo is { } booked ? $", bokförd på {booked.Number}" : "")),
            "./invoicing payments unmatched");
        Section(text, "Fakturor som förfallit obetalda", digest.FellDue.Count, Money.Sum(digest.FellDue.Select(o => o.Due)),
            digest.FellDue.Select(o =>
                $"{o.Invoice.Scheme} {o.Invoice.Number}  {DisplayText.Escape(o.DebtorName)}  {SwedishFormat.Amount(o.Due)}  förfallodag {SwedishFormat.Date(o.DueDate)}, {Days(o.DaysPastDue)} sedan"),
            "./invoicing report aging");
        Section(text, "Skickade påminnelser", digest.Reminders.Count, Money.Sum(digest.Reminders.Select(r => r.Total)),
            digest.Reminders.Select(r =>
                $"{r.Invoice.Scheme} {r.Invoice.Number}  {DisplayText.Escape(r.DebtorName)}  påminnelse {r.Level}  {SwedishFormat.Amount(r.Total)}  ny förfallodag {SwedishFormat.Date(r.NewDueDate)}"),
            "./invoicing mail outbox");
        Section(text, "E-post som misslyckats eller är osäker", digest.MailProblems.Count, null,
            digest.MailProblems.Select(m =>
                $"{m.Id} ({m.Kind}) {State(m.State)}, till {DisplayText.Escape(m.To ?? "-")}: {DisplayText.Escape(m.LastError ?? "")}"),
            "./invoicing mail outbox");
        Section(text, "Återbetalningar att göra", digest.Refunds.Count, Money.Sum(digest.Refunds.Select(r => r.Amount)),
            digest.Refunds.Select(r => $"{r.Invoice.Scheme} {r.Invoice.Number}  {DisplayText.Escape(r.DebtorName)}  {SwedishFormat.Amount(r.Amount)}"),
            "./invoicing invoices list");
        return text.ToString();
    }

    /// <summary>The outbox id of a day's digest: the record that the day was reported, and what makes a second run queue nothing.</summary>
    public static string MessageId(DateOnly day) => IdPrefix + IsoDate.Format(day);

    /// <summary>Every digest's id starts so; the day after it sorts them.</summary>
    public const string IdPrefix = "finance-digest-";

    public const string Kind = "finance-digest";

    /// <summary>The day of a digest's outbox id; null for an id that is not one.</summary>
    public static DateOnly? DayOf(string messageId) =>
        messageId.StartsWith(IdPrefix, StringComparison.Ordinal) && IsoDate.TryParse(messageId[IdPrefix.Length..], out var day) ? day : null;

    /// <summary>A count in the subject with the noun that agrees with it ("1 påminnelse", "2 påminnelser").</summary>
    private static string Counted(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static IEnumerable<string> Counts(FinanceDigest digest)
    {
        if (digest.Unmatched.Count > 0)
        {
            yield return Counted(digest.Unmatched.Count, "omatchad", "omatchade");
        }

        if (digest.FellDue.Count > 0)
        {
            yield return Counted(digest.FellDue.Count, "förfallen", "förfallna");
        }

        if (digest.Reminders.Count > 0)
        {
            yield return Counted(digest.Reminders.Count, "påminnelse", "påminnelser");
        }

        if (digest.MailProblems.Count > 0)
        {
            yield return $"{digest.MailProblems.Count} e-post att kontrollera";
        }

        if (digest.Refunds.Count > 0)
        {
            yield return Counted(digest.Refunds.Count, "återbetalning", "återbetalningar");
        }

        if (digest.IsEmpty)
        {
            yield return "inget att rapportera";
        }
    }

    private static void Section(StringBuilder text, string heading, int count, Money? sum, IEnumerable<string> lines, string whereTheRestIs)
    {
        text.AppendLine();
        text.AppendLine($"{heading}: {count} st" + (sum is { } total && count > 0 ? $", {SwedishFormat.Amount(total)}" : ""));
        foreach (var line in lines.Take(MaxLinesPerSection))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(line.Length <= MaxLineLength ? line : line[..(MaxLineLength - 1)] + "…")}");
        }

        if (count > MaxLinesPerSection)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  … och {count - MaxLinesPerSection} till: se {whereTheRestIs}.");
        }
    }

    private static string Time(DateTimeOffset instant) =>
        SwedishCalendar.LocalTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Dates(DateOnly first, DateOnly last) =>
        first == last ? SwedishFormat.Date(first) : $"{SwedishFormat.Date(first)}–{SwedishFormat.Date(last)}";

    private static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagar";

    private static string State(OutboxState state) => state switch
    {
        OutboxState.Failed => "misslyckades",
        OutboxState.Uncertain => "osäker (kanske skickad)",
        _ => state.ToString(),
    };
}
