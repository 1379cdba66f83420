namespace Invoicing.Payments.BankFiles;

/// <summary>
/// The columns of the BgMax records this product reads, from Bankgirot's BgMax technical manual and checked
/// against Bankgirot's published example file (tests/Invoicing.Tests/TestData/bank-files). Only fields that are
/// read or checked are listed.
/// </summary>
internal static class BgMaxLayout
{
    public const int RecordLength = 80;

    /// <summary>TK01 start record.</summary>
    public static class Start
    {
        public static readonly BgMaxField LayoutName = new("layout name", 3, 20);
        public static readonly BgMaxField Version = new("layout version", 23, 2);
        public static readonly BgMaxField TestMarker = new("test marker", 45, 1);
    }

    /// <summary>TK05 opening record: which of our bankgiro numbers the following payments went to.</summary>
    public static class Opening
    {
        public static readonly BgMaxField ReceivingBankgiro = new("receiving bankgiro", 3, 10);
        public static readonly BgMaxField Currency = new("currency", 23, 3);
    }

    /// <summary>TK20 payment, TK21 deduction and TK22/TK23 extra reference records share this layout.</summary>
    public static class Payment
    {
        public static readonly BgMaxField Reference = new("reference", 13, 25);
        public static readonly BgMaxField Amount = new("amount", 38, 18);
        public static readonly BgMaxField SerialNumber = new("BGC serial number", 58, 12);
    }

    /// <summary>TK25 information record: free text from the payer.</summary>
    public static class Information
    {
        public static readonly BgMaxField Text = new("information text", 3, 50);
    }

    /// <summary>TK26 name record.</summary>
    public static class Name
    {
        public static readonly BgMaxField PayerName = new("payer name", 3, 35);
        public static readonly BgMaxField ExtraName = new("extra name", 38, 35);
    }

    /// <summary>TK27 address record 1.</summary>
    public static class Address
    {
        public static readonly BgMaxField Street = new("address", 3, 35);
        public static readonly BgMaxField PostCode = new("post code", 38, 9);
    }

    /// <summary>TK28 address record 2.</summary>
    public static class Town
    {
        public static readonly BgMaxField Name = new("town", 3, 35);
        public static readonly BgMaxField Country = new("country", 38, 35);
        public static readonly BgMaxField CountryCode = new("country code", 73, 2);
    }

    /// <summary>TK29 organisation number record.</summary>
    public static class Organisation
    {
        public static readonly BgMaxField Number = new("organisation number", 3, 12);
    }

    /// <summary>TK15 deposit record: closes the payments before it.</summary>
    public static class Deposit
    {
        public static readonly BgMaxField PaymentDate = new("payment date", 38, 8);
        public static readonly BgMaxField SerialNumber = new("deposit serial number", 46, 5);
        public static readonly BgMaxField Amount = new("deposit amount", 51, 18);
        public static readonly BgMaxField Currency = new("currency", 69, 3);
        public static readonly BgMaxField PaymentCount = new("number of payments", 72, 8);
    }

    /// <summary>TK70 end record: counters over the whole file.</summary>
    public static class End
    {
        public static readonly BgMaxField PaymentCount = new("number of payment records", 3, 8);
        public static readonly BgMaxField DeductionCount = new("number of deduction records", 11, 8);
        public static readonly BgMaxField ExtraReferenceCount = new("number of extra reference records", 19, 8);
        public static readonly BgMaxField DepositCount = new("number of deposit records", 27, 8);
    }
}
