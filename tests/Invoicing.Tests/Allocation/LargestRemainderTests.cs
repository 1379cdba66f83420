using Invoicing.Allocation;
using Invoicing.Csv;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Allocation;

public sealed class LargestRemainderTests
{
    /// <summary>BILAGA 1's county tables as the largest-remainder method splits 75 000 kr: the product's figures.</summary>
    public static TheoryData<string, long, Dictionary<string, long>> RegionMittCounties => new()
    {
        {
            "regionmitt-2026-19", 280_999, new Dictionary<string, long>
            {
                ["1980"] = 43_035, ["1984"] = 3_720, ["1982"] = 3_458, ["1961"] = 4_418, ["1960"] = 2_290,
                ["1983"] = 6_852, ["1962"] = 1_436, ["1981"] = 6_051, ["1904"] = 1_131, ["1907"] = 2_609,
            }
        },
        {
            "regionmitt-2026-21", 284_558, new Dictionary<string, long>
            {
                ["2180"] = 27_368, ["2183"] = 6_917, ["2104"] = 2_446, ["2184"] = 9_891, ["2161"] = 4_862,
                ["2132"] = 2_441, ["2101"] = 1_506, ["2121"] = 2_989, ["2181"] = 10_111, ["2182"] = 6_469,
            }
        },
        {
            "regionmitt-2026-03", 407_912, new Dictionary<string, long>
            {
                ["0381"] = 8_934, ["0331"] = 2_638, ["0305"] = 4_224, ["0330"] = 3_897,
                ["0360"] = 3_880, ["0380"] = 45_601, ["0319"] = 1_756, ["0382"] = 4_070,
            }
        },
    };

    [Theory]
    [MemberData(nameof(RegionMittCounties))]
    public void Region_Mitt_county_tables_split_75000_kronor_as_expected(string snapshot, long totalPopulation, Dictionary<string, long> expected)
    {
        var table = CsvTable.Read(Path.Combine(RepositoryPaths.BundledDataset, "populations.csv"));
        var parts = table.Rows
            .Where(row => table.Field(row, "snapshot") == snapshot)
            .Select(row => (Key: table.Field(row, "code"), Weight: long.Parse(table.Field(row, "population"), System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

        var units = LargestRemainder.Allocate(75_000, parts);

        Assert.Equal(totalPopulation, parts.Sum(p => p.Weight));
        Assert.Equal(75_000, units.Sum());
        Assert.Equal(expected, parts.Select((p, i) => (p.Key, Units: units[i])).ToDictionary(p => p.Key, p => p.Units));
    }

    [Fact]
    public void Vasteras_gets_43035_of_75000_kronor()
    {
        var units = LargestRemainder.Allocate(75_000, [("1980", 161_236), ("REST", 280_999 - 161_236)]);
        Assert.Equal([43_035, 31_965], units);
    }

    [Fact]
    public void Exact_quotas_need_no_rounding()
    {
        Assert.Equal([50, 30, 20], LargestRemainder.Allocate(100, [("a", 5), ("b", 3), ("c", 2)]));
    }

    [Fact]
    public void Left_over_units_go_to_the_largest_remainders()
    {
        // Quotas 4.2, 3.5, 2.3: one unit left over, for b's remainder 0.5.
        Assert.Equal([4, 4, 2], LargestRemainder.Allocate(10, [("a", 42), ("b", 35), ("c", 23)]));
    }

    [Fact]
    public void Equal_remainders_go_first_to_the_larger_weight()
    {
        // Quotas 0.5 and 1.5: both remainders are one half; the larger weight takes the unit.
        Assert.Equal([0, 2], LargestRemainder.Allocate(2, [("a", 1), ("b", 3)]));
        Assert.Equal([2, 0], LargestRemainder.Allocate(2, [("b", 3), ("a", 1)]));
    }

    [Fact]
    public void Equal_remainders_and_weights_go_first_to_the_smaller_key_in_ordinal_order()
    {
        Assert.Equal([4, 3, 3], LargestRemainder.Allocate(10, [("a", 1), ("b", 1), ("c", 1)]));
        Assert.Equal([3, 3, 4], LargestRemainder.Allocate(10, [("c", 1), ("b", 1), ("a", 1)]));

        // Ordinal, not culture: 'B' (U+0042) sorts before 'a' (U+0061).
        Assert.Equal([0, 1], LargestRemainder.Allocate(1, [("a", 1), ("B", 1)]));
        Assert.Equal([1, 0], LargestRemainder.Allocate(1, [("0380", 7), ("380", 7)]));
    }

    [Fact]
    public void Nothing_to_share_gives_every_part_zero()
    {
        Assert.Equal([0, 0], LargestRemainder.Allocate(0, [("a", 1), ("b", 2)]));
    }

    [Fact]
    public void A_single_part_takes_everything()
    {
        Assert.Equal([75_000], LargestRemainder.Allocate(75_000, [("a", 3)]));
    }

    [Fact]
    public void Huge_units_and_weights_do_not_overflow()
    {
        var units = LargestRemainder.Allocate(long.MaxValue, [("a", long.MaxValue), ("b", long.MaxValue), ("c", 1)]);
        Assert.Equal(long.MaxValue, (long)units.Aggregate(Int128.Zero, (sum, u) => sum + u));
        Assert.Equal(units[0], units[1]);
    }

    [Fact]
    public void Negative_units_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.Allocate(-1, [("a", 1)]));
    }

    [Fact]
    public void There_must_be_something_to_allocate_to()
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(10, []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Every_weight_must_be_positive(long weight)
    {
        var e = Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(10, [("a", 1), ("b", weight)]));
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_must_be_unique()
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(10, [("a", 1), ("a", 2)]));
    }
}
