using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Documents.BudgetReport;
using Invoicing.Parties;
using Invoicing.Populations;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.Tests.Documents;

/// <summary>The budget appendix: figures that agree with the budget to the krona, on pages people can read.</summary>
public sealed class BudgetReportRendererTests
{
    private static readonly BudgetReportRenderer Renderer = new();

    [Fact]
    public void The_bundled_draft_has_every_pool_with_source_and_date_and_totals_to_the_krona_and_utkast_on_every_page()
    {
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        var allocation = Allocate(dataset);

        var pdf = Renderer.Render(BudgetReportDocument.From(allocation, new DateOnly(2025, 12, 1)));
        RenderPngs(pdf, "bundled-draft");
        var pages = PageTexts(pdf);

        var all = string.Join("\n", pages);
        Assert.All(pages.Select((text, i) => (text, i)), p =>
        {
            Assert.Contains($"Sida {p.i + 1} av {pages.Count}", p.text, StringComparison.Ordinal);
            Assert.Contains("UTKAST", p.text, StringComparison.Ordinal);
        });
        foreach (var pool in allocation.Pools)
        {
            Assert.Contains($"Fördelning {pool.Line.Text}", all, StringComparison.Ordinal);
            Assert.Contains($"Befolkning: {pool.Snapshot!.Source}, per 2025-09-30 (underlag {pool.Snapshot.Id}).", all.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains($"Västerås kommun 161 236 57,4 % 43 035", all, StringComparison.Ordinal);
        Assert.Contains($"Summa kostnader 2 455 000", all, StringComparison.Ordinal);
        Assert.Contains($"Summa intäkter (varav fakturerat 375 000) 5 309 000", all, StringComparison.Ordinal);
        foreach (var sum in new[] { $"Summa 280 999 100,0 % 75 000", $"Summa 284 558 100,0 % 75 000", $"Summa 407 912 100,0 % 75 000" })
        {
            Assert.Contains(sum, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_approved_budget_names_its_decision_and_has_no_utkast()
    {
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        var approved = dataset with
        {
            Budget = dataset.Budget with { Status = BudgetStatus.Approved, Decision = new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM, budgetmöte §4") },
        };

        var pages = PageTexts(Renderer.Render(BudgetReportDocument.From(Allocate(approved), new DateOnly(2026, 1, 2))));

        Assert.Contains("Beslutad 2025-12-15: Samverkansforum PoM, budgetmöte §4.", pages[0], StringComparison.Ordinal);
        Assert.All(pages, p => Assert.DoesNotContain("UTKAST", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pool_longer_than_a_page_continues_with_its_title_and_column_headings_on_the_next_page()
    {
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        var parties = Enumerable.Range(1, 120).Select(i => new Party(new PartyCode($"9{i:000}"), PartyKind.Municipality, $"Kommun {i}", new CountyCode("25"), null, [], null, null)).ToArray();
        var snapshot = new PopulationSnapshot("big-pool", "SCB TAB5557 Folkmängd 31 december 2025 (000007ME)", new DateOnly(2025, 12, 31),
            parties.ToDictionary(p => p.Code, p => 1000L + int.Parse(p.Code.Value[1..], System.Globalization.CultureInfo.InvariantCulture)));
        var big = new PopulationPoolLine(1, "Stora länets kommuner", Money.FromKronor(1_000_000), new PoolParticipants.CountyMunicipalities(new CountyCode("25")), "big-pool", PopulationPoolLine.DefaultAllocationUnit);
        var budget = dataset.Budget with { Lines = [big, .. dataset.Budget.Lines.Select(l => l with { Number = l.Number + 1 })] };
        var allocation = BudgetAllocator.Allocate(budget, dataset.Parties.Concat(parties).ToDictionary(p => p.Code),
            dataset.Snapshots.Append(snapshot).ToDictionary(s => s.Id));

        var pdf = Renderer.Render(BudgetReportDocument.From(allocation, new DateOnly(2025, 12, 1)));
        RenderPngs(pdf, "long-pool");
        var pages = PageTexts(pdf);

        // Text extraction splits words at the no-break spaces of the figures, so "Kommun 7 1 007" is how a row reads.
        var withRows = pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"Kommun \d+ 1 \d{3} ")).ToArray();
        Assert.True(withRows.Length >= 3, $"120 rows should need 3 pages, used {withRows.Length}");
        Assert.All(withRows, p =>
        {
            Assert.Contains("Fördelning Stora länets kommuner", p, StringComparison.Ordinal);
            Assert.Contains("Kommun Befolkning Fördelningsnyckel (%) Fördelning 2026 (kr)", p, StringComparison.Ordinal);
        });
        Assert.Equal(withRows.Length - 1, pages.Count(p => p.Contains("Fördelning Stora länets kommuner (forts.)", StringComparison.Ordinal)));
        Assert.Equal(120, withRows.Sum(p => System.Text.RegularExpressions.Regex.Count(p, @"Kommun \d+ 1 \d{3} ")));
        Assert.Contains(pages, p => p.Contains("Observera: fördelningarnas befolkningssiffror avser olika datum", StringComparison.Ordinal));
    }

    [Fact]
    public void The_appendix_is_written_by_our_own_writer_and_the_same_model_gives_the_same_bytes()
    {
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        var document = BudgetReportDocument.From(Allocate(dataset), new DateOnly(2025, 12, 1));

        var pdf = Renderer.Render(document);

        Assert.Equal(pdf, new BudgetReportRenderer().Render(document));
        using var read = PdfDocument.Open(pdf);
        Assert.Equal("Invoicing", read.Information.Producer);
        Assert.Equal("BILAGA 1: Budget 2026, " + dataset.Budget.SchemeName, read.Information.Title);
        Assert.Equal("Utkast", read.Information.Subject);
        Assert.DoesNotContain("PdfPig", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_national_programme_of_290_municipalities_runs_over_pages_each_with_its_page_number_frame_and_table_headings()
    {
        var dataset = DatasetLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "data", "nationellt-program-exempel"));
        var allocation = Allocate(dataset);

        var pdf = Renderer.Render(BudgetReportDocument.From(allocation, new DateOnly(2026, 11, 1)));
        RenderPngs(pdf, "national-programme");
        var pages = PageTexts(pdf);

        Assert.True(pages.Count >= 6, $"290 municipalities at about 40 rows a page need at least 6 pages, got {pages.Count}");
        Assert.All(pages.Select((text, i) => (text, i)), p =>
        {
            Assert.Contains($"Sida {p.i + 1} av {pages.Count}", p.text, StringComparison.Ordinal);
            Assert.Contains("BILAGA 1: Budget 2027 – UTKAST", p.text, StringComparison.Ordinal);
            Assert.Contains(dataset.Budget.SchemeName, p.text, StringComparison.Ordinal);
        });

        // Every page after the first continues a table, so it starts with a title and column headings of its own.
        Assert.All(pages.Skip(1), p => Assert.Contains("(forts.)", p, StringComparison.Ordinal));
        var municipalities = dataset.Parties.Where(p => p.Kind == PartyKind.Municipality).ToArray();
        Assert.Equal(290, municipalities.Length);
        var all = string.Join("\n", pages);
        Assert.All(municipalities, m => Assert.Contains(m.Name, all, StringComparison.Ordinal));
    }

    private static BudgetAllocation Allocate(global::Invoicing.Dataset.Dataset dataset) =>
        BudgetAllocator.Allocate(dataset.Budget, dataset.Parties.ToDictionary(p => p.Code), dataset.Snapshots.ToDictionary(s => s.Id));

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>Every page as a PNG under TestResults/budget-report/ (kept as an artifact, for a person to look at).</summary>
    private static void RenderPngs(byte[] pdf, string name) => Assert.NotEmpty(PdfImages.Keep(pdf, "budget-report", name));
}
