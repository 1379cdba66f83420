using System.Text.Json;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;
using Invoicing.Populations.Scb;
using Invoicing.Testing;
using Invoicing.Testing.Scb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.IntegrationTests.Populations;

/// <summary>SCB's figures recorded as a snapshot with their provenance, once; refused whole when anything is wrong.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PopulationImportTests(AzuriteFixture azurite)
{
    private static byte[] Tab5557 => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "scb-pxweb", "TAB5557_sv_ac392dca4f25fab2.json"));

    [Fact]
    public async Task SCBs_zero_for_a_municipality_that_did_not_exist_on_the_reference_date_is_refused_with_one_line_and_nothing_is_recorded()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var real = JsonStat2Reader.Read(Tab5557, "TAB5557.json", null, null);
        // Knivsta (0330) was formed in 2003: SCB's table answers 0 for it in the years before.
        var before = real with { ByMunicipality = real.ByMunicipality.ToDictionary(p => p.Key, p => p.Key == "0330" ? 0L : p.Value) };

        var e = await Assert.ThrowsAsync<ScbDataException>(() =>
            scenario.Get<PopulationImport>().ImportAsync(before, null, InvoicingScenario.Scheme, CancellationToken.None));

        Assert.Equal(
            "Population snapshot 'scb-2025': SCB gives 0 inhabitants for 0330 (Knivsta) on 2025-12-31: the municipality did not exist on that date, so these figures cannot split a pool; nothing was recorded.",
            e.Message);
        Assert.Null(await scenario.Get<PopulationStore>().FindAsync("scb-2025", CancellationToken.None));
    }

    [Fact]
    public async Task An_import_records_the_figures_with_table_update_time_reference_date_and_request_and_a_repeat_changes_nothing()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var import = scenario.Get<PopulationImport>();
        var data = JsonStat2Reader.Read(Tab5557, "TAB5557.json", null, null);

        var first = await import.ImportAsync(data, null, InvoicingScenario.Scheme, CancellationToken.None);
        var again = await import.ImportAsync(data, null, InvoicingScenario.Scheme, CancellationToken.None);
        var stored = await scenario.Get<PopulationStore>().FindAsync("scb-2025", CancellationToken.None);

        Assert.Equal((true, false), (first.Recorded, again.Recorded));
        Assert.NotNull(stored);
        Assert.Equal(290, stored.Populations.Count);
        Assert.Equal(161_240, stored.Populations[new PartyCode("1980")]);
        Assert.Equal(new DateOnly(2025, 12, 31), stored.ReferenceDate);
        Assert.Equal("SCB TAB5557 Folkmängd 31 december 2025 (000007ME), uppdaterad 2026-02-24", stored.Source);
        Assert.Equal(("TAB5557", "000007ME", new DateTimeOffset(2026, 2, 24, 7, 0, 0, TimeSpan.Zero)), (stored.Provenance!.TableId, stored.Provenance.ContentCode, stored.Provenance.Updated));
        Assert.Equal(data.Request, stored.Provenance.Request);
    }

    [Fact]
    public async Task A_snapshot_id_taken_by_other_figures_is_refused_and_left_as_it_was()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var import = scenario.Get<PopulationImport>();
        await import.ImportAsync(JsonStat2Reader.Read(Tab5557, "a.json", null, null), "key-2026", InvoicingScenario.Scheme, CancellationToken.None);
        var other = JsonStat2Reader.Read(Tab5557, "a.json", "another request", null);

        var e = await Assert.ThrowsAsync<ScbDataException>(() => import.ImportAsync(other, "key-2026", InvoicingScenario.Scheme, CancellationToken.None));

        Assert.StartsWith("Population snapshot 'key-2026' already exists with other figures or provenance", e.Message, StringComparison.Ordinal);
        Assert.NotEqual("another request", (await scenario.Get<PopulationStore>().FindAsync("key-2026", CancellationToken.None))!.Provenance!.Request);
    }

    [Fact]
    public async Task An_import_cut_off_before_its_provenance_row_is_finished_by_the_next_import()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var data = JsonStat2Reader.Read(Tab5557, "a.json", null, null);
        var partial = new PopulationSnapshot("scb-2025", data.SourceText, data.ReferenceDate,
            data.ByMunicipality.Take(100).ToDictionary(p => new PartyCode(p.Key), p => p.Value));
        await scenario.Get<PopulationStore>().SaveAsync(partial, CancellationToken.None);

        var result = await scenario.Get<PopulationImport>().ImportAsync(data, null, InvoicingScenario.Scheme, CancellationToken.None);

        var stored = await scenario.Get<PopulationStore>().FindAsync("scb-2025", CancellationToken.None);
        Assert.True(result.Recorded);
        Assert.Equal((290, "TAB5557"), (stored!.Populations.Count, stored.Provenance!.TableId));
    }

    [Fact]
    public async Task A_response_lacking_a_municipality_that_a_pool_of_the_snapshot_needs_records_nothing()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var dataset = InvoicingScenario.BundledDataset;
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        var budget = dataset.Budget with
        {
            Year = 2027,
            Lines = dataset.Budget.Lines.Select(l => l is PopulationPoolLine pool ? pool with { PopulationSnapshotId = "scb-2025" } : l).ToArray(),
        };
        await scenario.Get<BudgetStore>().SaveDraftAsync(budget, CancellationToken.None);
        var data = JsonStat2Reader.Read(Tab5557, "a.json", null, null);
        var withoutVasteras = data with { ByMunicipality = data.ByMunicipality.Where(p => p.Key != "1980").ToDictionary() };

        var e = await Assert.ThrowsAsync<ScbDataException>(() => scenario.Get<PopulationImport>().ImportAsync(withoutVasteras, null, InvoicingScenario.Scheme, CancellationToken.None));

        Assert.Equal(
            "Population snapshot 'scb-2025': budget region-mitt-pom 2027 line 6 (Västmanlands kommuner) needs 1980 (Västerås kommun), which the response lacks. Nothing was recorded.",
            e.Message);
        Assert.Null(await scenario.Get<PopulationStore>().FindAsync("scb-2025", CancellationToken.None));

        await scenario.Get<PopulationImport>().ImportAsync(data, null, InvoicingScenario.Scheme, CancellationToken.None);
        var comparison = PopulationComparison.Compare(
            (await scenario.Get<PopulationStore>().FindAsync("regionmitt-2026-19", CancellationToken.None))!,
            (await scenario.Get<PopulationStore>().FindAsync("scb-2025", CancellationToken.None))!,
            await scenario.Get<BudgetStore>().ListAsync(InvoicingScenario.Scheme, CancellationToken.None),
            await scenario.Get<PartyStore>().GetAllAsync(CancellationToken.None));
        var pools = comparison.Pools.Where(p => p.Text == "Västmanlands kommuner").ToArray();
        Assert.Equal(2, pools.Length);
        Assert.All(pools, p => Assert.Equal(Money.FromKronor(75_000), Money.Sum(p.Shares.Select(s => s.AmountB))));
        Assert.Equal(4, comparison.Differences.Single(d => d.Party.Value == "1980").Change);
    }

    [Fact]
    public async Task Fetch_posts_the_total_cells_of_the_years_table_and_waits_as_retry_after_says()
    {
        await using var server = new RecordedScbServer(new RecordedResponse(429, "{}"u8.ToArray(), RetryAfterSeconds: 1), RecordedResponse.Ok(Tab5557));
        using var client = Client(server.BaseUrl);

        var data = await client.FetchAsync(2025, ["1980", "2180"], CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(("POST", "/api/v2/tables/TAB5557/data?lang=sv&outputFormat=json-stat2"), (r.Method, r.PathAndQuery)));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After");
        var selection = JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("selection").EnumerateArray()
            .ToDictionary(v => v.GetProperty("variableCode").GetString()!, v => string.Join(",", v.GetProperty("valueCodes").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Alder"] = "TotSA", ["Civilstand"] = "SC", ["ContentsCode"] = "000007ME", ["Kon"] = "TotSa", ["Region"] = "1980,2180", ["Tid"] = "2025",
        }, selection);
        Assert.Equal(161_240, data.ByMunicipality["1980"]);
        Assert.StartsWith($"POST {server.BaseUrl}tables/TAB5557/data?lang=sv&outputFormat=json-stat2 {{\"selection\":", data.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_before_2025_asks_tab638_for_both_sexes_and_every_civil_status()
    {
        await using var server = new RecordedScbServer(new RecordedResponse(500, "{}"u8.ToArray()));
        using var client = Client(server.BaseUrl);

        var e = await Assert.ThrowsAsync<ScbUnavailableException>(() => client.FetchAsync(2024, ["0380"], CancellationToken.None));

        Assert.StartsWith($"SCB answered 500 Internal Server Error to {server.BaseUrl}tables/TAB638/data?lang=sv&outputFormat=json-stat2 after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("{\"variableCode\":\"Civilstand\",\"valueCodes\":[\"OG\",\"G\",\"SK\",\"ÄNKL\"]},{\"variableCode\":\"ContentsCode\",\"valueCodes\":[\"BE0101N1\"]},{\"variableCode\":\"Kon\",\"valueCodes\":[\"1\",\"2\"]}", server.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_without_a_network_is_one_clear_error()
    {
        using var client = Client(new Uri($"http://127.0.0.1:{RecordedScbServer.FreePort()}/api/v2/"));

        var e = await Assert.ThrowsAsync<ScbUnavailableException>(() => client.FetchAsync(2025, null, CancellationToken.None));

        Assert.StartsWith("Cannot reach SCB at http://127.0.0.1:", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("check the network, or import a saved response with --scb FILE.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_gives_up_after_its_timeout()
    {
        await using var server = new RecordedScbServer(new RecordedResponse(200, Tab5557, Delay: TimeSpan.FromSeconds(5)));
        using var client = Client(server.BaseUrl, TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<ScbUnavailableException>(() => client.FetchAsync(2025, null, CancellationToken.None));

        Assert.StartsWith($"SCB did not answer {server.BaseUrl}tables/TAB5557/data?lang=sv&outputFormat=json-stat2 within 0.3 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_are_spaced_to_stay_under_30_per_10_seconds()
    {
        await using var server = new RecordedScbServer(RecordedResponse.Ok(Tab5557));
        using var client = Client(server.BaseUrl);

        for (var i = 0; i < 4; i++)
        {
            await client.FetchAsync(2025, ["1980"], CancellationToken.None);
        }

        var at = server.Requests.Select(r => r.At).ToArray();
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(300), $"{pair.Second - pair.First}"));
    }

    private static ScbClient Client(Uri baseUrl, TimeSpan? timeout = null) =>
        new(Options.Create(new ScbOptions { BaseUrl = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(20) }), TimeProvider.System);
}
