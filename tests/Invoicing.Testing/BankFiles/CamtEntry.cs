namespace Invoicing.Testing.BankFiles;

/// <summary>One <c>Ntry</c>; a null field is left out of the XML. <c>Family</c>/<c>SubFamily</c> are its bank transaction code (<c>BkTxCd/Domn/Fmly</c>, domain PMNT).</summary>
public sealed record CamtEntry(
    string Amount,
    string Indicator = "CRDT",
    string? AccountServicerReference = null,
    string? EntryReference = null,
    string BookingDate = "2026-03-02",
    bool BookingDateWithTime = false,
    string Currency = "SEK",
    IReadOnlyList<CamtTransaction>? Transactions = null,
    string Status = "BOOK",
    bool? Reversal = null,
    string Family = "RCDT",
    string SubFamily = "DMCT");
