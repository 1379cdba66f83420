using System.Text.Json;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary><c>budget show --json</c> (docs/cli.md): the lines, each shared line's shares and the fixed contributions, as the text shows them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BudgetShowJsonCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Budget_show_json_gives_every_key_and_each_lines_shares_sum_to_its_amount_in_kronor_with_two_decimals()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed", "--data", Path.Combine(TestPaths.RepositoryRoot, "data", "finsam-exempel-2026")));

        var result = Ok(await cli.RunAsync("budget", "show", "--scheme", "finsam-exempel", "--year", "2026", "--json"));
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("finsam-exempel", root.GetProperty("scheme").GetString());
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal("Draft", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("decidedOn").ValueKind);

        var lines = root.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("number").GetInt32());
        var pools = root.GetProperty("pools").EnumerateArray().ToArray();
        Assert.Equal(["population", "perCapita", "equalSplit"], pools.Select(p => p.GetProperty("key").GetString()));
        foreach (var pool in pools)
        {
            var line = lines[pool.GetProperty("line").GetInt32()];
            var shares = pool.GetProperty("shares").EnumerateArray().ToArray();
            Assert.NotEmpty(shares);
            Assert.Equal(line.GetProperty("amount").GetDecimal(), shares.Sum(s => s.GetProperty("amount").GetDecimal()));
            Assert.Equal(line.GetProperty("amount").GetDecimal(), pool.GetProperty("total").GetDecimal());
        }

        // Money is kronor as a JSON number with exactly two decimals, as everywhere else (docs/cli.md).
        Assert.Equal("1000000.00", lines[3].GetProperty("amount").GetRawText());
        var capped = pools[0].GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "0380");
        Assert.Equal("450000.00", capped.GetProperty("amount").GetRawText());
        Assert.Equal("cap", capped.GetProperty("bound").GetString());
        Assert.Equal(60.8m, capped.GetProperty("keyPercent").GetDecimal());
        Assert.Equal("20000.00", pools[0].GetProperty("baseFee").GetRawText());
        Assert.Equal("finsam-exempel-2025-09", pools[0].GetProperty("populationSnapshot").GetString());
        Assert.Equal(JsonValueKind.Null, pools[2].GetProperty("populationSnapshot").ValueKind);

        var fixedTotal = root.GetProperty("fixedContributions").EnumerateArray().Sum(f => f.GetProperty("amount").GetDecimal());
        var poolTotal = pools.Sum(p => p.GetProperty("total").GetDecimal());
        Assert.Equal(4_221_324m, root.GetProperty("toInvoice").GetDecimal());
        Assert.Equal(root.GetProperty("invoicedIncome").GetDecimal(), fixedTotal + poolTotal);
        Assert.Equal(10, root.GetProperty("invoices").GetInt32());
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
