using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>
/// Spreadsheets change while a budget is a draft: finance removes a party and seeds again. The draft is then what the
/// files say, not what they said plus what they said before: the party row stays in the shared party table (other
/// schemes and issued documents may name it), but it no longer shares the draft's pools.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReseedingTests(AzuriteFixture azurite)
{
    private static readonly PartyCode Habo = new("0305");

    [Fact]
    public async Task Seeding_a_draft_again_without_a_party_takes_it_out_of_the_drafts_pools_and_the_pool_still_sums_exactly()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var full = InvoicingScenario.BundledDataset;
        var seeder = scenario.Get<DatasetSeeder>();
        await seeder.SeedAsync(full, CancellationToken.None);
        Assert.Contains(await SharesOfUppsalaAsync(scenario), s => s.Party.Code == Habo);

        await seeder.SeedAsync(full with { Parties = [.. full.Parties.Where(p => p.Code != Habo)] }, CancellationToken.None);

        var shares = await SharesOfUppsalaAsync(scenario);
        Assert.DoesNotContain(shares, s => s.Party.Code == Habo);
        Assert.Equal(full.Parties.Count(p => p.Kind == PartyKind.Municipality && p.County == new CountyCode("03")) - 1, shares.Count);
        var pool = full.Budget.Lines.OfType<PopulationPoolLine>().Single(l => l.Participants == new PoolParticipants.CountyMunicipalities(new CountyCode("03")));
        Assert.Equal(pool.Amount, Money.Sum(shares.Select(s => s.Amount)));
        Assert.True((await scenario.Get<PartyStore>().GetAllAsync(CancellationToken.None)).ContainsKey(Habo), "the party row stays in the shared table");
    }

    [Fact]
    public async Task Seeding_the_party_back_makes_it_a_member_again()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var full = InvoicingScenario.BundledDataset;
        var seeder = scenario.Get<DatasetSeeder>();
        await seeder.SeedAsync(full with { Parties = [.. full.Parties.Where(p => p.Code != Habo)] }, CancellationToken.None);

        await seeder.SeedAsync(full, CancellationToken.None);

        Assert.Contains(await SharesOfUppsalaAsync(scenario), s => s.Party.Code == Habo);
    }

    [Fact]
    public async Task Seeding_a_snapshot_again_without_a_partys_row_deletes_the_row_so_no_stale_figure_splits_a_pool()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var full = InvoicingScenario.BundledDataset;
        var seeder = scenario.Get<DatasetSeeder>();
        await seeder.SeedAsync(full, CancellationToken.None);
        var snapshot = full.Snapshots.Single(s => s.Populations.ContainsKey(Habo));
        var withoutHabo = snapshot with { Populations = snapshot.Populations.Where(p => p.Key != Habo).ToDictionary() };

        await seeder.SeedAsync(full with { Snapshots = [.. full.Snapshots.Select(s => s.Id == snapshot.Id ? withoutHabo : s)] }, CancellationToken.None);

        var stored = await scenario.Get<Invoicing.Populations.PopulationStore>().FindAsync(snapshot.Id, CancellationToken.None);
        Assert.Equal(withoutHabo.Populations.OrderBy(p => p.Key.Value).ToList(), stored!.Populations.OrderBy(p => p.Key.Value).ToList());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SharesOfUppsalaAsync(scenario));
        Assert.Contains($"party 0305 (Håbo kommun) has no population in snapshot '{snapshot.Id}'.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<PoolShare>> SharesOfUppsalaAsync(InvoicingScenario scenario)
    {
        var budget = await scenario.Get<BudgetStore>().FindAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var allocation = await scenario.Get<InvoicePlanner>().AllocateAsync(budget!, CancellationToken.None);
        return allocation.Pools.Single(p => p.Line.Participants == new PoolParticipants.CountyMunicipalities(new CountyCode("03"))).Shares;
    }
}
