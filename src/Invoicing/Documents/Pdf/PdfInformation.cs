namespace Invoicing.Documents.Pdf;

/// <summary>The document information dictionary; <paramref name="Date"/> in PDF date syntax ("D:20260301000000Z").</summary>
internal sealed record PdfInformation(string Title, string Author, string Subject, string Creator, string Date);
