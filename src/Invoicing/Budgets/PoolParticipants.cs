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

    /// <summary>Reads the stored form: <c>county:19</c> or <c>parties:0114 0115 0117</c>.</summary>
    public static PoolParticipants Parse(string text)
    {
        if (text.StartsWith("county:", StringComparison.Ordinal))
        {
            return new CountyMunicipalities(new CountyCode(text["county:".Length..].Trim()));
        }

        if (text.StartsWith("parties:", StringComparison.Ordinal))
        {
            var codes = text["parties:".Length..].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new Listed(codes.Select(code => new PartyCode(code)).ToArray());
        }

        throw new FormatException($"Pool participants '{text}' must be 'county:NN' or 'parties:CODE CODE …'.");
    }
}
