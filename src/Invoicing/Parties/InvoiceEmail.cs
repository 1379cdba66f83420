using System.Net.Mail;

namespace Invoicing.Parties;

/// <summary>
/// The address a party's invoices are e-mailed to: exactly one bare RFC 5322 address (<c>faktura@kommun.se</c>),
/// no display name, no list, and no CR, LF, TAB or other control character — any of which could smuggle a
/// second header (<c>Bcc:</c>) or recipient into the message.
/// </summary>
public static class InvoiceEmail
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    public static string Parse(string value)
    {
        var text = Invoicing.DocumentText.Check(value, MaxLength);
        if (text.Contains(' ', StringComparison.Ordinal) || text.Contains(',', StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal)
            || !MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0
            || text.Count(c => c == '@') != 1 || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new FormatException("is not exactly one e-mail address such as faktura@kommun.se.");
        }

        return text;
    }
}
