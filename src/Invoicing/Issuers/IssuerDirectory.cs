using Invoicing.Budgets;
using Invoicing.Parties;
using Microsoft.Extensions.Options;

namespace Invoicing.Issuers;

/// <summary>
/// Who issues each scheme's documents. A scheme with an entry in <c>Invoicing:Schemes</c> with an <c>Issuer</c> has that
/// issuer, configured whole: a field left out is missing, never borrowed from another organisation's details
/// (a Stockholm invoice must not carry Västerås' bankgiro). Every other scheme has <c>Invoicing:Issuer</c>, so a
/// configuration with one issuer works as before. The issuer's <c>Id</c> names its number series: two schemes
/// of one issuer share a series, two issuers never do.
/// </summary>
public sealed class IssuerDirectory(IOptions<IssuerOptions> defaultIssuer, IOptions<List<SchemeOptions>> schemes)
{
    /// <summary>The issuer of <c>Invoicing:Issuer</c>, validated.</summary>
    public Issuer Default => Issuer.FromOptions(defaultIssuer.Value);

    /// <summary>The issuer of <paramref name="scheme"/>'s documents, validated; the error names the section.</summary>
    public Issuer For(SchemeId scheme)
    {
        if (OwnSection(scheme) is not { } options)
        {
            return Default;
        }

        var section = $"{SchemeOptions.Section}:{Index(scheme)}:Issuer";
        var issuer = Issuer.FromOptions(options, section);
        if (string.Equals(issuer.Id, defaultIssuer.Value.Id?.Trim(), StringComparison.Ordinal) && issuer.OrganisationNumber != Default.OrganisationNumber)
        {
            throw new IssuerConfigurationException(
                [$"{section}:Id '{issuer.Id}' (scheme {scheme}) is {IssuerOptions.Section}:Id, another organisation's; two issuers cannot share a number series."]);
        }

        return issuer;
    }

    /// <summary>
    /// The party that is <paramref name="scheme"/>'s issuer itself (Västerås stad = 1980 for Region Mitt, Stockholms
    /// stad = 0180 for Stockholm's offer): its share is shown, not invoiced. Read without validating the rest of the
    /// issuer, so allocations can be shown before the payment details are configured.
    /// </summary>
    public PartyCode? OwnParty(SchemeId scheme)
    {
        var code = (OwnSection(scheme) ?? defaultIssuer.Value).PartyCode;
        return string.IsNullOrWhiteSpace(code) ? null : new PartyCode(code.Trim());
    }

    /// <summary>Every configured issuer, once per number series (the default first).</summary>
    public IReadOnlyList<Issuer> All()
    {
        var all = new List<Issuer> { Default };
        foreach (var issuer in AllOwnIssuers().Where(issuer => all.All(i => i.Id != issuer.Id)))
        {
            all.Add(issuer);
        }

        return all;
    }

    /// <summary>The issuer of every scheme that has its own section, validated; the first problem names its section.</summary>
    internal IReadOnlyList<Issuer> AllOwnIssuers() =>
        [.. schemes.Value.Where(s => s.Issuer is not null && !string.IsNullOrWhiteSpace(s.Scheme)).Select(s => For(new SchemeId(s.Scheme!.Trim())))];

    private IssuerOptions? OwnSection(SchemeId scheme) => Index(scheme) is var index and >= 0 ? schemes.Value[index].Issuer : null;

    private int Index(SchemeId scheme) => schemes.Value.FindIndex(s => string.Equals(s.Scheme?.Trim(), scheme.Value, StringComparison.Ordinal));
}
