namespace Invoicing.Web.Identity;

/// <summary>Settings under <c>Invoicing:Web</c>: who may call the API when it runs outside App Service Authentication.</summary>
public sealed class InvoicingWebOptions
{
    public const string Section = "Invoicing:Web";

    /// <summary>Keys shorter than this are refused: a key is a password nobody types, so it can be long.</summary>
    public const int MinimumKeyLength = 24;

    /// <summary><c>Invoicing:Web:ApiKeys:0:Name</c>, <c>:Key</c>, <c>:Role</c>, …</summary>
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
                }

                if (ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != ApiKeys.Count)
                {
                    problems.Add($"{Section}:ApiKeys: two entries have the same key.");
                }

                break;
            case WebIdentityMode.DevelopmentIdentity when !InvoicingRoles.IsKnown(DevelopmentRole):
                problems.Add($"{Section}:DevelopmentRole '{DevelopmentRole}' is not {string.Join(" or ", InvoicingRoles.All)}.");
                break;
        }

        return problems;
    }
}
