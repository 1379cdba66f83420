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
        public static readonly BgMaxField LayoutName = new("layout name", "layoutnamn", 3, 20);
        public static readonly BgMaxField Version = new("layout version", "layoutversion", 23, 2);
        public static readonly BgMaxField TestMarker = new("test marker", "testmarkering", 45, 1);
    }

    /// <summary>TK05 opening record: which of our bankgiro numbers the following payments went to.</summary>
    public static class Opening
    {
        public static readonly BgMaxField ReceivingBankgiro = new("receiving bankgiro", "mottagarbankgiro", 3, 10);
        public static readonly BgMaxField Currency = new("currency", "valuta", 23, 3);
    }

    /// <summary>TK20 payment, TK21 deduction and TK22/TK23 extra reference records share this layout.</summary>
    public static class Payment
    {
        public static readonly BgMaxField Reference = new("reference", "referens", 13, 25);
        public static readonly BgMaxField Amount = new("amount", "belopp", 38, 18);
        public static readonly BgMaxField SerialNumber = new("BGC serial number", "BGC-löpnummer", 58, 12);
    }

    /// <summary>TK25 information record: free text from the payer.</summary>
    public static class Information
    {
        public static readonly BgMaxField Text = new("information text", "informationstext", 3, 50);
    }

    /// <summary>TK26 name record.</summary>
    public static class Name
    {
        public static readonly BgMaxField PayerName = new("payer name", "betalarens namn", 3, 35);
        public static readonly BgMaxField ExtraName = new("extra name", "extra namn", 38, 35);
    }

    /// <summary>TK27 address record 1.</summary>
    public static class Address
    {
        public static readonly BgMaxField Street = new("address", "adress", 3, 35);
        public static readonly BgMaxField PostCode = new("post code", "postnummer", 38, 9);
    }

    /// <summary>TK28 address record 2.</summary>
    public static class Town
    {
        public static readonly BgMaxField Name = new("town", "ort", 3, 35);
        public static readonly BgMaxField Country = new("country", "land", 38, 35);
        public static readonly BgMaxField CountryCode = new("country code", "landskod", 73, 2);
    }

    /// <summary>TK29 organisation number record.</summary>
    public static class Organisation
    {
        public static readonly BgMaxField Number = new("organisation number", "organisationsnummer", 3, 12);
    }

    /// <summary>TK15 deposit record: closes the payments before it.</summary>
    public static class Deposit
    {
        public static readonly BgMaxField PaymentDate = new("payment date", "betalningsdag", 38, 8);
        public static readonly BgMaxField SerialNumber = new("deposit serial number", "insättningens löpnummer", 46, 5);
        public static readonly BgMaxField Amount = new("deposit amount", "insättningsbelopp", 51, 18);
        public static readonly BgMaxField Currency = new("currency", "valuta", 69, 3);
        public static readonly BgMaxField PaymentCount = new("number of payments", "antal betalningar", 72, 8);
    }

    /// <summary>TK70 end record: counters over the whole file.</summary>
    public static class End
    {
        public static readonly BgMaxField PaymentCount = new("number of payment records", "antal betalningsposter", 3, 8);
        public static readonly BgMaxField DeductionCount = new("number of deduction records", "antal avdragsposter", 11, 8);
        public static readonly BgMaxField ExtraReferenceCount = new("number of extra reference records", "antal extra referensnummerposter", 19, 8);
        public static readonly BgMaxField DepositCount = new("number of deposit records", "antal insättningsposter", 27, 8);
    }
}
