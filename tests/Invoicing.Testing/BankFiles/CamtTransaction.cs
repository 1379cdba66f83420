namespace Invoicing.Testing.BankFiles;

/// <summary>One <c>TxDtls</c>; a null field is left out of the XML. <c>MoreOcrs</c> are further structured references after <c>Ocr</c>.</summary>
public sealed record CamtTransaction(
    string? Amount = null,
    string? AccountServicerReference = null,
    string? Ocr = null,
    string? Unstructured = null,
    string? Debtor = null,
    string Currency = "SEK",
    string Indicator = "CRDT",
    string? Creditor = null,
    IReadOnlyList<string>? MoreOcrs = null);
