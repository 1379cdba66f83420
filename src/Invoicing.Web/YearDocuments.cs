using System.Runtime.CompilerServices;
using Azure;
using Invoicing.Invoices;
using Microsoft.Extensions.Caching.Memory;

namespace Invoicing.Web;

/// <summary>
/// A year's documents for finance's list and totals, read again only when the year has changed (issue 24, goal 5:
/// twenty readers listing a year of a national scheme made every list a query of the whole year through storage).
/// <para>
/// Why it is safe: every entity group transaction that adds or changes a document of a scheme's year also rewrites the
/// year's version row, in the same transaction (<see cref="InvoiceStore.FindYearVersionAsync"/>). A request reads the
/// version first and the documents after it, so what it keeps is at least as new as the version it keeps it under.
/// While the version stands, no document of the year has changed since; a change by any process (another Functions
/// instance, the CLI, a timer, a bank file) moves it, and the next request reads the year again. A year whose version
/// row was never written (last changed before it was kept) is read on every request, as before. Only documents are
/// kept; what depends on the day (overdue, the display status) is computed per request.
/// </para>
/// <para>
/// Bounded: at most <see cref="MaxDocuments"/> documents in all (a national scheme's year is 311); when more would be
/// kept, the least recently used years are dropped.
/// </para>
/// </summary>
public sealed class YearDocuments(InvoiceStore invoices) : IDisposable
{
    /// <summary>About 64 years of a national scheme; a document row as read is one to two KiB.</summary>
    public const int MaxDocuments = 20_000;

    private readonly MemoryCache _years = new(new MemoryCacheOptions { SizeLimit = MaxDocuments });

    // The balances of a list this type returned, by that list's identity: a pure function of documents that are never
    // changed once read, so computed once per read of the year and gone with the list.
    private readonly ConditionalWeakTable<IReadOnlyList<IssuedDocument>, IReadOnlyList<DocumentBalance>> _balances = [];

    /// <summary>The year's documents (invoices and credit notes) in number order, as <see cref="InvoiceStore.ListAsync"/> reads them.</summary>
    public async Task<IReadOnlyList<IssuedDocument>> ListAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var version = await invoices.FindYearVersionAsync(scheme, year, cancellationToken);
        var key = (scheme.Value, year);
        if (version is { } standing && _years.TryGetValue(key, out Read? kept) && kept!.Version == standing)
        {
            return kept.Documents;
        }

        var documents = await invoices.ListAsync(scheme, year, cancellationToken);
        if (version is { } read)
        {
            _years.Set(key, new Read(read, documents), new MemoryCacheEntryOptions { Size = documents.Count + 1 });
        }

        return documents;
    }

    /// <summary>
    /// The document as the year's last kept read holds it, whether or not the year has changed since; null when no kept
    /// read holds it. For what a document's PDF route needs, that read is as good as its row: its number, its debtor and
    /// the name and SHA-256 of its PDF are written once, when it is recorded, and never change (a payment, a reminder, a
    /// credit or a void changes its balance and status, never these), and no document is ever removed (a restore writes
    /// only into an empty store). So a PDF of a year the list has shown is one blob read, or none (<see cref="InvoicePdfs"/>),
    /// not a row read first. Its balance and status are not to be taken from here.
    /// </summary>
    public IssuedDocument? Recorded(InvoiceKey key) =>
        _years.TryGetValue((key.Scheme.Value, key.Year), out Read? kept) ? kept!.Find(key.Number) : null;

    /// <summary>
    /// The document as recorded: from the year's kept read when one holds it (<see cref="Recorded"/>), else its row;
    /// null when there is none. What a PDF route needs, and only that (not its balance or status).
    /// </summary>
    public async Task<IssuedDocument?> FindRecordedAsync(InvoiceKey key, CancellationToken cancellationToken) =>
        Recorded(key) ?? await invoices.FindAsync(key.Scheme, key.Year, key.Number, cancellationToken);

    /// <summary><see cref="DocumentChain.BalancesOf"/> of <paramref name="documents"/>, once per list <see cref="ListAsync"/> read.</summary>
    public IReadOnlyList<DocumentBalance> BalancesOf(IReadOnlyList<IssuedDocument> documents) =>
        _balances.GetValue(documents, DocumentChain.BalancesOf);

    public void Dispose() => _years.Dispose();

    private sealed record Read(ETag Version, IReadOnlyList<IssuedDocument> Documents)
    {
        private readonly Dictionary<InvoiceNumber, IssuedDocument> _byNumber = ByNumber(Documents);

        public IssuedDocument? Find(InvoiceNumber number) => _byNumber.GetValueOrDefault(number);

        private static Dictionary<InvoiceNumber, IssuedDocument> ByNumber(IReadOnlyList<IssuedDocument> documents)
        {
            var byNumber = new Dictionary<InvoiceNumber, IssuedDocument>(documents.Count);
            foreach (var document in documents)
            {
                byNumber.TryAdd(document.Number, document);
            }

            return byNumber;
        }
    }
}
