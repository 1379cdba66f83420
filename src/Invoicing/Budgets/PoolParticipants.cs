using Invoicing.Parties;

namespace Invoicing.Budgets;

/// <summary>Who shares a population pool.</summary>
public abstract record PoolParticipants
{
    private PoolParticipants()
    {
    }

    /// <summary>Every municipality of a county in the party table (Region Mitt's county pools).</summary>
    public sealed record CountyMunicipalities(CountyCode County) : PoolParticipants
    {
        public override string ToString() => $"county:{County}";
    }

    /// <summary>
    /// An explicit list, e.g. the municipalities that signed an agreement (Stockholm's offer).
    /// </summary>
    public sealed record Listed(IReadOnlyList<PartyCode> Parties) : PoolParticipants
    {
        public override string ToString() => "parties:" + string.Join(' ', Parties);
    }

    /// <summary>
    /// The parties whose agreement (the dataset's <c>agreements.csv</c>) counts for the budget year, optionally only
    /// the municipalities of one county (Stockholm's offer to the municipalities of Stockholm county). Who is in
    /// follows the agreements: joining or leaving is a revision of the dataset like any other change.
    /// </summary>
    public sealed record WithAgreement(CountyCode? County) : PoolParticipants
    {
        public override string ToString() => County is { } county ? $"agreements:county:{county}" : "agreements";
    }

    /// <summary>Reads the stored form: <c>county:19</c>, <c>parties:0114 0115 0117</c>, <c>agreements</c> or <c>agreements:county:01</c>.</summary>
    public static PoolParticipants Parse(string text)
    {
        if (text == "agreements")
        {
            return new WithAgreement(null);
        }

        if (text.StartsWith("agreements:county:", StringComparison.Ordinal))
        {
            return new WithAgreement(new CountyCode(text["agreements:county:".Length..].Trim()));
        }

        if (text.StartsWith("county:", StringComparison.Ordinal))
        {
            return new CountyMunicipalities(new CountyCode(text["county:".Length..].Trim()));
        }

        if (text.StartsWith("parties:", StringComparison.Ordinal))
        {
            var codes = text["parties:".Length..].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new Listed(codes.Select(code => new PartyCode(code)).ToArray());
        }

        throw new FormatException($"Pool participants '{text}' must be 'county:NN', 'parties:CODE CODE …', 'agreements' or 'agreements:county:NN'.");
    }
}
