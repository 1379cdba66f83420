using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>
/// The allocation keys in <c>budget.json</c> (docs/allocation.md), on the bundled EXEMPEL Finsam dataset
/// <c>data/finsam-exempel-2026</c>: read, split, stored as öre, and refused in one line naming file, line and field.
/// </summary>
public sealed class AllocationKeysFileTests
{
    private static readonly Invoicing.Dataset.Dataset Finsam = DatasetLoader.Load(RepositoryPaths.FinsamDataset);

    private static BudgetAllocation Allocate(Invoicing.Dataset.Dataset data) =>
        BudgetAllocator.Allocate(data.Budget, data.Parties.ToDictionary(p => p.Code), data.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal));

    private static Money Share(PoolAllocation pool, string code) => pool.Shares.Single(s => s.Party.Code.Value == code).Amount;

    [Fact]
    public void The_finsam_example_is_half_the_state_a_quarter_the_region_and_a_quarter_the_municipalities_by_population()
    {
        var allocation = Allocate(Finsam);
        var municipalities = allocation.Pools.Single(p => p.Line is PopulationPoolLine);

        Assert.Contains("EXEMPEL", Finsam.Budget.SchemeName, StringComparison.Ordinal);
        Assert.Equal(Money.FromKronor(2_000_000), allocation.FixedContributions.Single(f => f.Party.Code.Value == "FK").Line.Amount);
        Assert.Equal(Money.FromKronor(1_000_000), allocation.FixedContributions.Single(f => f.Party.Code.Value == "REGION-03").Line.Amount);
        Assert.Equal(Money.FromKronor(1_000_000), municipalities.Total);
        Assert.Equal(8, municipalities.Shares.Count);

        // Uppsala's share (20 000 kr + its part of the rest, 530 731 kr) is above the cap; Älvkarleby's below the floor.
        Assert.Equal(Money.FromKronor(450_000), Share(municipalities, "0380"));
        Assert.Equal(PoolSplit.Bound.Cap, municipalities.Shares.Single(s => s.Party.Code.Value == "0380").Bound);
        Assert.Equal(Money.FromKronor(50_000), Share(municipalities, "0319"));
        Assert.Equal(PoolSplit.Bound.Floor, municipalities.Shares.Single(s => s.Party.Code.Value == "0319").Bound);
        Assert.All(municipalities.Shares, s => Assert.InRange(s.Amount.Ore, 5_000_000, 45_000_000));
    }

    [Fact]
    public void A_per_capita_line_is_read_without_an_amount_and_its_amount_is_the_sum_of_rate_times_population()
    {
        var line = Assert.Single(Finsam.Budget.Lines.OfType<PerCapitaLine>());
        var pool = Allocate(Finsam).Pools.Single(p => p.Line is PerCapitaLine);

        Assert.Equal(Money.FromKronor(171_324), line.Amount);
        Assert.Equal(line.Amount, pool.Total);
        Assert.Equal(Money.FromKronor(86_806), Share(pool, "0380")); // 248 016 × 0,35 = 86 805,60
        Assert.Equal(Money.FromKronor(28_554), Share(pool, "REGION-03")); // 407 912 × 0,07 = 28 553,84
        Assert.Equal(new Money(35), line.Rates.For(PartyKind.Municipality));
        Assert.Equal(new Money(7), line.Rates.For(PartyKind.Region));
    }

    [Fact]
    public void An_equal_split_gives_the_five_kronor_left_over_to_the_first_five_codes()
    {
        var pool = Allocate(Finsam).Pools.Single(p => p.Line is EqualSplitLine);

        Assert.Equal(Money.FromKronor(50_000), pool.Total);
        Assert.Equal(
            [5_556, 5_556, 5_556, 5_556, 5_556, 5_555, 5_555, 5_555, 5_555],
            pool.Shares.OrderBy(s => s.Party.Code.Value, StringComparer.Ordinal).Select(s => s.Amount.Ore / 100));
    }

    [Fact]
    public void Every_key_is_stored_in_the_budgets_table_as_ore_and_read_back_the_same()
    {
        var scheme = Finsam.Budget.Scheme;
        foreach (var line in Finsam.Budget.Lines)
        {
            var read = BudgetLineEntity.From(scheme, 2026, line).ToLine();

            // A listed pool's parties are a list, compared by reference in the record: compared by their stored form instead.
            if (line is SharedLine shared && read is SharedLine readShared)
            {
                Assert.Equal(shared.Participants.ToString(), readShared.Participants.ToString());
                read = readShared with { Participants = shared.Participants };
            }

            Assert.Equal(line, read);
        }

        var pool = BudgetLineEntity.From(scheme, 2026, Finsam.Budget.Lines.OfType<PopulationPoolLine>().Single());
        Assert.Equal((2_000_000L, 45_000_000L, 5_000_000L), (pool.BaseFeeOre, pool.CapOre, pool.FloorOre));
        var perCapita = BudgetLineEntity.From(scheme, 2026, Finsam.Budget.Lines.OfType<PerCapitaLine>().Single());
        Assert.Equal(("PerCapita", (long?)null, (long?)35, (long?)7, 17_132_400L), (perCapita.Kind, perCapita.RateOre, perCapita.RateMunicipalityOre, perCapita.RateRegionOre, perCapita.AmountOre));
        Assert.Equal("EqualSplit", BudgetLineEntity.From(scheme, 2026, Finsam.Budget.Lines.OfType<EqualSplitLine>().Single()).Kind);
    }

    [Fact]
    public void A_flat_rate_is_read_from_rate()
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", "\"rates\": { \"Municipality\": \"0.35\", \"Region\": \"0.07\" }, \"participants\": \"parties:0305 0319 0330 0331 0360 0380 0381 0382 REGION-03\"", "\"rate\": \"42.25\", \"participants\": \"county:03\"");

        var line = DatasetLoader.Load(data.Directory).Budget.Lines.OfType<PerCapitaLine>().Single();

        Assert.Equal(PerCapitaRates.Flat(new Money(4_225)), line.Rates);
        // 42,25 kr × each municipality's population, each rounded half up to whole kronor (Skinnskatteberg-like halves round up).
        var municipalities = Finsam.Snapshots.Single().Populations.Where(p => p.Key.Value != "REGION-03");
        Assert.Equal(Money.Sum(municipalities.Select(p => PerCapitaRule.Share(new Money(4_225), p.Value))), line.Amount);
        Assert.Equal(8, Allocate(DatasetLoader.Load(data.Directory)).Pools.Single(p => p.Line is PerCapitaLine).Shares.Count);
    }

    [Theory]
    [InlineData("\"baseFee\": \"20000\"", "\"baseFee\": \"200000\"", "budget.json: Budget finsam-exempel 2026 cannot be invoiced: line 3 (Kommunernas fjärdedel (25 %)), baseFee: the base fees of 8 participants (8 × 200\u00A0000\u00A0kr) exceed the pool (1\u00A0000\u00A0000\u00A0kr).")]
    [InlineData("\"cap\": \"450000\"", "\"cap\": \"100000\"", "budget.json: Budget finsam-exempel 2026 cannot be invoiced: line 3 (Kommunernas fjärdedel (25 %)), cap: 8 participants at the cap (8 × 100\u00A0000\u00A0kr) pay less than the pool (1\u00A0000\u00A0000\u00A0kr).")]
    [InlineData("\"floor\": \"50000\"", "\"floor\": \"500000\"", "budget.json: Budget finsam-exempel 2026 cannot be invoiced: line 3 (Kommunernas fjärdedel (25 %)), floor: 8 participants at the floor (8 × 500\u00A0000\u00A0kr) pay more than the pool (1\u00A0000\u00A0000\u00A0kr).")]
    [InlineData("\"Municipality\": \"0.35\"", "\"Municipality\": \"0.355\"", "budget.json, lines[3].rates.Municipality: '0.355' must be a positive rate in kronor per inhabitant with at most two decimals, e.g. \"42.25\".")]
    [InlineData("\"Municipality\": \"0.35\"", "\"Kommun\": \"0.35\"", "budget.json, lines[3].rates.Kommun: not a party kind; the kinds are Municipality, Region, Agency.")]
    [InlineData("\"rates\": {", "\"rate\": \"1\", \"rates\": {", "budget.json, lines[3].rate: a PerCapita line has either \"rate\" (kronor per inhabitant) or \"rates\" by party kind, and it has both.")]
    [InlineData("\"text\": \"Kansliavgift per invånare\",", "\"text\": \"Kansliavgift per invånare\", \"amount\": \"171324\",", "budget.json, lines[3].amount: a PerCapita line has no amount; it is rate × population, summed over the participants.")]
    [InlineData("\"amount\": \"50000\",", "\"amount\": \"50000\", \"cap\": \"6000\",", "budget.json, lines[4]: baseFee, cap and floor belong to a PopulationPool line, not a EqualSplit line.")]
    [InlineData("\"amount\": \"50000\",", "\"amount\": \"50000.50\",", "budget.json: Budget finsam-exempel 2026 cannot be invoiced: line 5 (Gemensam utvecklingsdag): amount 50\u00A0000,50\u00A0kr of an equal split must be whole kronor.")]
    public void A_key_that_cannot_be_met_is_refused_in_one_line_naming_file_line_and_field(string oldText, string newText, string expected)
    {
        using var data = TempDataset.CopyOfFinsam();
        data.Replace("budget.json", oldText, newText);

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(expected, e.Message);
    }
}
