using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

public sealed class ManualPaymentKeyTests
{
    private static readonly InvoiceNumber Number = InvoiceNumber.Parse("202600014");
    private static readonly DateOnly PaidOn = new(2026, 3, 1);

    [Theory]
    [InlineData("Kontoutdrag 7", "kontoutdrag 7")]
    [InlineData("Kontoutdrag 7", "Kontoutdrag 7 ")]
    [InlineData("Kontoutdrag 7", "  KONTOUTDRAG\t 7\n")]
    [InlineData("Kontoutdrag 7", "Ｋｏｎｔｏｕｔｄｒａｇ 7")]
    public void A_manual_payments_key_is_not_fooled_by_letter_case_or_spaces_in_its_reference(string first, string again)
    {
        Assert.Equal(
            PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, null, first).Key,
            PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, null, again).Key);
        Assert.Equal(
            PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, first, null).Key,
            PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, again, null).Key);
        Assert.Equal(
            PaymentBooking.ManualRefund(Number, Money.FromKronor(100), PaidOn, first, null).Key,
            PaymentBooking.ManualRefund(Number, Money.FromKronor(100), PaidOn, again, null).Key);
    }

    [Fact]
    public void Another_reference_amount_or_day_is_another_manual_payment_and_the_reference_is_kept_as_given()
    {
        var booking = PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, null, "Kontoutdrag 7 ");

        Assert.NotEqual(booking.Key, PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn, null, "Kontoutdrag 8").Key);
        Assert.NotEqual(booking.Key, PaymentBooking.Manual(Number, Money.FromKronor(101), PaidOn, null, "Kontoutdrag 7").Key);
        Assert.NotEqual(booking.Key, PaymentBooking.Manual(Number, Money.FromKronor(100), PaidOn.AddDays(1), null, "Kontoutdrag 7").Key);
        Assert.NotEqual(booking.Key, PaymentBooking.ManualRefund(Number, Money.FromKronor(100), PaidOn, "Kontoutdrag 7", null).Key);
        Assert.Equal("manual:202600014:2026-03-01:10000:Kontoutdrag 7 ", booking.EntryReference);
    }
}
