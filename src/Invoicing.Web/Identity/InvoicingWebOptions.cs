namespace Invoicing.Web.Identity;

/// <summary>Settings under <c>Invoicing:Web</c>: who may call the API when it runs outside App Service Authentication.</summary>
public sealed class InvoicingWebOptions
{
    public const string Section = "Invoicing:Web";

    /// <summary>Keys shorter than this are refused: a key is a password nobody types, so it can be long.</summary>
    public const int MinimumKeyLength = 24;

    /// <summary><c>Invoicing:Web:ApiKeys:0:Name</c>, <c>:Key</c>, <c>:Role</c>, <c>:Party</c> (a member key's), …</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The role every request has in <see cref="WebIdentityMode.DevelopmentIdentity"/>.</summary>
    public string? DevelopmentRole { get; set; }

    /// <summary>What keeps these settings from serving <paramref name="mode"/>; empty when they can.</summary>
    public IReadOnlyList<string> Problems(WebIdentityMode mode)
    {
        var problems = new List<string>();
        switch (mode)
        {
            case WebIdentityMode.ApiKeys when ApiKeys.Count == 0:
                problems.Add($"no API keys: set {Section}:ApiKeys:0:Name, :Key (at least {MinimumKeyLength} characters) and :Role ({string.Join(" or ", InvoicingRoles.All)}).");
                break;
            case WebIdentityMode.ApiKeys:
                for (var i = 0; i < ApiKeys.Count; i++)
                {
                    var key = ApiKeys[i];
                    if (string.IsNullOrWhiteSpace(key.Name))
                    {
                        problems.Add($"{Section}:ApiKeys:{i}:Name is empty (it names the caller in logs and on the page).");
                    }

                    if ((key.Key?.Length ?? 0) < MinimumKeyLength)
                    {
                        problems.Add($"{Section}:ApiKeys:{i}:Key is shorter than {MinimumKeyLength} characters.");
                    }

                    if (!InvoicingRoles.IsKnown(key.Role))
                    {
                        problems.Add($"{Section}:ApiKeys:{i}:Role '{key.Role}' is not {string.Join(" or ", InvoicingRoles.All)}.");
                    }
                    else if (key.Role == InvoicingRoles.Member && string.IsNullOrWhiteSpace(key.Party))
                    {
                        problems.Add($"{Section}:ApiKeys:{i}:Party is empty: a key with role {InvoicingRoles.Member} sees one party, so it needs that party's code (e.g. 0305).");
                    }
                    else if (key.Role == InvoicingRoles.Member && !InvoicingClaims.TryParse(key.Party, out _))
                    {
                        problems.Add($"{Section}:ApiKeys:{i}:Party '{YearRoute.Shorten(key.Party)}' is not a party code: 2-32 characters of A-Z, 0-9 and '-'.");
                    }
                    else if (key.Role != InvoicingRoles.Member && !string.IsNullOrEmpty(key.Party))
                    {
                        // A party on a reader's or finance's key would read as a limit it is not: they see every party.
                        problems.Add($"{Section}:ApiKeys:{i}:Party is set on a key with role {key.Role}, which sees every party; only a {InvoicingRoles.Member} key is bound to a party.");
                    }
                }

                if (ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != ApiKeys.Count)
                {
                    problems.Add($"{Section}:ApiKeys: two entries have the same key.");
                }

                break;
            case WebIdentityMode.DevelopmentIdentity when DevelopmentRole is not (InvoicingRoles.Reader or InvoicingRoles.Finance):
                // A member needs a party, which the development identity has none of: a member key (with :Party) is the way to try it.
                problems.Add($"{Section}:DevelopmentRole '{DevelopmentRole}' is not {InvoicingRoles.Reader} or {InvoicingRoles.Finance}.");
                break;
        }

        return problems;
    }
}
