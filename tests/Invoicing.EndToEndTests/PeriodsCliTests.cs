using System.Text;
using System.Text.Json;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary><c>./invoicing periods</c>: a month closed after reconciling it; a late payment dated in it is booked on the first open day.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeriodsCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_closed_novembers_late_payment_is_booked_on_the_first_of_december_and_novembers_sie_file_stays_the_same()
    {
        using var cli = new CliRunner(azurite);
        var folder = Directory.CreateTempSubdirectory("periods-").FullName;
        Assert.Equal(0, (await cli.RunAsync("demo")).ExitCode);
        var november = Path.Combine(folder, "november.si");
        var before = await cli.RunAsync("export", "sie", "--from", "2026-11-01", "--to", "2026-11-30", "--out", november);
        var bytesBefore = await File.ReadAllBytesAsync(november);

        var notEnded = await cli.RunAsync("periods", "close", "2026-12");
        var notAMonth = await cli.RunAsync("periods", "close", "2026-11-01");
        var closed = await cli.RunAsync("periods", "close", "2026-11", "--note", "Avstämd mot kontoutdrag");
        var paid = await cli.RunAsync("payments", "register", "202600014", "--amount", "100,00", "--date", "2026-11-20", "--note", "sen betalning");
        var after = await cli.RunAsync("export", "sie", "--from", "2026-11-01", "--to", "2026-11-30", "--out", november);
        var december = Path.Combine(folder, "december.si");
        await cli.RunAsync("export", "sie", "--from", "2026-12-01", "--to", "2026-12-31", "--out", december);
        var list = await cli.RunAsync("periods", "--json");
        var audit = await cli.RunAsync("audit", "--invoice", "202600014");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal((1, "error: 2026-12 has not ended (today is 2026-12-04); a month is closed after its last day, once it is reconciled.\n"), (notEnded.ExitCode, notEnded.Stderr));
        Assert.Equal((1, "error: '2026-11-01' is not a month in the form yyyy-MM (e.g. 2026-11).\n"), (notAMonth.ExitCode, notAMonth.Stderr));
        Assert.Equal(
            "Closed 2026-11 of Västerås stad's books. A payment, reversal or refund dated in it is booked from now on dated 2026-12-01, its real date kept.\n",
            closed.Stdout);
        Assert.True(paid.ExitCode == 0, paid.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(bytesBefore, await File.ReadAllBytesAsync(november));
        var decemberText = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(december));
        Assert.Contains("#VER \"I\" \"\" 20261201 \"Inbetalning 202600014 ", decemberText, StringComparison.Ordinal);
        var period = Assert.Single(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray());
        Assert.Equal(("2026-11", "closed", "Avstämd mot kontoutdrag"), (period.GetProperty("month").GetString(), period.GetProperty("state").GetString(), period.GetProperty("note").GetString()));
        Assert.Contains("paid 2026-11-20 (booked on 2026-12-01, its month being closed)", audit.Stdout, StringComparison.Ordinal);
    }
}
