using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>
/// A line's amounts per year in <c>budget.json</c> (<c>"amounts": { "2027": "…" }</c>, docs/allocation.md "Amounts per year"):
/// the budget's year takes its figure from <c>amounts</c> before <c>amount</c>; every refusal is one line naming file, line and field.
/// </summary>
public sealed class AmountPlanFileTests
{
    private const string EqualSplit = "\"amount\": \"50000\",";

    [Fact]
    public void A_year_named_in_amounts_wins_over_amount_and_amount_is_the_figure_of_every_other_year()
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", EqualSplit, "\"amount\": \"50000\", \"amounts\": { \"2026\": \"60000\", \"2027\": \"70000.50\" },");

        var line = DatasetLoader.Load(data.Directory).Budget.Lines.OfType<EqualSplitLine>().Single();

        Assert.Equal(Money.FromKronor(60_000), line.Amount);
        Assert.Equal(new Money(7_000_050), line.AmountIn(2027));
        Assert.Equal(Money.FromKronor(50_000), line.AmountIn(2028));
    }

    [Fact]
    public void A_line_with_only_amounts_has_no_figure_for_a_year_it_does_not_name()
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", EqualSplit, "\"amounts\": { \"2026\": \"60000\", \"2027\": \"70000\" },");

        var line = DatasetLoader.Load(data.Directory).Budget.Lines.OfType<EqualSplitLine>().Single();

        Assert.Equal(Money.FromKronor(60_000), line.Amount);
        Assert.Equal(Money.FromKronor(70_000), line.AmountIn(2027));
        Assert.Null(line.AmountIn(2028));
    }

    [Fact]
    public void A_line_without_amounts_asks_the_same_amount_every_year()
    {
        var line = DatasetLoader.Load(RepositoryPaths.FinsamDataset).Budget.Lines.OfType<EqualSplitLine>().Single();

        Assert.Null(line.Plan);
        Assert.Equal(line.Amount, line.AmountIn(2031));
    }

    [Fact]
    public void The_stored_form_of_a_plan_reads_back_the_same_plan()
    {
        var plan = new AmountPlan(Money.FromKronor(5), new Dictionary<int, Money> { [2028] = new(123), [2027] = Money.FromKronor(80_000) });

        Assert.Equal("2027:8000000 2028:123", plan.YearsToText());
        Assert.Equal(plan, AmountPlan.Parse(Money.FromKronor(5), plan.YearsToText()));
        Assert.NotEqual(plan, AmountPlan.Parse(null, plan.YearsToText()));
    }

    [Theory]
    [InlineData("\"amounts\": \"50000\",", "budget.json, lines[4].amounts: must be an object of kronor by year, e.g. { \"2027\": \"80000\", \"2028\": \"85000\" }.")]
    [InlineData("\"amounts\": {},", "budget.json, lines[4].amounts: must be an object of kronor by year, e.g. { \"2027\": \"80000\", \"2028\": \"85000\" }.")]
    [InlineData("\"amounts\": { \"27\": \"50000\" },", "budget.json, lines[4].amounts.27: not a year from 2000 to 2999.")]
    [InlineData("\"amounts\": { \"2026\": \"50000\", \"2026\": \"1\" },", "budget.json, lines[4].amounts.2026: the year is named twice.")]
    [InlineData("\"amounts\": { \"2026\": \"femtio\" },", "budget.json, lines[4].amounts.2026: 'femtio' must be kronor with at most two decimals, e.g. \"80000\".")]
    [InlineData("\"amounts\": { \"2027\": \"50000\" },", "budget.json, lines[4].amounts: no figure for 2026, the budget's year, and the line has no amount for the years it does not name.")]
    public void A_bad_amounts_field_is_refused_in_one_line_naming_file_line_and_field(string newText, string expected)
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", EqualSplit, newText);

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void A_per_capita_line_has_no_amounts_since_its_amount_is_rate_times_population()
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", "\"text\": \"Kansliavgift per invånare\",", "\"text\": \"Kansliavgift per invånare\", \"amounts\": { \"2027\": \"1\" },");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal("budget.json, lines[3].amounts: a PerCapita line has no amount; it is rate × population, summed over the participants.", e.Message);
    }
}
