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
            : throw line.Fail(BgMaxLayout.Opening.ReceivingBankgiro, "is zero.", "är noll.");
    }

    /// <summary>A TK20 payment or TK21 deduction.</summary>
    public void AddPayment(BgMaxLine line, bool isDeduction)
    {
        var amount = line.Amount(BgMaxLayout.Payment.Amount);
        var references = PayerReferences.Split(line.Text(BgMaxLayout.Payment.Reference));
        var serialNumber = line.Digits(BgMaxLayout.Payment.SerialNumber);
        _payments.Add(new BgMaxPayment(line.Number, isDeduction, isDeduction ? -amount : amount, references, serialNumber));
        CheckReferences(line, _payments[^1]);
    }

    /// <summary>
    /// A TK22/TK23 extra reference: another invoice the payment before it names, in file order. Its amount field is
    /// read as digits (Bankgirot's example writes zeros) but the money is the payment's.
    /// </summary>
    public void AddExtraReference(BgMaxLine line)
    {
        var payment = RequirePayment(line);
        line.Amount(BgMaxLayout.Payment.Amount);
        payment.AddReferences(PayerReferences.Split(line.Text(BgMaxLayout.Payment.Reference)));
        CheckReferences(line, payment);
    }

    /// <summary>A TK25 information record: the payer's text, kept with the payment.</summary>
    public void AddInformation(BgMaxLine line) =>
        AddText(line, RequirePayment(line), line.Text(BgMaxLayout.Information.Text));

    /// <summary>A TK26 name record: the first one after a payment names its payer; a later one is kept as text.</summary>
    public void AddName(BgMaxLine line)
    {
        var payment = RequirePayment(line);
        var name = Joined(line.Text(BgMaxLayout.Name.PayerName), line.Text(BgMaxLayout.Name.ExtraName));
        if (name.Length > 0)
        {
            payment.AddName(name);
        }
    }

    /// <summary>TK27, TK28 and TK29: the payer's address and organisation number, kept as text.</summary>
    public void AddPayerDetails(BgMaxLine line)
    {
        var payment = RequirePayment(line);
        var text = line.RecordType switch
        {
            "27" => Joined(line.Text(BgMaxLayout.Address.Street), line.Text(BgMaxLayout.Address.PostCode)),
            "28" => Joined(line.Text(BgMaxLayout.Town.Name), line.Text(BgMaxLayout.Town.Country), line.Text(BgMaxLayout.Town.CountryCode)),
            _ => line.Text(BgMaxLayout.Organisation.Number) is { Length: > 0 } number ? $"org.nr {number.TrimStart('0')}" : "",
        };
        AddText(line, payment, text);
    }

    /// <summary>Records that describe a payment come only after one.</summary>
    public BgMaxPayment RequirePayment(BgMaxLine line) =>
        _payments.Count > 0 ? _payments[^1] : throw line.Fail(BgMaxLine.RecordTypeField, "must follow a TK20 payment or TK21 deduction record.",
            "måste komma efter en TK20-betalningspost eller TK21-avdragspost.");

    /// <summary>The TK15 deposit record: checks the section's totals and makes its entries.</summary>
    public BgMaxDeposit Close(BgMaxLine line)
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
                $"{amount.ToInvariantString()} but its payments minus deductions sum to {sum.ToInvariantString()}.",
                $"{amount.ToInvariantString()} men dess betalningar minus avdrag summerar till {sum.ToInvariantString()}.");
        }

        if (count != _payments.Count)
        {
            throw line.Fail(BgMaxLayout.Deposit.PaymentCount,
                $"{count} but the deposit has {_payments.Count} payment and deduction records (TK20, TK21).",
                $"{count} men insättningen har {_payments.Count} betalnings- och avdragsposter (TK20, TK21).");
        }

        var entries = _payments
            .Select(payment => new BankEntry
            {
                Kind = payment.IsDeduction ? BankEntryKind.Deduction : BankEntryKind.Payment,
                EntryReference = EntryReferences.BgMax(_receivingBankgiro, paymentDate, payment.SerialNumber),
                Amount = payment.Amount,
                BookingDate = paymentDate,
                References = payment.References,
                Texts = payment.Texts,
                PayerName = payment.PayerName,
                ReceivingAccount = _receivingBankgiro,
            })
            .ToList();
        return new BgMaxDeposit(line.Number, serialNumber, paymentDate, amount, entries);
    }

    private static void AddText(BgMaxLine line, BgMaxPayment payment, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        payment.AddText(text);
        var length = payment.Texts.Sum(t => t.Length + 1) - 1;
        if (length > BankEntry.MaxTextLength)
        {
            throw line.Fail(BgMaxLine.TextField,
                string.Create(CultureInfo.InvariantCulture,
                    $"the texts of the payment on line {payment.Line} come to {length} characters; at most {BankEntry.MaxTextLength} are kept."),
                string.Create(CultureInfo.InvariantCulture,
                    $"texterna till betalningen på rad {payment.Line} är {length} tecken tillsammans; högst {BankEntry.MaxTextLength} sparas."));
        }
    }

    private static void CheckReferences(BgMaxLine line, BgMaxPayment payment)
    {
        var length = payment.References.Sum(r => r.Length + 1) - 1;
        if (length > BankEntry.MaxReferenceLength)
        {
            throw line.Fail(BgMaxLayout.Payment.Reference,
                string.Create(CultureInfo.InvariantCulture,
                    $"the references of the payment on line {payment.Line} come to {length} characters; at most {BankEntry.MaxReferenceLength} are kept."),
                string.Create(CultureInfo.InvariantCulture,
                    $"referenserna till betalningen på rad {payment.Line} är {length} tecken tillsammans; högst {BankEntry.MaxReferenceLength} sparas."));
        }
    }

    private static string Joined(params string[] parts) => string.Join(' ', parts.Where(part => part.Length > 0));

    private static void RequireSek(BgMaxLine line, BgMaxField field)
    {
        var currency = line.Text(field);
        if (currency != Currency)
        {
            throw line.Fail(field, $"'{currency}'; only {Currency} payments are read.", $"'{currency}'; bara betalningar i {Currency} läses in.");
        }
    }
}
