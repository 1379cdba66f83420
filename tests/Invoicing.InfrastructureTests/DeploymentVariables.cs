namespace Invoicing.InfrastructureTests;

/// <summary>The environment variables infra/main.*.bicepparam read, as the pipeline's variable groups provide them.</summary>
internal static class DeploymentVariables
{
    /// <summary>Every variable the parameter files read without a default.</summary>
    public static readonly string[] Required =
    [
        "INVOICING_AUTH_CLIENT_ID",
        "INVOICING_ALERT_EMAIL",
        "INVOICING_ISSUER_ID",
        "INVOICING_ISSUER_NAME",
        "INVOICING_ISSUER_ORGANISATION_NUMBER",
        "INVOICING_ISSUER_BANKGIRO",
        "INVOICING_ISSUER_CONTACT_NAME",
        "INVOICING_ISSUER_CONTACT_PHONE",
        "INVOICING_ISSUER_CONTACT_EMAIL",
        "INVOICING_SMTP_HOST",
        "INVOICING_SMTP_USER_NAME",
        "INVOICING_SMTP_FROM",
    ];

    /// <summary>Variables with a default in the parameter files.</summary>
    public static readonly string[] Optional =
    [
        "INVOICING_AUTH_TENANT_ID",
        "INVOICING_SECRETS_OFFICER_IDS",
        "INVOICING_ISSUER_ADDRESS_LINE_1",
        "INVOICING_ISSUER_ADDRESS_LINE_2",
        "INVOICING_ISSUER_ADDRESS_LINE_3",
        "INVOICING_ISSUER_PAYMENT_TERMS_DAYS",
        "INVOICING_ISSUER_VAT_NUMBER",
        "INVOICING_ISSUER_VAT_RATE_PERCENT",
        "INVOICING_ISSUER_VAT_TEXT",
        "INVOICING_ISSUER_PARTY_CODE",
        "INVOICING_SMTP_PORT",
        "INVOICING_WORM_LOCKED",
    ];

    /// <summary>A complete set of example values (nothing real, nothing secret).</summary>
    public static IReadOnlyDictionary<string, string?> Complete() => new Dictionary<string, string?>
    {
        ["INVOICING_AUTH_CLIENT_ID"] = "00000000-0000-4000-8000-000000000001",
        ["INVOICING_AUTH_TENANT_ID"] = "",
        ["INVOICING_ALERT_EMAIL"] = "drift@example.org",
        ["INVOICING_SECRETS_OFFICER_IDS"] = "00000000-0000-4000-8000-000000000002",
        ["INVOICING_ISSUER_ID"] = "EXEMPEL",
        ["INVOICING_ISSUER_NAME"] = "Exempelförbundet",
        ["INVOICING_ISSUER_ADDRESS_LINE_1"] = "Box 1",
        ["INVOICING_ISSUER_ADDRESS_LINE_2"] = "123 45 Exempelstad",
        ["INVOICING_ISSUER_ADDRESS_LINE_3"] = "",
        ["INVOICING_ISSUER_ORGANISATION_NUMBER"] = "212000-0142",
        ["INVOICING_ISSUER_BANKGIRO"] = "123-4567",
        ["INVOICING_ISSUER_CONTACT_NAME"] = "Ekonomienheten",
        ["INVOICING_ISSUER_CONTACT_PHONE"] = "010-000 00 00",
        ["INVOICING_ISSUER_CONTACT_EMAIL"] = "ekonomi@example.org",
        ["INVOICING_ISSUER_PAYMENT_TERMS_DAYS"] = "30",
        ["INVOICING_ISSUER_VAT_NUMBER"] = "",
        ["INVOICING_ISSUER_VAT_RATE_PERCENT"] = "0",
        ["INVOICING_ISSUER_VAT_TEXT"] = "",
        ["INVOICING_ISSUER_PARTY_CODE"] = "1980",
        ["INVOICING_SMTP_HOST"] = "smtp.example.org",
        ["INVOICING_SMTP_PORT"] = "587",
        ["INVOICING_SMTP_USER_NAME"] = "invoicing@example.org",
        ["INVOICING_SMTP_FROM"] = "faktura@example.org",
        ["INVOICING_WORM_LOCKED"] = "false",
    };

    /// <summary>None of the variables: each is removed from the CLI's environment, whatever the test runner has.</summary>
    public static IReadOnlyDictionary<string, string?> None() =>
        Required.Concat(Optional).ToDictionary(name => name, _ => (string?)null);
}
