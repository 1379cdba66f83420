using System.Text.RegularExpressions;

namespace Invoicing.Issuers;

/// <summary>The seller on every invoice: validated issuer details and invoice terms.</summary>
public sealed partial record Issuer(
    string Id,
    string Name,
    IReadOnlyList<string> AddressLines,
    OrganisationNumber OrganisationNumber,
    string VatNumber,
    Bankgiro Bankgiro,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    InvoiceTerms Terms,
    bool IsExample)
{
    /// <summary>The marking an example issuer's documents and e-mails carry, so that nobody pays them.</summary>
    public const string ExampleMarking = "EXEMPEL – fiktiva betalningsuppgifter, får inte betalas";

    /// <summary>An e-mail subject, marked EXEMPEL for an example issuer like its PDFs.</summary>
    public string MailSubject(string subject) => IsExample ? "EXEMPEL: " + subject : subject;

    /// <summary>An e-mail text, opening with the EXEMPEL marking for an example issuer like its PDFs.</summary>
    public string MailBody(string body) => IsExample ? ExampleMarking + ".\n\n" + body : body;

    /// <summary>The accounts a bank file must be addressed to: the bankgiro and any configured others.</summary>
    public ReceivingAccounts ReceivingAccounts { get; init; } = new(Bankgiro, []);

    /// <summary>
    /// True when the receiving accounts also carry the organisation's other receivables (<see cref="IssuerOptions.SharedAccount"/>):
    /// payments with OCR numbers that cannot be our invoices' are then not ours.
    /// </summary>
    public bool SharedAccount { get; init; }

    /// <summary>
    /// The party in the scheme's data that is the issuer itself (Västerås stad is party 1980): its share is
    /// computed and shown as its own, never invoiced. Null when the issuer pays no share.
    /// </summary>
    public Parties.PartyCode? OwnParty { get; init; }

    public const string DefaultVatText =
        "Ingen moms: bidraget finansierar gemensam verksamhet och är inte omsättning enligt mervärdesskattelagen (2023:200).";

    /// <summary>Validates configured details; the error names every field that is missing or wrong.</summary>
    public static Issuer FromOptions(IssuerOptions options, string section = IssuerOptions.Section)
    {
        var problems = new List<string>();
        string Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{section}:{field} is missing.");
                return "";
            }

            return value.Trim();
        }

        T? Parsed<T>(string? value, string field, Func<string, T> parse)
            where T : struct
        {
            var text = Required(value, field);
            if (text.Length == 0)
            {
                return null;
            }

            try
            {
                return parse(text);
            }
            catch (FormatException e)
            {
                problems.Add($"{section}:{field}: {e.Message}");
                return null;
            }
        }

        var id = Required(options.Id, nameof(options.Id));
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            problems.Add($"{section}:Id '{id}' must be 2-32 characters of A-Z, a-z, 0-9 and '-'.");
        }

        var name = Required(options.Name, nameof(options.Name));
        var orgNumber = Parsed(options.OrganisationNumber, nameof(options.OrganisationNumber), s => new OrganisationNumber(s));
        var bankgiro = Parsed(options.Bankgiro, nameof(options.Bankgiro), s => new Bankgiro(s));
        var contactName = Required(options.ContactName, nameof(options.ContactName));
        var contactPhone = Required(options.ContactPhone, nameof(options.ContactPhone));
        var contactEmail = Required(options.ContactEmail, nameof(options.ContactEmail));
        if (options.AddressLines.Count == 0 || options.AddressLines.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{section}:AddressLines must have at least one line and no empty lines.");
        }

        if (options.ReceivingAccounts.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{section}:ReceivingAccounts has an empty entry.");
        }

        if (options.PaymentTermsDays is < 0 or > 365)
        {
            problems.Add($"{section}:PaymentTermsDays is {options.PaymentTermsDays}; it must be 0 to 365.");
        }

        if (options.VatRatePercent is not (0 or 6 or 12 or 25))
        {
            problems.Add($"{section}:VatRatePercent is {options.VatRatePercent}; Swedish rates are 0, 6, 12 or 25.");
        }

        if (options.VatRatePercent != 0 && string.IsNullOrWhiteSpace(options.VatText))
        {
            problems.Add($"{section}:VatText must say how VAT is charged when VatRatePercent is not 0.");
        }

        Parties.PartyCode? ownParty = null;
        if (!string.IsNullOrWhiteSpace(options.PartyCode))
        {
            try
            {
                ownParty = new Parties.PartyCode(options.PartyCode.Trim());
            }
            catch (FormatException e)
            {
                problems.Add($"{section}:PartyCode: {e.Message}");
            }
        }

        if (problems.Count > 0 || orgNumber is null || bankgiro is null)
        {
            throw new IssuerConfigurationException(problems);
        }

        var vatText = string.IsNullOrWhiteSpace(options.VatText) ? DefaultVatText : options.VatText.Trim();
        return new Issuer(
            id,
            name,
            options.AddressLines.Select(l => l.Trim()).ToArray(),
            orgNumber.Value,
            string.IsNullOrWhiteSpace(options.VatNumber) ? orgNumber.Value.ToVatNumber() : options.VatNumber.Trim(),
            bankgiro.Value,
            contactName,
            contactPhone,
            contactEmail,
            new InvoiceTerms(options.PaymentTermsDays, options.VatRatePercent, vatText),
            options.IsExample)
        {
            ReceivingAccounts = new ReceivingAccounts(bankgiro.Value, options.ReceivingAccounts),
            SharedAccount = options.SharedAccount,
            OwnParty = ownParty,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,31}$")]
    private static partial Regex IdPattern();
}
