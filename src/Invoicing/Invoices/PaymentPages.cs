using System.Text;
using Azure.Data.Tables;

namespace Invoicing.Invoices;

/// <summary>
/// The pages one booking transaction writes (<see cref="PaymentPageEntity"/>): records in booking order, a page
/// closed at <see cref="MaxRecordsPerPage"/> records or <see cref="MaxPageChars"/> characters, at most
/// <see cref="MaxPagesPerTransaction"/> pages, numbered on from the invoice's last page.
/// </summary>
internal sealed class PaymentPages(InvoiceNumber invoice, int firstPage, DateTimeOffset bookedAt)
{
    public const int MaxRecordsPerPage = 100;

    /// <summary>A string property holds 32 K characters (64 KiB as UTF-16); a page's JSON stays below that.</summary>
    public const int MaxPageChars = 30_000;

    /// <summary>
    /// 20 pages of at most 30 000 ASCII characters (about 36 KB each on the wire, quotes escaped) keep a
    /// transaction's request far below the 4 MiB storage accepts, and with the invoice below its 100 operations.
    /// </summary>
    public const int MaxPagesPerTransaction = 20;

    /// <summary>The most records one booking transaction holds.</summary>
    public const int MaxRecordsPerTransaction = MaxRecordsPerPage * MaxPagesPerTransaction;

    /// <summary>
    /// The most characters a record's texts (entry reference, source, note, payer name, reversed entry) may have
    /// together: escaped at up to six characters each, with the rest of the record it still fits on an empty page.
    /// </summary>
    public const int MaxTextChars = 4_000;

    private readonly List<PaymentPageEntity> _pages = [];
    private readonly StringBuilder _page = new(MaxPageChars);
    private int _inPage;

    /// <summary>The number of the page the last line added went to.</summary>
    public int CurrentPage => firstPage + _pages.Count;

    /// <summary>The number the next page written after these will have.</summary>
    public int NextPage => firstPage + _pages.Count + (_inPage > 0 ? 1 : 0);

    /// <summary>Adds a record's JSON; false (and nothing added) when the transaction has no room for it.</summary>
    public bool TryAdd(string line)
    {
        if (_inPage == MaxRecordsPerPage || (_inPage > 0 && _page.Length + line.Length + 2 > MaxPageChars))
        {
            if (_pages.Count + 1 == MaxPagesPerTransaction)
            {
                return false;
            }

            ClosePage();
        }

        _page.Append(_inPage == 0 ? '[' : ',').Append(line);
        _inPage++;
        return true;
    }

    /// <summary>The pages to insert, the last one closed.</summary>
    public IReadOnlyList<ITableEntity> ToEntities()
    {
        if (_inPage > 0)
        {
            ClosePage();
        }

        return _pages;
    }

    private void ClosePage()
    {
        var number = firstPage + _pages.Count;
        _pages.Add(new PaymentPageEntity
        {
            RowKey = PaymentPageEntity.RowKeyFor(invoice, number),
            InvoiceNumber = invoice.ToString(),
            Count = _inPage,
            BookedAt = bookedAt,
            Lines = _page.Append(']').ToString(),
        });
        _page.Clear();
        _inPage = 0;
    }
}
