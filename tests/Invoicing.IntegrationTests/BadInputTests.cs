using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Populations;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.Options;

namespace Invoicing.IntegrationTests;

/// <summary>Bad input gives a clear error naming the problem, and nothing is written for that budget.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_issuer_bankgiro_failing_its_check_digit_stops_the_run_before_anything_is_written()
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Issuer:Bankgiro"] = "991-2345";
        await using var scenario = new InvoicingScenario(azurite, settings);

        // The settings' validation, which a host runs at start (ValidateOnStart), refuses them the first time an issuer
        // is read (here at approval, which plans the issuer's own share), before anything is issued.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await scenario.SeedAndApproveAsync();
            await scenario.RunAsync();
        });

        Assert.Contains("Invoicing:Issuer:Bankgiro", error.Message, StringComparison.Ordinal);
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
        await AssertNothingIssuedAsync(scenario);
    }

    [Fact]
    public async Task A_missing_issuer_name_is_named_in_the_error()
    {
        var settings = TestServices.ExampleIssuer();
        settings.Remove("Invoicing:Issuer:Name");
        await using var scenario = new InvoicingScenario(azurite, settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await scenario.SeedAndApproveAsync();
            await scenario.RunAsync();
        });

        Assert.Contains("Invoicing:Issuer:Name is missing", error.Message, StringComparison.Ordinal);
        await AssertNothingIssuedAsync(scenario);
    }

    [Fact]
    public async Task A_budget_naming_an_unknown_party_cannot_be_approved()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var dataset = InvoicingScenario.BundledDataset;
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        var broken = dataset.Budget with
        {
            Lines = [.. dataset.Budget.Lines, new FixedContributionLine(dataset.Budget.Lines.Count + 1, "Region Gävleborg", Money.FromKronor(75_000), new PartyCode("REGION-21"))],
        };
        await scenario.Get<BudgetStore>().SaveDraftAsync(broken, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BudgetValidationException>(() => scenario.Get<BudgetApproval>().ApproveAsync(
            broken.Scheme, broken.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "x"), CancellationToken.None));

        Assert.Contains("region-mitt-pom 2026", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 15 (Region Gävleborg)", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown party REGION-21", error.Message, StringComparison.Ordinal);
        Assert.Equal(BudgetStatus.Draft, (await scenario.Get<BudgetStore>().GetAsync(broken.Scheme, broken.Year, CancellationToken.None)).Status);
        Assert.Empty((await scenario.RunAsync()).Budgets);
        await AssertNothingIssuedAsync(scenario);
    }

    [Fact]
    public async Task A_population_changed_after_approval_stops_that_budget_and_writes_nothing()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        var snapshot = InvoicingScenario.BundledDataset.Snapshots.Single(s => s.Id == "regionmitt-2026-19");
        var changed = new Dictionary<PartyCode, long>(snapshot.Populations) { [new PartyCode("1980")] = 161_999 };
        await scenario.Get<PopulationStore>().SaveAsync(snapshot with { Populations = changed }, CancellationToken.None);

        var summary = await scenario.RunAsync();

        var result = Assert.Single(summary.Budgets);
        Assert.Contains("changed what it invoices since it was approved", result.Error, StringComparison.Ordinal);
        Assert.False(summary.Succeeded);
        await AssertNothingIssuedAsync(scenario);
    }

    [Fact]
    public async Task A_participant_without_population_is_named_and_nothing_is_issued()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var dataset = InvoicingScenario.BundledDataset;
        // A new municipality in Västmanland is among the draft's parties but not in the population table.
        var nya = new Party(new PartyCode("1999"), PartyKind.Municipality, "Nya kommunen", new CountyCode("19"), null, [], null, null);
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(dataset with { Parties = [.. dataset.Parties, nya] }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BudgetValidationException>(() => scenario.Get<BudgetApproval>().ApproveAsync(
            dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "x"), CancellationToken.None));

        Assert.Contains("line 6 (Västmanlands kommuner): party 1999 (Nya kommunen) has no population in snapshot 'regionmitt-2026-19'", error.Message, StringComparison.Ordinal);
        await AssertNothingIssuedAsync(scenario);
    }

    [Fact]
    public async Task An_approved_budget_cannot_be_approved_again_or_overwritten()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        var budget = InvoicingScenario.BundledDataset.Budget;

        await Assert.ThrowsAsync<BudgetStateException>(() => scenario.Get<BudgetApproval>().ApproveAsync(
            budget.Scheme, budget.Year, new BudgetDecision(new DateOnly(2026, 1, 10), "again"), CancellationToken.None));
        await Assert.ThrowsAsync<BudgetStateException>(() => scenario.Get<BudgetStore>().SaveDraftAsync(budget, CancellationToken.None));
        Assert.Equal(Dataset.SeedOutcome.BudgetAlreadyApproved, await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(InvoicingScenario.BundledDataset, CancellationToken.None));

        var stored = await scenario.Get<BudgetStore>().GetAsync(budget.Scheme, budget.Year, CancellationToken.None);
        Assert.Equal(new DateOnly(2025, 12, 15), stored.Decision!.DecidedOn);
    }

    [Fact]
    public async Task A_budget_decision_dated_after_today_is_refused_and_nothing_is_written()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var dataset = InvoicingScenario.BundledDataset;
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<DateInFutureException>(() => scenario.Get<BudgetApproval>().ApproveAsync(
            dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2026, 1, 21), "tomorrow"), CancellationToken.None));

        Assert.Equal("region-mitt-pom 2026: the decision date 2026-01-21 is after today (2026-01-20); approve a budget once it has been decided.", error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Fact]
    public async Task Reminders_as_of_a_day_after_today_are_only_a_dry_run_and_use_up_no_level()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        var run = scenario.Get<Invoicing.Reminders.ReminderRun>();
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<DateInFutureException>(() => run.RunAsync(new DateOnly(2027, 1, 5), dryRun: false, CancellationToken.None));
        var dryRun = await run.RunAsync(new DateOnly(2027, 1, 5), dryRun: true, CancellationToken.None);

        Assert.Contains("reminders as of 2027-01-05, after today (2026-01-20), can only be a dry run", error.Message, StringComparison.Ordinal);
        Assert.Equal("Påminnelser per 2027-01-05, efter i dag (2026-01-20), kan bara provköras; inget registrerades eller skickades.", error.SwedishMessage);
        Assert.NotEmpty(dryRun.Actions);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
        Assert.All(await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None), i => Assert.Equal(0, i.ReminderLevel));
    }

    [Fact]
    public async Task A_reserved_number_whose_invoice_could_not_be_issued_is_issued_under_that_number_once_the_party_is_corrected()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        // The fifth invoice's PDF never gets written: its number is reserved, its invoice is not issued (the others
        // of its batch are).
        scenario.Faults.Arm(
            r => r.Method == Azure.Core.RequestMethod.Put && r.Uri.Path.Contains("-invoices/", StringComparison.Ordinal), FaultTiming.BeforeSending, skip: 4);
        await Record.ExceptionAsync(() => scenario.RunAsync());
        var issued = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var reserved = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        var gap = Assert.Single(reserved, r => issued.All(i => i.Number != r.Number));

        // Finance corrects the party (here: its name) and seeds again; the approved budget stays as decided.
        var dataset = InvoicingScenario.BundledDataset;
        var corrected = dataset with
        {
            Parties = [.. dataset.Parties.Select(p => p.Code == gap.Debtor ? new Party(p.Code, p.Kind, "Rättat namn kommun", p.County, p.OrganisationNumber, p.AddressLines, p.InvoiceEmail, p.BuyerReference) { PeppolEndpoint = p.PeppolEndpoint } : p)],
        };
        Assert.Equal(Dataset.SeedOutcome.BudgetAlreadyApproved, await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(corrected, CancellationToken.None));
        Assert.Equal("Rättat namn kommun", (await scenario.Get<PartyStore>().GetAllAsync(CancellationToken.None))[gap.Debtor].Name);
        var run = await scenario.RunAsync();

        Assert.True(run.Succeeded);
        await scenario.AssertOneCompleteSetAsync();
        var repaired = (await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Single(i => i.Number == gap.Number);
        Assert.Equal((gap.Debtor, "Rättat namn kommun", gap.IssueDate), (repaired.DebtorCode, repaired.DebtorName, repaired.IssueDate));
    }

    private static async Task AssertNothingIssuedAsync(InvoicingScenario scenario)
    {
        Assert.Empty(await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None));
        Assert.Empty(await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None));
        var blobs = 0;
        await foreach (var _ in scenario.Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobsAsync())
        {
            blobs++;
        }

        Assert.Equal(0, blobs);
    }
}
