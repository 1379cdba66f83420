using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

/// <summary>A refused payment, deduction, reversal or refund is told in Swedish for the pages, naming the same invoice, amounts and dates as the English.</summary>
public sealed class PaymentRefusalSwedishTests
{
    private static readonly InvoiceNumber Number = InvoiceNumber.Parse("202600014");
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void An_amount_that_is_not_positive_is_refused_in_Swedish_for_each_kind_of_posting_naming_the_invoice_and_amount()
    {
        var minus = new Money(-100);

        Assert.Equal("Faktura 202600014: en betalning måste vara ett positivt belopp, inte -1,00\u00A0kr.",
            Refusal(() => PaymentAcceptance.CheckAmount(Number, PostingKind.Payment, minus), "202600014", minus.ToString()).SwedishMessage);
        Assert.Equal("Faktura 202600014: en återföring tar tillbaka ett positivt belopp, inte 0,00\u00A0kr.",
            Refusal(() => PaymentAcceptance.CheckAmount(Number, PostingKind.Reversal, Money.Zero), "202600014").SwedishMessage);
        Assert.Equal("Faktura 202600014: ett avdrag drar av ett positivt belopp, inte 0,00\u00A0kr.",
            Refusal(() => PaymentAcceptance.CheckAmount(Number, PostingKind.Deduction, Money.Zero), "202600014").SwedishMessage);
        Assert.Equal("Faktura 202600014: en återbetalning måste vara ett positivt belopp, inte 0,00\u00A0kr.",
            Refusal(() => PaymentAcceptance.CheckAmount(Number, PostingKind.Refund, Money.Zero), "202600014").SwedishMessage);
    }

    [Fact]
    public void Money_dated_after_today_is_refused_in_Swedish_naming_both_dates()
    {
        Assert.Equal("Faktura 202600014: en betalning daterad 2026-03-03 är efter dagens datum (2026-03-02); bokför den när den har kommit in.",
            Refusal(() => PaymentAcceptance.CheckDate(Number, PostingKind.Payment, Today.AddDays(1), Today), "2026-03-03", "2026-03-02").SwedishMessage);
        Assert.Equal("Faktura 202600014: en återbetalning daterad 2026-03-03 är efter dagens datum (2026-03-02); bokför den när den har betalats ut.",
            Refusal(() => PaymentAcceptance.CheckDate(Number, PostingKind.Refund, Today.AddDays(1), Today), "2026-03-03", "2026-03-02").SwedishMessage);
    }

    [Fact]
    public void A_refund_before_any_money_came_in_is_refused_in_Swedish_naming_the_dates()
    {
        Assert.Equal("Faktura 202600014: inga pengar har kommit in på den, så inget kan betalas tillbaka; inget bokfördes.",
            Refusal(() => PaymentAcceptance.CheckRefundDate(Number, Today, null), "202600014").SwedishMessage);
        Assert.Equal("Faktura 202600014: en återbetalning daterad 2026-02-01 är före den första inbetalningen på den (2026-02-10); inget bokfördes.",
            Refusal(() => PaymentAcceptance.CheckRefundDate(Number, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10)), "2026-02-01", "2026-02-10").SwedishMessage);
    }

    [Fact]
    public void A_payment_dated_before_the_year_preceding_the_invoice_is_refused_in_Swedish_naming_the_same_dates()
    {
        var (paid, issued) = (new DateOnly(2016, 12, 10), new DateOnly(2026, 1, 20));
        var refusal = new InvalidPaymentException(PaymentAcceptance.TooEarlyProblem(Number, paid, issued)!, PaymentAcceptance.TooEarlySwedish(Number, paid, issued));

        SwedishRefusals.AssertSwedish(refusal, "202600014", "2016-12-10", "2026-01-20", "2025-01-01");
        Assert.Equal("Faktura 202600014 utfärdades 2026-01-20; en betalning daterad 2016-12-10, före 2025-01-01, kan inte vara en betalning av den (är datumet felskrivet?). Inget bokfördes.",
            refusal.SwedishMessage);
    }

    [Fact]
    public void The_invoice_refuses_money_it_cannot_take_in_Swedish_naming_the_amounts()
    {
        var invoice = Unpaid();

        Refusal(() => invoice.WithPayment(Money.Zero, Today), "202600014");
        Assert.Equal("Faktura 202600014: en återföring på 100,00\u00A0kr kan inte ta tillbaka mer än de 0,00\u00A0kr som är betalda.",
            Refusal(() => invoice.WithReversal(Money.FromKronor(100)), "202600014").SwedishMessage);
        Refusal(() => invoice.WithDeduction(Money.FromKronor(100)), "202600014");
        Assert.Equal("Faktura 202600014: en återbetalning på 100,00\u00A0kr måste vara positiv och högst de 0,00\u00A0kr som ska betalas tillbaka på den; inget bokfördes.",
            Refusal(() => invoice.WithRefund(Money.FromKronor(100)), "202600014").SwedishMessage);
    }

    private static InvalidPaymentException Refusal(Action refused, params string[] sameFacts)
    {
        var refusal = Assert.Throws<InvalidPaymentException>(refused);
        SwedishRefusals.AssertSwedish(refusal, sameFacts);
        return refusal;
    }

    private static Invoice Unpaid()
    {
        var amount = Money.FromKronor(43_035);
        return new Invoice(new SchemeId("region-mitt-pom"), 2026, Number, new PartyCode("1980"), "Västerås stad", Number.ToOcrReference(),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "")
        {
            Status = PaymentStatus.Unpaid,
        };
    }
}
