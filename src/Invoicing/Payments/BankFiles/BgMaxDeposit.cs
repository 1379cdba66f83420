namespace Invoicing.Payments.BankFiles;

/// <summary>One deposit section of a BgMax file (TK05 … TK15) with the entries it booked.</summary>
internal sealed record BgMaxDeposit(int Line, string SerialNumber, DateOnly PaymentDate, Money Amount, IReadOnlyList<BankEntry> Entries);
