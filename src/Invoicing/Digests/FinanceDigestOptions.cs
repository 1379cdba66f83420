using MimeKit;

namespace Invoicing.Digests;

/// <summary>
/// Where the daily digest goes (section <c>Invoicing:FinanceDigest</c>). Without <see cref="To"/> the digest is still
/// built and shown by <c>./invoicing digest --dry-run</c>, but nothing is queued: an e-mail nobody receives would only
/// mark the day as reported. Checked when a host starts (<see cref="Problems"/>), so a mistyped address stops the app
/// then instead of leaving the digests in the outbox as failed.
/// </summary>
public sealed class FinanceDigestOptions
{
    public const string Section = "Invoicing:FinanceDigest";

    /// <summary>Finance's address, or several separated by commas: <c>ekonomi@example.se, kassa@example.se</c>.</summary>
    public string? To { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(To);

    /// <summary>What is wrong with the settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
        {
            return [];
        }

        var to = To!.Trim();

        // The outbox refuses a control character in an address (it could smuggle in a header); say so at start, not at sending.
        if (to.Any(char.IsControl) || !InternetAddressList.TryParse(to, out var list) || list.Mailboxes.Count() != list.Count
            || list.Mailboxes.Any(m => string.IsNullOrEmpty(m.Domain) || string.IsNullOrEmpty(m.LocalPart)))
        {
            return [$"{Section}:To '{DisplayText.Escape(to)}' must be one e-mail address or several separated by commas, e.g. 'ekonomi@example.se'."];
        }

        return [];
    }
}
