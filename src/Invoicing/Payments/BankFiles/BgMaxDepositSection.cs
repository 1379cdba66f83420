using System.Globalization;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// The records from a TK05 opening record to the TK15 deposit record that closes it. BgMax writes the deposit
/// after its payments, so entries can only be made (with the deposit's payment date) once it arrives, and only
/// after its amount and count agree with the payments read.
/// </summary>
internal sealed class BgMaxDepositSection
{
    private const string Currency = "SEK";

    private readonly List<BgMaxPayment> _payments = [];
    private readonly string _receivingBankgiro;

    private BgMaxDepositSection(string receivingBankgiro) => _receivingBankgiro = receivingBankgiro;

    public static BgMaxDepositSection Open(BgMaxLine line)
    {
        RequireSek(line, BgMaxLayout.Opening.Currency);
        var bankgiro = line.Digits(BgMaxLayout.Opening.ReceivingBankgiro).TrimStart('0');
        return bankgiro.Length > 0
            ? new BgMaxDepositSection(bankgiro)
            : throw line.Fail(BgMaxLayout.Opening.ReceivingBankgiro, "is zero.");
    }

    /// <summary>A TK20 payment or TK21 deduction.</summary>
    public void AddPayment(BgMaxLine line, bool isDeduction)
    {
        var amount = line.Amount(BgMaxLayout.Payment.Amount);
        var reference = line.Text(BgMaxLayout.Payment.Reference);
        var serialNumber = line.Digits(BgMaxLayout.Payment.SerialNumber);
        _payments.Add(new BgMaxPayment(
            line.Number, isDeduction, isDeduction ? -amount : amount, reference.Length == 0 ? null : reference, serialNumber, null));
    }

    /// <summary>A TK22/TK23 extra reference: part of its payment's record, but not money of its own.</summary>
    public void AddExtraReference(BgMaxLine line)
    {
        RequirePayment(line);
        line.Amount(BgMaxLayout.Payment.Amount);
    }

    /// <summary>A TK26 name record: the first one after a payment names its payer.</summary>
    public void AddName(BgMaxLine line)
    {
        var payment = RequirePayment(line);
        if (payment.PayerName is not null)
        {
            return;
        }

        var name = $"{line.Text(BgMaxLayout.Name.PayerName)} {line.Text(BgMaxLayout.Name.ExtraName)}".Trim();
        _payments[^1] = payment with { PayerName = name.Length == 0 ? null : name };
    }

    /// <summary>Information, address and organisation number records describe the payment before them.</summary>
    public BgMaxPayment RequirePayment(BgMaxLine line) =>
        _payments.Count > 0 ? _payments[^1] : throw line.Fail("record type", "must follow a TK20 payment or TK21 deduction record.");

    /// <summary>The TK15 deposit record: checks the section's totals and books its entries.</summary>
    /// <param name="line">The TK15 record.</param>
    /// <param name="usedReferences">Entry references already given out in this file.</param>
    public BgMaxDeposit Close(BgMaxLine line, ISet<string> usedReferences)
    {
        var paymentDate = line.Date(BgMaxLayout.Deposit.PaymentDate);
        var serialNumber = line.Digits(BgMaxLayout.Deposit.SerialNumber);
        var amount = line.Amount(BgMaxLayout.Deposit.Amount);
        RequireSek(line, BgMaxLayout.Deposit.Currency);
        var count = line.Count(BgMaxLayout.Deposit.PaymentCount);

        var sum = Money.Sum(_payments.Select(payment => payment.Amount));
        if (amount != sum)
        {
            throw line.Fail(BgMaxLayout.Deposit.Amount,
                $"{amount.ToInvariantString()} but its payments minus deductions sum to {sum.ToInvariantString()}.");
        }

        if (count != _payments.Count)
        {
            throw line.Fail(BgMaxLayout.Deposit.PaymentCount,
                $"{count} but the deposit has {_payments.Count} payment and deduction records (TK20, TK21).");
        }

        var entries = _payments
            .Select(payment => new BankEntry(
                UniqueReference(payment, paymentDate, usedReferences),
                payment.Amount,
                paymentDate,
                payment.Reference,
                payment.PayerName,
                _receivingBankgiro,
                payment.IsDeduction))
            .ToList();
        return new BgMaxDeposit(line.Number, serialNumber, paymentDate, amount, entries);
    }

    /// <summary>
    /// Bankgirot gives each payment a serial number; should two payments of one bankgiro and day share it (as two
    /// do in Bankgirot's own example), the later ones get "/2", "/3" in file order. A re-delivered day file repeats
    /// its deposits in the same order, so the references stay the same.
    /// </summary>
    private string UniqueReference(BgMaxPayment payment, DateOnly paymentDate, ISet<string> usedReferences)
    {
        var reference = string.Create(
            CultureInfo.InvariantCulture, $"bgmax:{_receivingBankgiro}:{paymentDate:yyyyMMdd}:{payment.SerialNumber}");
        var unique = reference;
        for (var occurrence = 2; !usedReferences.Add(unique); occurrence++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{reference}/{occurrence}");
        }

        return unique;
    }

    private static void RequireSek(BgMaxLine line, BgMaxField field)
    {
        var currency = line.Text(field);
        if (currency != Currency)
        {
            throw line.Fail(field, $"'{currency}'; only {Currency} payments are read.");
        }
    }
}
