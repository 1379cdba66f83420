namespace Invoicing.Accounting;

/// <summary>The validated accounts, dimension and chart type of <see cref="SieOptions"/>.</summary>
public sealed record SieChart(SieAccount Receivables, SieAccount ContributionIncome, SieAccount Bank, SieAccount RefundsOwed, int? PartyDimension, string PartyDimensionName)
{
    public const string DefaultChartType = "EUBAS97";

    /// <summary>The values SIE 4B gives <c>#KPTYP</c>; a reader assumes BAS95 when the post is missing.</summary>
    public static IReadOnlyList<string> ChartTypes { get; } = ["BAS95", "BAS96", "EUBAS97", "NE2007"];

    /// <summary>The chart of accounts the numbers follow (<c>#KPTYP</c>), one of <see cref="ChartTypes"/>.</summary>
    public string ChartType { get; init; } = DefaultChartType;

    /// <exception cref="SieConfigurationException">An account is missing or malformed, or the dimension is outside 1-999.</exception>
    public static SieChart FromOptions(SieOptions options)
    {
        var problems = new List<string>();
        var swedishProblems = new List<string>();
        var receivables = Account(options.Receivables, nameof(SieOptions.Receivables), problems, swedishProblems);
        var income = Account(options.ContributionIncome, nameof(SieOptions.ContributionIncome), problems, swedishProblems);
        var bank = Account(options.Bank, nameof(SieOptions.Bank), problems, swedishProblems);
        var refunds = Account(options.RefundsOwed, nameof(SieOptions.RefundsOwed), problems, swedishProblems);
        if (options.PartyDimension is { } dimension && dimension is < 1 or > 999)
        {
            problems.Add($"{SieOptions.Section}:{nameof(SieOptions.PartyDimension)} = {dimension} is not a dimension number (1-999; 20 and above are free).");
            swedishProblems.Add($"{SieOptions.Section}:{nameof(SieOptions.PartyDimension)} = {dimension} är inte ett dimensionsnummer (1-999; 20 och uppåt är fria).");
        }

        var chartType = options.ChartType?.Trim() ?? "";
        if (!ChartTypes.Contains(chartType, StringComparer.Ordinal))
        {
            problems.Add($"{SieOptions.Section}:{nameof(SieOptions.ChartType)} = '{chartType}' is not an SIE chart type ({string.Join(", ", ChartTypes)}).");
            swedishProblems.Add($"{SieOptions.Section}:{nameof(SieOptions.ChartType)} = '{chartType}' är inte en SIE-kontoplanstyp ({string.Join(", ", ChartTypes)}).");
        }

        if (problems.Count > 0)
        {
            throw new SieConfigurationException(string.Join(" ", problems), string.Join(" ", swedishProblems));
        }

        return new SieChart(receivables!, income!, bank!, refunds!, options.PartyDimension,
            string.IsNullOrWhiteSpace(options.PartyDimensionName) ? "Motpart" : options.PartyDimensionName.Trim())
        {
            ChartType = chartType,
        };
    }

    private static SieAccount? Account(SieAccountOptions? account, string name, List<string> problems, List<string> swedishProblems)
    {
        var setting = $"{SieOptions.Section}:{name}";
        if (account is null || string.IsNullOrWhiteSpace(account.Number) || string.IsNullOrWhiteSpace(account.Name))
        {
            problems.Add($"{setting}:Number and :Name must be set (the account in your chart of accounts; see docs/sie.md).");
            swedishProblems.Add($"{setting}:Number och :Name måste anges (kontot i er kontoplan; se docs/sie.md).");
            return null;
        }

        try
        {
            return new SieAccount(account.Number.Trim(), account.Name);
        }
        catch (FormatException e)
        {
            problems.Add($"{setting}: {e.Message}");
            swedishProblems.Add($"{setting}: {SieAccount.SwedishProblem(account.Number.Trim(), account.Name)}");
            return null;
        }
    }
}
