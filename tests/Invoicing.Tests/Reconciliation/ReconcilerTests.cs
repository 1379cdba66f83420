using Invoicing.Allocation;
using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Reconciliation;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private static InvoicePlan UppsalaPlan() => new BudgetBuilder()
        .WithMunicipality("0360", "Tierps kommun", "03", 21_104)
        .WithMunicipality("0380", "Uppsala kommun", "03", 248_016)
        .WithMunicipality("0381", "Enköpings kommun", "03", 48_591)
        .WithRegion("REGION-03", "Region Uppsala", "03")
        .WithCountyPool("03", 10_000, "Uppsala läns kommuner")
        .WithFixedContribution("REGION-03", 75_000, "Region Uppsala")
        .Plan();

    private static ReferenceTable Reference(string csv) => ReferenceTable.FromCsv(CsvTable.Parse("referens.csv", csv));

    private static Money Kronor(long kronor) => Money.FromKronor(kronor);

    [Fact]
    public void Rows_are_matched_by_party_code_when_the_table_has_codes()
    {
        var plan = UppsalaPlan();
        var computed = plan.Invoices.ToDictionary(i => i.Debtor.Code.Value, i => i.Net);

        var report = Reconciler.Compare(plan, Reference(
            $"code,amount\n0360,{computed["0360"].ToInvariantString()}\n0380,{computed["0380"].ToInvariantString()}\n0381,{computed["0381"].ToInvariantString()}\nregion-03,75 000\n"));

        Assert.Equal(4, report.Lines.Count);
        Assert.Empty(report.Differences);
        Assert.Empty(report.UnmatchedReferenceRows);
        Assert.Empty(report.NotInReference);
        Assert.True(report.Agrees);
        Assert.Equal("referens.csv", report.Source);
    }

    [Fact]
    public void Rows_are_matched_by_name_with_or_without_kommun()
    {
        var plan = UppsalaPlan();

        var report = Reconciler.Compare(plan, Reference("name;amount\nTierp;1\nUppsala;2\nEnköpings kommun;3\nRegion Uppsala;75 000\n"));

        Assert.Equal(
            ["0360 Tierps kommun", "0380 Uppsala kommun", "0381 Enköpings kommun", "REGION-03 Region Uppsala"],
            report.Lines.Select(l => $"{l.Party} {l.Name}"));
        Assert.Empty(report.UnmatchedReferenceRows);
    }

    [Fact]
    public void Name_matching_ignores_case()
    {
        var report = Reconciler.Compare(UppsalaPlan(), Reference("name,amount\nTIERP,1\nenköping,2\n"));

        Assert.Equal(["0360", "0381"], report.Lines.Select(l => l.Party.Value));
    }

    [Fact]
    public void Vasteras_matches_Vasteras_kommun()
    {
        var plan = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Plan();

        var report = Reconciler.Compare(plan, Reference("name,amount\nVästerås,43 035\n"));

        var line = Assert.Single(report.Lines);
        Assert.Equal("1980", line.Party.Value);
        Assert.Equal("Västerås kommun", line.Name);
        Assert.Equal(Kronor(43_035), line.Computed);
        Assert.Equal(Kronor(43_035), line.Reference);
        Assert.Equal(Money.Zero, line.Difference);
        Assert.Equal(9, report.NotInReference.Count);
    }

    [Fact]
    public void Kommun_suffix_is_not_tried_for_regions()
    {
        var report = Reconciler.Compare(UppsalaPlan(), Reference("name,amount\nRegion Uppsalas,75 000\n"));

        Assert.Empty(report.Lines);
        Assert.Single(report.UnmatchedReferenceRows);
    }

    [Fact]
    public void Difference_is_computed_minus_reference()
    {
        var plan = UppsalaPlan();
        var tierp = plan.Invoices.Single(i => i.Debtor.Code.Value == "0360").Net;

        var report = Reconciler.Compare(plan, Reference($"code,amount\n0360,{(tierp - Kronor(2)).ToInvariantString()}\n"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(Kronor(2), difference.Difference);
        Assert.False(report.Agrees);
    }

    [Fact]
    public void Rows_that_match_no_invoiced_party_are_listed_as_unmatched()
    {
        var report = Reconciler.Compare(UppsalaPlan(), Reference("name,amount\nTierp,1\nKnivsta,3 897\n,12\n"));

        Assert.Equal(["Knivsta", "row 4"], report.UnmatchedReferenceRows.Select(r => r.Label));
        Assert.Equal([3, 4], report.UnmatchedReferenceRows.Select(r => r.LineNumber));
        Assert.False(report.Agrees);
    }

    [Fact]
    public void Invoiced_parties_missing_from_the_reference_are_listed_with_their_amount()
    {
        var plan = UppsalaPlan();

        var report = Reconciler.Compare(plan, Reference("name,amount\nTierp,1\nUppsala,2\n"));

        Assert.Equal(["0381", "REGION-03"], report.NotInReference.Select(l => l.Party.Value));
        Assert.All(report.NotInReference, l => Assert.Null(l.Reference));
        Assert.All(report.NotInReference, l => Assert.Equal(Money.Zero, l.Difference));
        Assert.Equal(Kronor(75_000), report.NotInReference.Single(l => l.Party.Value == "REGION-03").Computed);
        Assert.True(report.Differences.Any());
    }

    [Fact]
    public void Unmatched_rows_alone_make_the_reconciliation_disagree()
    {
        var plan = new BudgetBuilder().WithRegion("REGION-03", "Region Uppsala").WithFixedContribution("REGION-03", 75_000).Plan();

        var report = Reconciler.Compare(plan, Reference("name,amount\nRegion Uppsala,75000\nRegion Gävleborg,75000\n"));

        Assert.Empty(report.Differences);
        Assert.False(report.Agrees);
    }

    [Fact]
    public void Two_rows_matching_one_party_are_refused_naming_the_row()
    {
        var e = Assert.Throws<CsvException>(() => Reconciler.Compare(UppsalaPlan(), Reference("name,amount\nTierp,1\nTierps kommun,2\n")));

        Assert.Equal("referens.csv, row 3: Tierps kommun matches 0360 Tierps kommun, which an earlier row already matched.", e.Message);
    }

    [Fact]
    public void Reference_table_needs_a_party_column_and_an_amount_column()
    {
        var noParty = Assert.Throws<CsvException>(() => Reference("kommun,amount\nTierp,1\n"));
        Assert.StartsWith("referens.csv: needs a party column 'code' or 'name'", noParty.Message, StringComparison.Ordinal);

        var noAmount = Assert.Throws<CsvException>(() => Reference("name,belopp\nTierp,1\n"));
        Assert.StartsWith("referens.csv: column 'amount' is missing", noAmount.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_that_is_not_kronor_is_refused_naming_row_and_field()
    {
        var e = Assert.Throws<CsvException>(() => Reference("name;amount\nTierp;3 880\nHeby;2 638,5 kr\nKnivsta;tretusen\n"));

        Assert.Equal("referens.csv, row 4, field amount: 'tretusen': not an amount in kronor.", e.Message);
    }

    [Fact]
    public void Bundled_BILAGA_1_differs_from_the_bundled_plan_in_exactly_three_municipalities()
    {
        var dataset = DatasetLoader.Load(RepositoryPaths.BundledDataset);
        var plan = BudgetAllocator.Allocate(
                dataset.Budget,
                dataset.Parties.ToDictionary(p => p.Code),
                dataset.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal))
            .ToInvoicePlan();

        var report = Reconciler.Compare(plan, ReferenceTable.Read(RepositoryPaths.Bilaga1Reference));

        Assert.Equal("bilaga1-reference.csv", report.Source);
        Assert.Equal(28, report.Lines.Count);
        Assert.Empty(report.UnmatchedReferenceRows);
        Assert.Equal(["REGION-03", "REGION-19"], report.NotInReference.Select(l => l.Party.Value).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                ("2121", "Ovanåkers kommun", Kronor(2_989), Kronor(2_991), Kronor(-2)),
                ("2161", "Ljusdals kommun", Kronor(4_862), Kronor(4_861), Kronor(1)),
                ("2181", "Sandvikens kommun", Kronor(10_111), Kronor(10_110), Kronor(1)),
            ],
            report.Differences
                .OrderBy(l => l.Party)
                .Select(l => (l.Party.Value, l.Name, l.Computed, l.Reference ?? Money.Zero, l.Difference)));
        Assert.Equal(Money.Zero, Money.Sum(report.Differences.Select(l => l.Difference)));
        Assert.False(report.Agrees);
    }
}
