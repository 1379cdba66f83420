using Invoicing.Budgets;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Budgets;

public sealed class BudgetTests
{
    private static readonly BudgetDecision Decision = new(new DateOnly(2025, 11, 20), "Styrgruppen 2025-11-20 § 7");

    [Fact]
    public void Key_is_scheme_and_year_and_title_is_name_and_year()
    {
        var budget = new BudgetBuilder().ForScheme("region-mitt-pom", 2026, "Region Mitt").Build();

        Assert.Equal("region-mitt-pom 2026", budget.Key);
        Assert.Equal("Region Mitt 2026", budget.Title);
    }

    [Fact]
    public void New_budget_is_a_draft_without_decision()
    {
        var budget = new BudgetBuilder().Build();

        Assert.Equal(BudgetStatus.Draft, budget.Status);
        Assert.Null(budget.Decision);
        Assert.Null(budget.ApprovedPlanFingerprint);
    }

    [Fact]
    public void Approval_records_the_decision_and_the_plan_fingerprint()
    {
        var draft = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Build();

        var approved = draft.Approve(Decision, "abc123");

        Assert.Equal(BudgetStatus.Approved, approved.Status);
        Assert.Equal(Decision, approved.Decision);
        Assert.Equal("abc123", approved.ApprovedPlanFingerprint);
        Assert.Equal(BudgetStatus.Draft, draft.Status);
        approved.EnsureApproved();
    }

    [Fact]
    public void Budget_can_be_approved_only_once()
    {
        var approved = new BudgetBuilder().Build().Approve(Decision, "abc123");

        var e = Assert.Throws<BudgetStateException>(() => approved.Approve(Decision, "def456"));
        Assert.Contains("test-scheme 2026", e.Message, StringComparison.Ordinal);
        Assert.Contains("Approved", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_invoiced_from_a_draft()
    {
        var draft = new BudgetBuilder().Build();

        var e = Assert.Throws<BudgetStateException>(draft.EnsureApproved);
        Assert.Contains("test-scheme 2026", e.Message, StringComparison.Ordinal);
        Assert.Contains("Draft", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_needs_a_reference()
    {
        Assert.Throws<FormatException>(() => new BudgetDecision(new DateOnly(2025, 11, 20), "  "));
        Assert.Equal("§ 7", new BudgetDecision(new DateOnly(2025, 11, 20), " § 7 ").Reference);
    }

    [Fact]
    public void Totals_separate_income_invoiced_income_and_costs()
    {
        var budget = BudgetBuilder.Vastmanland()
            .WithRecordedIncome(3_434_000)
            .WithCountyPool("19", 75_000)
            .WithCost(840_000)
            .WithCost(870_000)
            .Build();

        Assert.Equal(Money.FromKronor(3_509_000), budget.TotalIncome);
        Assert.Equal(Money.FromKronor(75_000), budget.InvoicedIncome);
        Assert.Equal(Money.FromKronor(1_710_000), budget.TotalCosts);
        Assert.Equal([1, 2, 3, 4], budget.Lines.Select(l => l.Number));
    }

    [Theory]
    [InlineData("county:19")]
    [InlineData("parties:0114 0115 0117")]
    public void Pool_participants_read_back_their_stored_form(string text)
    {
        Assert.Equal(text, PoolParticipants.Parse(text).ToString());
    }

    [Fact]
    public void Pool_participants_accept_commas_between_listed_codes()
    {
        var listed = Assert.IsType<PoolParticipants.Listed>(PoolParticipants.Parse("parties:0114, 0115,0117"));
        Assert.Equal(["0114", "0115", "0117"], listed.Parties.Select(p => p.Value));
    }

    [Theory]
    [InlineData("county:99")]
    [InlineData("län:19")]
    [InlineData("parties:abc")]
    public void Pool_participants_in_another_form_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => PoolParticipants.Parse(text));
    }

    [Theory]
    [InlineData("region-mitt-pom")]
    [InlineData("ab")]
    public void Scheme_ids_are_lower_case_letters_digits_and_hyphens(string id)
    {
        Assert.Equal(id, new SchemeId(id).Value);
    }

    [Theory]
    [InlineData("Region-Mitt")]
    [InlineData("a")]
    [InlineData("-abc")]
    [InlineData("region mitt")]
    public void Other_scheme_ids_are_refused(string id)
    {
        Assert.Throws<FormatException>(() => new SchemeId(id));
    }
}
