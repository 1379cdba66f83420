namespace Invoicing.Reminders;

/// <summary>
/// When and how unpaid invoices are reminded (section <c>Invoicing:Reminders</c>). The defaults send the
/// first reminder 10 days after the due date, the second 14 days after the first, and hand the invoice to a
/// person 14 days after that. Fee and interest are off unless agreed with the parties.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Invoicing:Reminders";

    /// <summary>Påminnelseavgift may be charged only where agreed, and at most 60 kr (lag 1981:739).</summary>
    public static readonly Money MaxFee = Money.FromKronor(60);

    public int FirstReminderDaysAfterDue { get; set; } = 10;

    public int SecondReminderDaysAfterFirst { get; set; } = 14;

    public int ManualFollowUpDaysAfterSecond { get; set; } = 14;

    /// <summary>Days from the reminder to its new due date (moved on to the next banking day when it falls on a day banks are closed).</summary>
    public int PaymentDaysAfterReminder { get; set; } = 10;

    /// <summary>Reminder fee in whole kronor; 0 (the default) unless agreed.</summary>
    public int FeeKronor { get; set; }

    /// <summary>Late-payment interest per räntelagen (6 §): the reference rate plus 8 percentage points.</summary>
    public bool LateInterestEnabled { get; set; }

    /// <summary>Riksbanken's reference rate in basis points (225 = 2,25 %), as set each half-year.</summary>
    public int ReferenceRateBasisPoints { get; set; }

    public void Validate()
    {
        var problems = new List<string>();
        if (FirstReminderDaysAfterDue < 0 || SecondReminderDaysAfterFirst < 1 || ManualFollowUpDaysAfterSecond < 1 || PaymentDaysAfterReminder < 1)
        {
            problems.Add($"{Section}: the day counts must be positive (first may be 0).");
        }

        if (FeeKronor < 0 || Money.FromKronor(FeeKronor) > MaxFee)
        {
            problems.Add($"{Section}:FeeKronor is {FeeKronor}; it must be 0 to 60 kr.");
        }

        if (ReferenceRateBasisPoints is < -1000 or > 5000)
        {
            problems.Add($"{Section}:ReferenceRateBasisPoints is {ReferenceRateBasisPoints}; expected basis points, e.g. 225 for 2,25 %.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
    }
}
