using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.IntegrationTests.Revisions;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Reports;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Reports;

/// <summary>
/// The aging report over a real ledger in Azurite: the bundled year issued, revised (supplementary invoices for
/// Gävleborg's municipalities, a credit note for Region Uppsala), payments booked, an invoice voided.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgingReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Each_debtor_owes_in_the_buckets_of_its_invoices_due_dates_what_the_ledger_says_after_credits_supplements_payments_and_voids()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        await scenario.RunAsync();
        var documents = await scenario.DocumentsAsync();
        var gavle = documents.OfType<Invoice>().Where(d => d.DebtorCode.Value == "2180").ToArray();
        var (original, supplement) = (gavle.Single(d => d.Revision == 0), gavle.Single(d => d.Revision == 1));
        var regionUppsala = documents.Where(d => d.DebtorCode.Value == "REGION-03").ToArray();
        var sala = documents.Single(d => d.DebtorCode.Value == "1981");
        var arboga = documents.Single(d => d.DebtorCode.Value == "1984");
        var ledger = scenario.Get<PaymentLedger>();
        await ledger.BookAsync(original.Key, new PaymentBooking("bank:gavle", "test", original.Total, new DateOnly(2026, 3, 17)), CancellationToken.None);
        await ledger.BookAsync(sala.Key, new PaymentBooking("bank:sala", "test", Money.FromKronor(1_000), new DateOnly(2026, 3, 17)), CancellationToken.None);
        await scenario.Get<InvoiceVoiding>().VoidAsync(arboga.Key, "Fel mottagare", CancellationToken.None);

        // Four days after the supplements' due date: the first invoices are 31–60 days late, the supplements 1–30.
        var asOf = supplement.DueDate.AddDays(4);
        var report = AgingReport.Of(InvoicingScenario.Scheme, 2026, await scenario.DocumentsAsync(), asOf);

        Assert.Equal((AgingBucket.Days31To60, AgingBucket.Days1To30), (AgingBuckets.For(original.DueDate, asOf), AgingBuckets.For(supplement.DueDate, asOf)));
        var rows = report.Rows.ToDictionary(r => r.DebtorCode.Value);
        Assert.Equal(Money.FromKronor(5_474), supplement.Total);
        Assert.Equal(Only(AgingBucket.Days1To30, supplement.Total), rows["2180"].Amounts);
        var credit = Assert.Single(regionUppsala, d => d is CreditNote);
        Assert.Equal(Money.FromKronor(15_000), credit.Total);
        Assert.Equal(Only(AgingBucket.Days31To60, Money.FromKronor(60_000)), rows["REGION-03"].Amounts);
        Assert.Equal(Only(AgingBucket.Days31To60, sala.Total - Money.FromKronor(1_000)), rows["1981"].Amounts);
        Assert.DoesNotContain("1984", rows.Keys);
        Assert.Contains(documents, d => d is Invoice { AddsTo: not null });

        // Debtor by debtor, the buckets add up to what the chains ask for as one debt.
        var stored = await scenario.DocumentsAsync();
        foreach (var party in stored.GroupBy(d => d.DebtorCode.Value))
        {
            var due = Money.Sum(DocumentChain.Of(party).Select(c => c.Balance.Due));
            Assert.Equal(due, rows.TryGetValue(party.Key, out var row) ? row.Amounts.Total : Money.Zero);
        }

        Assert.Equal(Money.Sum(DocumentChain.BalancesOf(stored).Select(b => b.Due)), report.Totals.Total);
        Assert.Equal(DocumentKind.CreditNote, stored.Single(d => d.DebtorCode.Value == "1984" && d is CreditNote).Kind);
    }

    private static AgingAmounts Only(AgingBucket bucket, Money amount) => AgingAmounts.Zero.Add(bucket, amount);
}
