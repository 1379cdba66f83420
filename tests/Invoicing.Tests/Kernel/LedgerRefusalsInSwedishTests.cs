using Invoicing.Accounting;
using Invoicing.Allocation;
using Invoicing.Approvals;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Periods;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Kernel;

/// <summary>
/// The ledger's refusals carry a Swedish text beside the English one (issue 22): the terminal shows the English, the
/// pages the Swedish, and both name the same budget, line, party, amount, date and setting. One representative case
/// per group of throw sites that can be raised without storage; the stores' refusals are checked in the integration
/// and API tests.
/// </summary>
public sealed class LedgerRefusalsInSwedishTests
{
    private static readonly DateTimeOffset Noon20260302 = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_budget_that_cannot_be_allocated_lists_the_same_problems_in_Swedish_in_the_same_order()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithSnapshot("tom-2026")
            .WithCountyPool("19", 75_000, "Västmanlands kommuner", snapshot: "tom-2026")
            .WithFixedContribution("REGION-99", 75_000, "Region Okänd");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal(11, e.SwedishProblems.Count);
        Assert.Equal(e.Problems.Count, e.SwedishProblems.Count);
        Assert.Equal(
            e.Problems.Take(10).Select(p => Word(p, "party")),
            e.SwedishProblems.Take(10).Select(p => Word(p, "parten")));
        Assert.Equal("rad 1 (Västmanlands kommuner): parten 1980 (Västerås kommun) saknar befolkning i befolkningsunderlaget 'tom-2026'.", e.SwedishProblems[0]);
        Assert.Equal("rad 2 (Region Okänd): anger en okänd part REGION-99.", e.SwedishProblems[10]);
        Assert.StartsWith("Budgeten test-scheme 2026 kan inte faktureras:", e.SwedishMessage, StringComparison.Ordinal);
        Assert.StartsWith("Budget test-scheme 2026 cannot be invoiced:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1999", "rad 1 (Avtalskommuner): anger en okänd part 1999.")]
    [InlineData("1980", "rad 1 (Avtalskommuner): parten 1980 står 2 gånger i listan.")]
    public void A_single_allocation_problem_is_one_Swedish_line_naming_the_line_and_the_party(string second, string swedish)
    {
        var builder = BudgetBuilder.Vastmanland().WithListedPool(["1980", "1984", second], 10_000, "Avtalskommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal(swedish, Assert.Single(e.SwedishProblems));
        Assert.Equal($"Budgeten test-scheme 2026 kan inte faktureras: {swedish}", e.SwedishMessage);
        Assert.NotEqual(e.Message, e.SwedishMessage);
    }

    [Fact]
    public void A_pool_split_that_cannot_be_made_says_why_in_Swedish_with_the_same_amounts()
    {
        static string Kronor(long units) => SwedishFormat.WholeKronor(Money.FromKronor(units));
        var parts = new (string, long)[] { ("A", 10), ("B", 20), ("C", 30) };

        var baseFees = PoolSplit.Split(100, parts, new PoolSplit.Terms(50, null, null), Kronor);
        var cap = PoolSplit.Split(100, parts, new PoolSplit.Terms(null, 20, null), Kronor);
        var floor = PoolSplit.Split(100, parts, new PoolSplit.Terms(null, null, 50), Kronor);

        Assert.Equal(("baseFee", "grundavgifterna för 3 deltagare (3 × 50\u00A0kr) är mer än potten (100\u00A0kr)"), (baseFees.Field, baseFees.SwedishRefusal));
        Assert.Equal("3 deltagare på takbeloppet (3 × 20\u00A0kr) betalar mindre än potten (100\u00A0kr)", cap.SwedishRefusal);
        Assert.Equal("3 deltagare på golvbeloppet (3 × 50\u00A0kr) betalar mer än potten (100\u00A0kr)", floor.SwedishRefusal);
        Assert.All([baseFees, cap, floor], r => Assert.NotEqual(r.Refusal, r.SwedishRefusal));
    }

    [Fact]
    public void A_budget_approved_twice_or_invoiced_as_a_draft_is_refused_in_Swedish_naming_the_budget_and_its_status()
    {
        var draft = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Build();
        var approved = draft.Approve(new BudgetDecision(new DateOnly(2025, 12, 15), "§4"), "fingerprint");

        var twice = Assert.Throws<BudgetStateException>(() => approved.Approve(new BudgetDecision(new DateOnly(2025, 12, 15), "§4"), "fingerprint"));
        var notApproved = Assert.Throws<BudgetStateException>(draft.EnsureApproved);

        Assert.Equal("Budget test-scheme 2026 is already Approved; it can be approved only once.", twice.Message);
        Assert.Equal("Budgeten test-scheme 2026 är redan godkänd; den kan bara godkännas en gång.", twice.SwedishMessage);
        Assert.Equal("Budgeten test-scheme 2026 är ett utkast; inget faktureras från en budget som inte är godkänd.", notApproved.SwedishMessage);
    }

    [Fact]
    public void A_budget_decision_after_today_is_refused_in_Swedish_naming_both_dates()
    {
        var decision = new BudgetDecision(new DateOnly(2026, 12, 15), "Budgetmöte");

        var e = Assert.Throws<DateInFutureException>(() => decision.EnsureTaken("region-mitt-pom 2026", new FixedTime(Noon20260302)));

        Assert.Equal("region-mitt-pom 2026: the decision date 2026-12-15 is after today (2026-03-02); approve a budget once it has been decided.", e.Message);
        Assert.Equal("region-mitt-pom 2026: beslutsdatumet 2026-12-15 är efter i dag (2026-03-02); godkänn en budget när den har beslutats.", e.SwedishMessage);
    }

    [Fact]
    public void SIE_settings_that_are_missing_or_malformed_are_refused_in_Swedish_naming_each_setting()
    {
        var e = Assert.Throws<SieConfigurationException>(() => SieChart.FromOptions(new SieOptions
        {
            Receivables = new() { Number = "15x0", Name = "Kundfordringar" },
            ContributionIncome = new() { Number = "3490", Name = "Bidrag" },
            Bank = new() { Number = "1930", Name = "Bank" },
            RefundsOwed = new() { Number = "2890", Name = "Skulder" },
            PartyDimension = 1000,
            ChartType = "BAS2024",
        }));

        Assert.Equal(
            "Invoicing:Sie:Receivables: Kontonumret '15x0' måste vara 1-10 siffror. " +
            "Invoicing:Sie:PartyDimension = 1000 är inte ett dimensionsnummer (1-999; 20 och uppåt är fria). " +
            "Invoicing:Sie:ChartType = 'BAS2024' är inte en SIE-kontoplanstyp (BAS95, BAS96, EUBAS97, NE2007).",
            e.SwedishMessage);
        Assert.StartsWith("Invoicing:Sie:Receivables: Account number '15x0' must be 1-10 digits.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_SIE_account_is_refused_in_Swedish_naming_the_setting()
    {
        var e = Assert.Throws<SieConfigurationException>(() => SieChart.FromOptions(new SieOptions
        {
            Receivables = new() { Number = "1510", Name = "Kundfordringar" },
            ContributionIncome = new() { Number = "3490", Name = "Bidrag" },
            RefundsOwed = new() { Number = "2890", Name = "Skulder" },
        }));

        Assert.Equal("Invoicing:Sie:Bank:Number och :Name måste anges (kontot i er kontoplan; se docs/sie.md).", e.SwedishMessage);
    }

    [Theory]
    [InlineData("abcdef", "är 6 tecken; högst 5 får plats.")]
    [InlineData("ab\tc", "innehåller ett styrtecken (U+0009) på position 3.")]
    [InlineData("ab\u202Ec", "innehåller ett riktnings- eller avgränsningstecken (U+202E) på position 3.")]
    [InlineData(" abc ", null)]
    public void What_document_text_is_refused_for_is_said_in_Swedish_as_well(string text, string? swedish)
    {
        Assert.Equal(swedish, DocumentText.SwedishProblem(text, 5));
        if (swedish is not null)
        {
            Assert.Throws<FormatException>(() => DocumentText.Check(text, 5));
        }
    }

    [Fact]
    public void A_proposal_is_described_in_Swedish_with_the_same_invoice_amount_date_and_reason()
    {
        var by = new Actor(ActorChannel.Api, "finance", "Eva Ekonom");
        var scheme = new SchemeId("region-mitt-pom");
        var at = Noon20260302;

        Assert.Equal(
            "makulering av faktura 202600014 (\"Fel mottagare\")",
            new ProposedChange("a", ChangeKind.Void, scheme, 2026, "Fel mottagare", by, at) { Number = new InvoiceNumber(2026, 14) }.DescribeInSwedish());
        Assert.Equal(
            "återbetalning av 100,00\u00A0kr på faktura 202600014, betald 2026-03-02 (utbetalning 3)",
            new ProposedChange("b", ChangeKind.Refund, scheme, 2026, "utbetalning 3", by, at)
            {
                Number = new InvoiceNumber(2026, 14), Amount = Money.FromKronor(100), On = new DateOnly(2026, 3, 2),
            }.DescribeInSwedish());
        Assert.Equal(
            "godkännande av budget region-mitt-pom 2026, beslutad 2025-12-15 (§4)",
            new ProposedChange("c", ChangeKind.BudgetApproval, scheme, 2026, "§4", by, at) { On = new DateOnly(2025, 12, 15) }.DescribeInSwedish());
        Assert.Equal(
            "återöppning av 2026-02 i bokföringen för fakturautställaren i region-mitt-pom (Bankens rättelse)",
            new ProposedChange("d", ChangeKind.PeriodReopening, scheme, 2026, "Bankens rättelse", by, at) { Month = new AccountingMonth(2026, 2) }.DescribeInSwedish());
    }

    [Theory]
    [InlineData(BudgetStatus.Draft, "utkast", "ett utkast")]
    [InlineData(BudgetStatus.Approved, "godkänd", "godkänd")]
    public void A_budget_status_is_said_in_Swedish_as_a_label_and_as_what_the_budget_is(BudgetStatus status, string label, string predicate)
    {
        Assert.Equal((label, predicate), (BudgetStatusText.Swedish(status), BudgetStatusText.SwedishPredicate(status)));
        Assert.Equal((label, predicate), (BudgetStatusText.Swedish(status.ToString()), BudgetStatusText.SwedishPredicate(status.ToString())));
    }

    private static string Word(string text, string after) => text.Split(' ').SkipWhile(w => w != after).Skip(1).First();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
