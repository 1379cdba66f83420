namespace Invoicing.Payments.BankFiles;

/// <summary>A bank file read in full: every check passed, so its entries can be imported as a whole.</summary>
/// <param name="Format">The format detected from the content.</param>
/// <param name="Source">The file name it was read from, for messages and audit.</param>
/// <param name="Entries">Every entry in file order, each with its <see cref="BankEntry.Kind"/> and identity (<see cref="BankEntry.Key"/>).</param>
public sealed record BankFile(BankFileFormat Format, string Source, IReadOnlyList<BankEntry> Entries);
