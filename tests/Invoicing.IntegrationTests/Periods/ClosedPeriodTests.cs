using Invoicing.Accounting;
using Invoicing.Approvals;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.IntegrationTests.Payments;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Invoicing.Periods;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;
using Invoicing.Testing.Sie;

namespace Invoicing.IntegrationTests.Periods;

/// <summary>
/// Closed months over real storage: nothing is booked dated in a closed month (a late payment, reversal or refund is
/// booked on the first open day, its real date kept), a closed month's SIE file never changes, closing is audited,
/// and reopening through four eyes needs a second person.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClosedPeriodTests(AzuriteFixture azurite)
{
    private static readonly AccountingMonth February = new(2026, 2);
    private static readonly Actor Eva = new(ActorChannel.Api, "api-key", "Eva Ekonom");
    private static readonly Actor Filip = new(ActorChannel.Api, "api-key", "Filip Finans");

    [Fact]
    public async Task A_payment_dated_in_a_closed_month_is_booked_on_the_first_open_day_and_the_closed_months_sie_file_does_not_change()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        var ledger = scenario.Get<PaymentLedger>();
        await ledger.BookAsync(invoices["2180"].Key, new PaymentBooking("bank:gavle", "bank.xml", Money.FromKronor(10_000), new DateOnly(2026, 2, 10)), CancellationToken.None);
        var februaryBefore = await SieAsync(scenario, February);

        var (closed, changed) = await scenario.Get<AccountingPeriods>().CloseAsync(Issuer(scenario), February, "Avstämd mot kontoutdraget", CancellationToken.None);
        var late = await ledger.BookAsync(invoices["2181"].Key, new PaymentBooking("bank:sandviken", "bank.xml", Money.FromKronor(5_000), new DateOnly(2026, 2, 20)), CancellationToken.None);
        var record = (await scenario.Get<PaymentHistory>().ListAsync(invoices["2181"].Key, CancellationToken.None)).Single();
        var februaryAfter = await SieAsync(scenario, February);
        var march = SieReader.Read(await SieAsync(scenario, new AccountingMonth(2026, 3)));

        Assert.True(changed);
        Assert.True(closed.Closed);
        Assert.True(late.Booked);
        Assert.Equal((new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 1)), (record.PaidOn, record.AccountingDate));
        Assert.Equal(februaryBefore, februaryAfter);
        var voucher = Assert.Single(march.Vouchers, v => v.Series == "I");
        Assert.Equal(new DateOnly(2026, 3, 1), voucher.Date);
        Assert.EndsWith("(betald 2026-02-20, bokförd i öppen period)", voucher.Text, StringComparison.Ordinal);
        Assert.Equal([("1930", 5_000_00L), ("1510", -5_000_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public async Task A_bank_files_entries_dated_in_a_closed_month_are_booked_on_the_first_open_day_and_those_in_open_months_on_their_own_date()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var ocr = await IssuedYear.OcrsAsync(scenario);
        await scenario.Get<AccountingPeriods>().CloseAsync(Issuer(scenario), February, null, CancellationToken.None);
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0380"], 100_000, "000000000001").Deposit("20260227", "00001")
            .Opening("9912346").Payment(ocr["0381"], 200_000, "000000000002").Deposit("20260303", "00002")
            .End()
            .ToLatin1();

        var report = await IssuedYear.ImportAsync(scenario, "BGMAX.txt", bgmax);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        var uppsala = (await scenario.Get<PaymentHistory>().ListAsync(invoices["0380"].Key, CancellationToken.None)).Single();
        var enkoping = (await scenario.Get<PaymentHistory>().ListAsync(invoices["0381"].Key, CancellationToken.None)).Single();

        Assert.Equal(2, report.Booked);
        Assert.Equal((new DateOnly(2026, 2, 27), new DateOnly(2026, 3, 1)), (uppsala.PaidOn, uppsala.AccountingDate));
        Assert.Equal((new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)), (enkoping.PaidOn, enkoping.AccountingDate));
    }

    [Fact]
    public async Task A_month_that_has_not_ended_cannot_be_closed_and_closing_one_again_changes_nothing_and_records_one_event()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var periods = scenario.Get<AccountingPeriods>();
        var issuer = Issuer(scenario);

        var current = await Assert.ThrowsAsync<PeriodStateException>(() => periods.CloseAsync(issuer, new AccountingMonth(2026, 3), null, CancellationToken.None));
        using (Actor.Acting(Eva))
        {
            await periods.CloseAsync(issuer, February, "avstämd", CancellationToken.None);
        }

        var (again, changed) = await periods.CloseAsync(issuer, February, "igen", CancellationToken.None);
        var events = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal("2026-03 has not ended (today is 2026-03-04); a month is closed after its last day, once it is reconciled.", current.Message);
        Assert.Equal("2026-03 har inte tagit slut (i dag är det 2026-03-04); en månad stängs efter sin sista dag, när den är avstämd.", current.SwedishMessage);
        Assert.False(changed);
        Assert.Equal(("avstämd", "Eva Ekonom"), (again.Note, again.ClosedBy!.Name));
        var closing = Assert.Single(events, e => e.Entry.Action == AuditActions.PeriodClosed);
        Assert.Equal("Eva Ekonom (api)", closing.Actor.ToString());
        Assert.Contains("2026-02 of Västerås stad's books closed", closing.Entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_month_through_four_eyes_needs_a_second_person_and_afterwards_a_payment_in_it_is_booked_on_its_own_date()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var periods = scenario.Get<AccountingPeriods>();
        var proposals = scenario.Get<ChangeProposals>();
        await periods.CloseAsync(Issuer(scenario), February, null, CancellationToken.None);

        ProposedChange proposal;
        using (Actor.Acting(Eva))
        {
            proposal = (await proposals.ProposeReopeningAsync(InvoicingScenario.Scheme, February, "Bankens rättelse av 2026-02-27", CancellationToken.None)).Proposal;
            await Assert.ThrowsAsync<FourEyesException>(() => proposals.ConfirmAsync(proposal.Id, CancellationToken.None));
        }

        Assert.True((await periods.ClosedAsync(Issuer(scenario), CancellationToken.None)).IsClosed(February));
        using (Actor.Acting(Filip))
        {
            var (confirmed, _, _) = await proposals.ConfirmAsync(proposal.Id, CancellationToken.None);
            Assert.Equal((ProposalState.Confirmed, "2026-02 reopened"), (confirmed.State, confirmed.Outcome));
            await proposals.ConfirmAsync(proposal.Id, CancellationToken.None);
        }

        var invoices = await IssuedYear.InvoicesAsync(scenario);
        await scenario.Get<PaymentLedger>().BookAsync(invoices["2181"].Key, new PaymentBooking("bank:late", "bank.xml", Money.FromKronor(1_000), new DateOnly(2026, 2, 20)), CancellationToken.None);
        var record = (await scenario.Get<PaymentHistory>().ListAsync(invoices["2181"].Key, CancellationToken.None)).Single();
        var reopened = (await periods.ListAsync(Issuer(scenario), CancellationToken.None)).Single();
        var events = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 2, 20), record.AccountingDate);
        Assert.Equal((false, "Filip Finans", "Bankens rättelse av 2026-02-27"), (reopened.Closed, reopened.ReopenedBy!.Name, reopened.ReopenReason));
        Assert.Equal(
            [(AuditActions.ChangeProposed, "Eva Ekonom"), (AuditActions.PeriodReopened, "Filip Finans"), (AuditActions.ChangeConfirmed, "Filip Finans")],
            events.Where(e => e.Entry.Action is AuditActions.ChangeProposed or AuditActions.PeriodReopened or AuditActions.ChangeConfirmed)
                .Select(e => (e.Entry.Action, e.Actor.Name)));
    }

    [Fact]
    public async Task A_budget_approval_proposed_by_one_person_is_made_when_another_confirms_it_and_one_that_could_not_be_made_is_not_proposed()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(InvoicingScenario.BundledDataset, CancellationToken.None);
        var proposals = scenario.Get<ChangeProposals>();
        var decision = new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM 2025-12-15 §4");

        ProposedChange proposal;
        using (Actor.Acting(Eva))
        {
            await Assert.ThrowsAsync<BudgetNotFoundException>(() => proposals.ProposeApprovalAsync(InvoicingScenario.Scheme, 2031, decision, CancellationToken.None));
            proposal = (await proposals.ProposeApprovalAsync(InvoicingScenario.Scheme, 2026, decision, CancellationToken.None)).Proposal;
        }

        var draft = await scenario.Get<BudgetStore>().GetAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        using (Actor.Acting(Filip))
        {
            await proposals.ConfirmAsync(proposal.Id, CancellationToken.None);
        }

        var approved = await scenario.Get<BudgetStore>().GetAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var approval = Assert.Single(await scenario.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None), e => e.Entry.Action == AuditActions.BudgetApproved);

        Assert.Equal(BudgetStatus.Draft, draft.Status);
        Assert.Equal((BudgetStatus.Approved, decision), (approved.Status, approved.Decision));
        Assert.Equal("Filip Finans", approval.Actor.Name);
        Assert.Single(await proposals.ListAsync(CancellationToken.None));
    }

    private static Issuer Issuer(InvoicingScenario scenario) => scenario.Get<IssuerDirectory>().For(InvoicingScenario.Scheme);

    private static async Task<byte[]> SieAsync(InvoicingScenario scenario, AccountingMonth month)
    {
        var selection = new SieSelection(Issuer(scenario), new SiePeriod(month.FirstDay, month.LastDay));
        return (await scenario.Get<SieExport>().ExportAsync(selection, new DateOnly(2026, 3, 4), CancellationToken.None)).Bytes;
    }
}
