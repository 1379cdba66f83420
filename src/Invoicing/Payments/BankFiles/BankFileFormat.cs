namespace Invoicing.Payments.BankFiles;

/// <summary>The bank file formats the product reads, told apart by content (see <see cref="BankFileReader"/>).</summary>
public enum BankFileFormat
{
    /// <summary>ISO 20022 BankToCustomerDebitCreditNotification, <c>camt.054.001.02</c> or any later version.</summary>
    Camt054,

    /// <summary>Bankgirot's fixed-width 80-character file of incoming bankgiro payments.</summary>
    BgMax,
}
