using CsCheck;
using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

public sealed class PaymentAllocationTests
{
    [Fact]
    public void Each_named_invoice_gets_what_it_asks_in_the_payers_order_and_the_last_gets_the_rest()
    {
        var parts = PaymentAllocation.Split(Money.FromKronor(12_000), [Money.FromKronor(3_897), Money.FromKronor(2_638), Money.FromKronor(3_880), Money.FromKronor(1_131)]);

        Assert.Equal([Money.FromKronor(3_897), Money.FromKronor(2_638), Money.FromKronor(3_880), Money.FromKronor(1_585)], parts);
    }

    [Fact]
    public void When_the_money_runs_out_the_later_invoices_get_nothing()
    {
        var parts = PaymentAllocation.Split(Money.FromKronor(5_000), [Money.FromKronor(1_436), Money.FromKronor(4_070), Money.FromKronor(8_934)]);

        Assert.Equal([Money.FromKronor(1_436), Money.FromKronor(3_564), Money.Zero], parts);
    }

    [Fact]
    public void An_invoice_that_asks_nothing_or_owes_a_refund_gets_nothing_before_the_last()
    {
        var parts = PaymentAllocation.Split(Money.FromKronor(1_000), [Money.Zero, Money.FromKronor(-200), Money.FromKronor(300)]);

        Assert.Equal([Money.Zero, Money.Zero, Money.FromKronor(1_000)], parts);
    }

    [Fact]
    public void Parts_sum_exactly_to_the_payment_and_none_is_negative()
    {
        Gen.Select(Gen.Long[1, 1_000_000_000_000], Gen.Long[-1_000_000, 1_000_000_000].Array[1, 30]).Sample((amount, dues) =>
        {
            var parts = PaymentAllocation.Split(new Money(amount), [.. dues.Select(due => new Money(due))]);

            return Money.Sum(parts) == new Money(amount) && parts.All(part => part >= Money.Zero)
                && parts.Take(parts.Count - 1).Select((part, i) => part <= new Money(Math.Max(0, dues[i]))).All(fits => fits);
        });
    }
}
