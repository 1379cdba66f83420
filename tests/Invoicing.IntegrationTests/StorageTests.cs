using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_pdf_is_written_once_and_never_replaced()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var archive = scenario.Get<InvoiceArchive>();

        var first = await archive.WriteIfAbsentAsync("s/2026/202600001.pdf", [1, 2, 3], CancellationToken.None);
        var second = await archive.WriteIfAbsentAsync("s/2026/202600001.pdf", [9, 9, 9], CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Sha256, second.Sha256);
        using var content = new MemoryStream();
        await archive.DownloadToAsync("s/2026/202600001.pdf", content, CancellationToken.None);
        Assert.Equal([1, 2, 3], content.ToArray());
    }

    [Fact]
    public async Task Concurrent_reservations_give_each_debtor_one_number_and_leave_no_gap()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var debtors = Enumerable.Range(1, 20).Select(i => new Parties.PartyCode($"P{i:00}")).ToArray();
        var scheme = new SchemeId("scheme-a");
        var day = new DateOnly(2026, 1, 20);

        var reservations = await Task.WhenAll(debtors.Concat(debtors).Select(debtor => Task.Run(() =>
            ReserveOneAsync(scenario.NewServices().GetRequiredServiceOf<InvoiceNumberSeries>(), scheme, debtor, day))));

        Assert.Equal(20, reservations.Select(r => r.Number).Distinct().Count());
        Assert.All(reservations.GroupBy(r => r.Debtor), g => Assert.Single(g.Select(r => r.Number).Distinct()));
        var listed = await scenario.Get<InvoiceNumberSeries>().ListAsync("issuer", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20), listed.Select(r => r.Number.Sequence));
    }

    [Fact]
    public async Task More_reservations_than_one_transaction_holds_are_taken_in_order_without_gap_and_found_again()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var series = scenario.Get<InvoiceNumberSeries>();
        var scheme = new SchemeId("scheme-b");
        var day = new DateOnly(2026, 1, 20);
        var requests = Enumerable.Range(1, 250).Select(i => new NumberRequest(new Parties.PartyCode($"P{i:000}"), 0, day, day.AddDays(30))).ToArray();
        await ReserveOneAsync(series, scheme, requests[7].Debtor, day);

        var reserved = await series.ReserveAllAsync("issuer", scheme, 2026, requests, CancellationToken.None);
        var again = await series.ReserveAllAsync("issuer", scheme, 2026, requests, CancellationToken.None);

        Assert.Equal(1, reserved[7].Number.Sequence);
        Assert.Equal(Enumerable.Range(2, 249), reserved.Where((_, i) => i != 7).Select(r => r.Number.Sequence));
        Assert.Equal(reserved, again);
        var listed = await series.ListAsync("issuer", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 250), listed.Select(r => r.Number.Sequence));
    }

    [Fact]
    public async Task A_run_that_reuses_what_it_knows_of_the_series_still_gives_numbers_another_run_took_meanwhile_to_no_one_else()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var series = scenario.Get<InvoiceNumberSeries>();
        var other = scenario.NewServices().GetRequiredServiceOf<InvoiceNumberSeries>();
        var scheme = new SchemeId("scheme-c");
        var day = new DateOnly(2026, 1, 20);
        var requests = Enumerable.Range(1, 12).Select(i => new NumberRequest(new Parties.PartyCode($"P{i:00}"), 0, day, day.AddDays(30))).ToArray();
        var known = new KnownReservations();

        var first = await series.ReserveAllAsync("issuer", scheme, 2026, requests[..4], CancellationToken.None, known);
        // Meanwhile another run (another scheme of the same issuer, and one of this batch's debtors) takes numbers.
        await ReserveOneAsync(other, new SchemeId("scheme-d"), new Parties.PartyCode("Q01"), day);
        var takenByOther = await ReserveOneAsync(other, scheme, requests[5].Debtor, day);
        var second = await series.ReserveAllAsync("issuer", scheme, 2026, requests[4..8], CancellationToken.None, known);
        var third = await series.ReserveAllAsync("issuer", scheme, 2026, requests[8..], CancellationToken.None, known);
        var again = await series.ReserveAllAsync("issuer", scheme, 2026, requests, CancellationToken.None, known);

        Assert.Equal([1, 2, 3, 4], first.Select(r => r.Number.Sequence));
        Assert.Equal(6, takenByOther.Number.Sequence);
        Assert.Equal([7, 6, 8, 9], second.Select(r => r.Number.Sequence));
        Assert.Equal([10, 11, 12, 13], third.Select(r => r.Number.Sequence));
        Assert.Equal([.. first, .. second, .. third], again);
        var listed = await series.ListAsync("issuer", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 13), listed.Select(r => r.Number.Sequence));
        Assert.Equal(listed.Count, listed.Select(r => (r.Scheme, r.Debtor)).Distinct().Count());
    }

    [Fact]
    public async Task A_budget_round_trips_through_its_table_with_every_line_kind()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var budget = new Budget(new SchemeId("stockholm-pom"), 2026, "Erbjudande till kommunerna i Stockholms region", [
            new PopulationPoolLine(1, "Kommuner med avtal", Money.FromKronor(4_000_000),
                new PoolParticipants.Listed([new("0180"), new("0114")]), "scb-2024", Money.FromKronor(1)),
            new FixedContributionLine(2, "Region", Money.FromKronor(10), new("REGION-01")),
            new RecordedIncomeLine(3, "Statsbidrag", Money.FromKronor(5), null),
            new CostLine(4, "Löner", Money.FromKronor(3)),
        ]);

        await scenario.Get<BudgetStore>().SaveDraftAsync(budget, CancellationToken.None);
        var shorter = budget with { Lines = budget.Lines.Take(2).ToArray() };
        await scenario.Get<BudgetStore>().SaveDraftAsync(shorter, CancellationToken.None);
        var stored = await scenario.Get<BudgetStore>().GetAsync(budget.Scheme, 2026, CancellationToken.None);

        Assert.Equal(2, stored.Lines.Count);
        var pool = Assert.IsType<PopulationPoolLine>(stored.Lines[0]);
        Assert.Equal(["0180", "0114"], ((PoolParticipants.Listed)pool.Participants).Parties.Select(p => p.Value));
        Assert.Equal(Money.FromKronor(4_000_000), pool.Amount);
        Assert.Equal(BudgetStatus.Draft, stored.Status);
    }

    /// <summary>One debtor's number of issuer <c>issuer</c>'s 2026 series, as a run takes it (a batch of one).</summary>
    private static async Task<InvoiceReservation> ReserveOneAsync(InvoiceNumberSeries series, SchemeId scheme, Parties.PartyCode debtor, DateOnly day) =>
        (await series.ReserveAllAsync("issuer", scheme, 2026, [new NumberRequest(debtor, 0, day, day)], CancellationToken.None))[0];
}

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services)
        where T : notnull => (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name));
}
