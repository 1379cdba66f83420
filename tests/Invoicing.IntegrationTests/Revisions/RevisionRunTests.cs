using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Planning;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Revisions;

[Collection(AzuriteCollection.Name)]
public sealed class RevisionRunTests(AzuriteFixture azurite)
{
    private async Task<InvoicingScenario> InvoicedAsync()
    {
        var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        Assert.Equal(30, (await scenario.RunAsync()).Created);
        return scenario;
    }

    [Fact]
    public async Task A_revision_issues_one_credit_note_for_the_decrease_and_supplementary_invoices_for_the_increase_and_a_second_run_nothing()
    {
        await using var scenario = await InvoicedAsync();

        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        var run = await scenario.RunAsync();

        Assert.True(run.Succeeded);
        Assert.Equal(11, run.Created);
        await scenario.AssertWalkIssuedOnceAsync();
        var again = await scenario.RunAsync();
        Assert.Empty(again.Budgets);
        Assert.Equal(41, (await scenario.DocumentsAsync()).Count);
    }

    [Fact]
    public async Task A_revision_waits_for_approval_and_approval_waits_for_the_previous_revision_to_be_issued()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        scenario.AfterTheMeeting();
        var revisions = scenario.Get<BudgetRevisions>();
        await revisions.ReviseAsync(InvoicingScenario.Scheme, 2026, RevisionScenario.GavleborgUpRegionUppsalaDown(), CancellationToken.None);

        var early = await Assert.ThrowsAsync<BudgetStateException>(() => revisions.ApproveAsync(InvoicingScenario.Scheme, 2026, RevisionScenario.Decision, CancellationToken.None));
        Assert.Contains("not completely issued", early.Message, StringComparison.Ordinal);

