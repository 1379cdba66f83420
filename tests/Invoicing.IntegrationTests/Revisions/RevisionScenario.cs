using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Revisions;

/// <summary>Revisions of the bundled 2026 budget, recorded and approved through the product's services.</summary>
internal static class RevisionScenario
{
    public static readonly BudgetDecision Decision = new(new DateOnly(2026, 3, 16), "Samverkansforum PoM, budgetmöte 2026-03-16 §4");

    /// <summary>The revision walk (docs/walkthrough-revision.md): Gävleborg's pool 75 000 → 90 000, Region Uppsala 75 000 → 60 000.</summary>
    public static DatasetFiles GavleborgUpRegionUppsalaDown() => Edited(budget => budget
        .Replace("\"Region Uppsala\", \"amount\": \"75000\"", "\"Region Uppsala\", \"amount\": \"60000\"", StringComparison.Ordinal)
        .Replace("\"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"Gävleborgs kommuner\", \"amount\": \"90000\"", StringComparison.Ordinal));

    /// <summary>The bundled files with the budget's text changed by <paramref name="edit"/> (which must change something).</summary>
    public static DatasetFiles Edited(Func<string, string> edit)
    {
        var files = DatasetFiles.Read(TestPaths.BundledDataset);
        var budget = edit(files.Budget);
        Assert.NotEqual(files.Budget, budget);
        return files with { Budget = budget };
    }

    /// <summary>A revision is approved after its meeting, never before (a decision dated after today is refused).</summary>
    public static void AfterTheMeeting(this InvoicingScenario scenario)
    {
        var dayAfterMeeting = new DateTimeOffset(Decision.DecidedOn.AddDays(1), new TimeOnly(5, 0), TimeSpan.Zero);
        if (scenario.Time.GetUtcNow() < dayAfterMeeting)
        {
            scenario.Time.SetUtcNow(dayAfterMeeting);
        }
    }

    public static async Task ReviseAndApproveAsync(this InvoicingScenario scenario, DatasetFiles files)
    {
        scenario.AfterTheMeeting();
        var revisions = scenario.Get<BudgetRevisions>();
        await revisions.ReviseAsync(InvoicingScenario.Scheme, 2026, files, CancellationToken.None);
        await revisions.ApproveAsync(InvoicingScenario.Scheme, 2026, Decision, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<IssuedDocument>> DocumentsAsync(this InvoicingScenario scenario) =>
        await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);

    /// <summary>Every document of the year as its chain sees it, by number.</summary>
    public static async Task<IReadOnlyDictionary<InvoiceNumber, DocumentBalance>> BalancesAsync(this InvoicingScenario scenario) =>
        DocumentChain.BalancesOf(await scenario.DocumentsAsync()).ToDictionary(b => b.Document.Number);

    /// <summary>
    /// The walk's outcome, exactly once: 30 original invoices, then one credit note of 15 000 kr to Region
    /// Uppsala referencing its invoice and supplementary invoices to Gävleborg's ten municipalities summing to
    /// 15 000 kr; numbers 1..41 without a gap; every document has its PDF; the credit applied once.
    /// </summary>
    public static async Task AssertWalkIssuedOnceAsync(this InvoicingScenario scenario)
    {
        var documents = await scenario.DocumentsAsync();
        Assert.Equal(Enumerable.Range(1, 41), documents.Select(d => d.Number.Sequence));
        var reservations = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 41), reservations.Select(r => r.Number.Sequence));

        var changes = documents.Where(d => d.Revision == 1).ToArray();
        var credit = Assert.Single(changes, d => d.Kind == DocumentKind.CreditNote);
        var original = documents.OfType<Invoice>().Single(d => d.DebtorCode.Value == "REGION-03" && d.Revision == 0);
        Assert.Equal(Money.FromKronor(15_000), credit.Total);
        Assert.Equal(new DocumentReference(original.Number, original.IssueDate), credit.Corrects);
        Assert.Equal(Money.FromKronor(15_000), original.Credited);
        Assert.Equal(Money.FromKronor(60_000), DocumentChain.BalancesOf(documents).Single(b => b.Document.Number == original.Number).Due);

        var supplements = changes.Where(d => d.Kind == DocumentKind.Invoice).ToArray();
        Assert.Equal(10, supplements.Length);
        Assert.All(supplements, s => Assert.StartsWith("21", s.DebtorCode.Value, StringComparison.Ordinal));
        Assert.Equal(Money.FromKronor(15_000), Money.Sum(supplements.Select(s => s.Total)));
        Assert.All(supplements, s => Assert.Equal(documents.Single(d => d.DebtorCode == s.DebtorCode && d.Revision == 0).Number, s.Corrects?.Number));

        var archive = scenario.Get<InvoiceArchive>();
        foreach (var document in changes)
        {
            using var content = new MemoryStream();
            await archive.DownloadToAsync(document.BlobName, content, CancellationToken.None);
            Assert.Equal(document.PdfSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ToArray())));
        }
    }
}