        Assert.Equal(30, (await scenario.RunAsync()).Created);
        await revisions.ApproveAsync(InvoicingScenario.Scheme, 2026, RevisionScenario.Decision, CancellationToken.None);
        Assert.Equal(11, (await scenario.RunAsync()).Created);
    }

    [Fact]
    public async Task A_dataset_that_changes_only_wording_is_no_revision_and_does_not_block_invoicing()
    {
        await using var scenario = await InvoicedAsync();
        var reworded = RevisionScenario.Edited(b => b.Replace("\"Gävleborgs kommuner\"", "\"Gävleborgs läns kommuner\"", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<BudgetStateException>(() => scenario.Get<BudgetRevisions>().ReviseAsync(InvoicingScenario.Scheme, 2026, reworded, CancellationToken.None));

        Assert.Contains("changes no party's amount", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            "Budgeten region-mitt-pom 2026: detta dataset ändrar ingen parts belopp (revision 0 står kvar); inget registrerades. Enbart ändrad text kräver ingen revidering.",
            e.SwedishMessage);
    }

    [Fact]
    public async Task A_credit_after_payment_in_full_leaves_a_refund_owed_and_after_partial_payment_lowers_what_is_due()
    {
        await using var scenario = await InvoicedAsync();
        var documents = await scenario.DocumentsAsync();
        var regionUppsala = documents.Single(d => d.DebtorCode.Value == "REGION-03");
        var gavle = documents.Single(d => d.DebtorCode.Value == "2180");
        var ledger = scenario.Get<PaymentLedger>();
        await ledger.BookAsync(regionUppsala.Key, new PaymentBooking("bank:1", "test", regionUppsala.Total, new DateOnly(2026, 1, 19)), CancellationToken.None);
        await ledger.BookAsync(gavle.Key, new PaymentBooking("bank:2", "test", Money.FromKronor(10_000), new DateOnly(2026, 1, 19)), CancellationToken.None);

        await scenario.ReviseAndApproveAsync(RevisionScenario.Edited(b => b
            .Replace("\"Region Uppsala\", \"amount\": \"75000\"", "\"Region Uppsala\", \"amount\": \"60000\"", StringComparison.Ordinal)
            .Replace("\"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"Gävleborgs kommuner\", \"amount\": \"60000\"", StringComparison.Ordinal)));
        await scenario.RunAsync();

        var after = await scenario.BalancesAsync();
        var paidInFull = after[regionUppsala.Number];
        Assert.Equal(PaymentStatus.Overpaid, paidInFull.Status);
        Assert.Equal(Money.FromKronor(15_000), paidInFull.RefundOwed);
        var partlyPaid = after[gavle.Number];
        var gavleCredit = after.Values.Select(d => d.Document).OfType<CreditNote>().Single(d => d.DebtorCode.Value == "2180");
        Assert.Equal(PaymentStatus.PartiallyPaid, partlyPaid.Status);
        Assert.Equal(gavle.Total - Money.FromKronor(10_000) - gavleCredit.Total, partlyPaid.Due);
    }

    [Fact]
    public async Task Two_revisions_in_a_row_and_a_party_that_leaves_and_joins_again()
    {
        await using var scenario = await InvoicedAsync();
        var withoutRegionUppsala = RevisionScenario.Edited(b => string.Join('\n', b.Split('\n').Where(l => !l.Contains("\"party\": \"REGION-03\"", StringComparison.Ordinal))));

        await scenario.ReviseAndApproveAsync(withoutRegionUppsala);
        await scenario.RunAsync();
        var left = await scenario.DocumentsAsync();
        var fullCredit = Assert.Single(left, d => d.Revision == 1);
        Assert.Equal((DocumentKind.CreditNote, Money.FromKronor(75_000)), (fullCredit.Kind, fullCredit.Total));
        Assert.Equal(PaymentStatus.Credited, left.OfType<Invoice>().Single(d => d.DebtorCode.Value == "REGION-03" && d.Revision == 0).Status);

        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        await scenario.RunAsync();
        var rejoined = (await scenario.DocumentsAsync()).Where(d => d.Revision == 2).ToArray();
        var back = Assert.Single(rejoined, d => d.DebtorCode.Value == "REGION-03");
        Assert.Equal((DocumentKind.Invoice, Money.FromKronor(60_000)), (back.Kind, back.Total));
        Assert.Equal(10, rejoined.Count(d => d.DebtorCode.Value.StartsWith("21", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 42), (await scenario.DocumentsAsync()).Select(d => d.Number.Sequence));
        Assert.Equal(2, (await scenario.Get<BudgetStore>().ListRevisionsAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Concurrent_runs_during_a_revision_issue_each_change_document_once()
    {
        await using var scenario = await InvoicedAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => scenario.RunAsync(scenario.NewServices()))));

        Assert.Equal(11, runs.Sum(r => r.Created));
        await scenario.AssertWalkIssuedOnceAsync();
    }

    [Fact]
    public async Task The_issuers_own_share_is_shown_not_invoiced_and_the_demo_budget_issues_29_invoices()
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Issuer:PartyCode"] = "1980";
        await using var scenario = new InvoicingScenario(azurite, settings);
        await scenario.SeedAndApproveAsync();

        var run = await scenario.RunAsync();

        Assert.Equal(29, run.Created);
        var documents = await scenario.DocumentsAsync();
        Assert.DoesNotContain(documents, d => d.DebtorCode.Value == "1980");
        Assert.Equal(Enumerable.Range(1, 29), documents.Select(d => d.Number.Sequence));
        var planner = scenario.Get<Invoicing.Planning.InvoicePlanner>();
        var budget = await scenario.Get<BudgetStore>().GetAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var plan = planner.Plan(await planner.AllocateCurrentAsync(budget, CancellationToken.None));
        Assert.Equal(Money.FromKronor(43_035), Assert.Single(plan.OwnShares).Net);
        Assert.Equal(Money.FromKronor(75_000), Money.Sum(documents.SelectMany(d => d.Lines).Where(l => l.BudgetLineNumber == 6).Select(l => l.Amount)) + Money.FromKronor(43_035));
    }
}
