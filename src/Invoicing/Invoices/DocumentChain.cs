using Invoicing.Documents;

namespace Invoicing.Invoices;

/// <summary>
/// One debt: an invoice, the supplementary invoices that add to it and the credit notes that name any of them. What
/// is due, credited, paid, refunded and owed back is computed here, from the documents' rows, and nowhere else: the
/// list, the page, the ledger file, reminders and the SIE export all read it. Pure.
/// <list type="bullet">
/// <item>A credit note credits the document it names, as far as that document has anything left uncredited; only
/// what goes beyond (a party that leaves is credited its whole chain by one credit note) is taken off the chain's
/// other invoices issued before it, newest first. Replayed in number order, the order they were recorded in.</item>
/// <item>Each invoice then has its own remainder (total − credits − payments + refunds). A chain is one debt, so money
/// one invoice received beyond what it asks for settles what its other invoices still lack (oldest first, from the
/// oldest surplus) before anything is owed back: a party that pays the original as printed while its supplement is
/// open is asked for the supplement less that surplus, and told of no refund.</item>
/// </list>
/// </summary>
public sealed class DocumentChain
{
    private readonly Dictionary<InvoiceNumber, DocumentBalance> _balances = [];

    private DocumentChain(IReadOnlyList<Invoice> invoices, IReadOnlyList<CreditNote> creditNotes)
    {
        Invoices = invoices;
        CreditNotes = creditNotes;
        Credits = Replay(invoices, creditNotes);
        var credited = invoices.ToDictionary(i => i.Number, i => Money.Sum(Credits.Where(c => c.Invoice == i.Number).Select(c => c.Amount)));
        var own = invoices.ToDictionary(i => i.Number, i => i.Total - credited[i.Number] - i.AmountPaid + i.Refunded);
        Settlements = Settle(invoices, own);
        foreach (var invoice in invoices)
        {
            var settled = Money.Sum(Settlements.Where(s => s.To == invoice.Number).Select(s => s.Amount))
                - Money.Sum(Settlements.Where(s => s.From == invoice.Number).Select(s => s.Amount));
            _balances[invoice.Number] = new InvoiceBalance(invoice, credited[invoice.Number], settled, own[invoice.Number] - settled);
        }

        foreach (var creditNote in creditNotes)
        {
            _balances[creditNote.Number] = new CreditNoteBalance(creditNote);
        }

        Balance = new ChainBalance(
            Money.Sum(invoices.Select(i => i.Total)),
            Money.Sum(creditNotes.Select(c => c.Total)),
            Money.Sum(invoices.Select(i => i.AmountPaid)),
            Money.Sum(invoices.Select(i => i.Refunded)));
    }

    /// <summary>The original invoice the others add to or correct.</summary>
    public Invoice Root => Invoices[0];

    /// <summary>The original and its supplementary invoices, in number order.</summary>
    public IReadOnlyList<Invoice> Invoices { get; }

    /// <summary>The credit notes naming any of <see cref="Invoices"/>, in number order.</summary>
    public IReadOnlyList<CreditNote> CreditNotes { get; }

    /// <summary>What each credit note took off which invoice, in the order they were applied.</summary>
    public IReadOnlyList<CreditPart> Credits { get; }

    /// <summary>Surpluses of some invoices that settle what others lack.</summary>
    public IReadOnlyList<Settlement> Settlements { get; }

    /// <summary>The chain as one debt.</summary>
    public ChainBalance Balance { get; }

    /// <summary>Every document of the chain, in number order.</summary>
    public IEnumerable<IssuedDocument> Documents => Invoices.Concat<IssuedDocument>(CreditNotes).OrderBy(d => d.Number);

    /// <summary>Every document's balance, in number order.</summary>
    public IEnumerable<DocumentBalance> Balances => Documents.Select(d => _balances[d.Number]);

    /// <summary>The invoices' balances, in number order: what is paid, reminded and booked.</summary>
    public IEnumerable<InvoiceBalance> InvoiceBalances => Invoices.Select(i => (InvoiceBalance)_balances[i.Number]);

    public bool Holds(InvoiceNumber number) => _balances.ContainsKey(number);

    /// <summary>The balance of one document of the chain: for an invoice, what the chain asks of it or owes back on it.</summary>
    public DocumentBalance BalanceOf(InvoiceNumber number) =>
        _balances.TryGetValue(number, out var balance) ? balance : throw new KeyNotFoundException($"Document {number} is not in the chain of invoice {Root.Number}.");

    /// <summary>The balance of invoice <paramref name="number"/> of the chain.</summary>
    /// <exception cref="KeyNotFoundException">No invoice of the chain has that number (it is not in the chain, or is a credit note).</exception>
    public InvoiceBalance InvoiceBalanceOf(InvoiceNumber number) =>
        BalanceOf(number) as InvoiceBalance ?? throw new KeyNotFoundException($"Document {number} of the chain of invoice {Root.Number} is a credit note, not an invoice.");

    /// <summary>
    /// The chains of <paramref name="documents"/> (a scheme's year, or one party's documents of it): each invoice that
    /// corrects none is a root, and every document joins the chain of the document it names.
    /// </summary>
    /// <exception cref="InvalidDataException">A document names one that is not among them.</exception>
    public static IReadOnlyList<DocumentChain> Of(IEnumerable<IssuedDocument> documents)
    {
        var byNumber = documents.ToDictionary(d => d.Number);
        var roots = new Dictionary<InvoiceNumber, InvoiceNumber>();
        foreach (var document in byNumber.Values)
        {
            roots[document.Number] = RootOf(document, byNumber);
        }

        return byNumber.Values
            .GroupBy(d => roots[d.Number])
            .OrderBy(g => g.Key)
            .Select(g => new DocumentChain(
                [.. g.OfType<Invoice>().OrderBy(d => d.Number)],
                [.. g.OfType<CreditNote>().OrderBy(d => d.Number)]))
            .ToArray();
    }

    /// <summary>The balance of every document of <paramref name="documents"/>, in number order: a year's ledger.</summary>
    public static IReadOnlyList<DocumentBalance> BalancesOf(IEnumerable<IssuedDocument> documents) =>
        [.. Of(documents).SelectMany(c => c.Balances).OrderBy(b => b.Document.Number)];

    /// <summary>
    /// The invoice at the start of <paramref name="document"/>'s chain. Only an invoice can end the walk: a credit note
    /// always names another document (<see cref="CreditNote.Credits"/>), so no chain has a credit note for a root.
    /// </summary>
    private static InvoiceNumber RootOf(IssuedDocument document, Dictionary<InvoiceNumber, IssuedDocument> byNumber)
    {
        var current = document;
        for (var depth = 0; current.Corrects is { } corrects && corrects.Number != current.Number; depth++)
        {
            if (!byNumber.TryGetValue(corrects.Number, out var named) || depth > byNumber.Count)
            {
                throw new InvalidDataException($"Table Invoices: {current.Kind.ToText()} {current.Number} names invoice {corrects.Number}, which is not recorded.");
            }

            current = named;
        }

        return current.Number;
    }

    private static CreditPart[] Replay(IReadOnlyList<Invoice> invoices, IReadOnlyList<CreditNote> creditNotes)
    {
        var credited = invoices.ToDictionary(i => i.Number, _ => Money.Zero);
        var parts = new List<CreditPart>();
        foreach (var creditNote in creditNotes)
        {
            var named = creditNote.Credits.Number;
            var order = invoices.Where(i => i.Number == named)
                .Concat(invoices.Where(i => i.Number != named && i.Number < creditNote.Number).OrderByDescending(i => i.Number));
            var remaining = creditNote.Total;
            foreach (var invoice in order)
            {
                var open = invoice.Total - credited[invoice.Number];
                if (remaining == Money.Zero || open <= Money.Zero)
                {
                    continue;
                }

                var part = remaining < open ? remaining : open;
                credited[invoice.Number] += part;
                parts.Add(new CreditPart(creditNote, invoice.Number, part));
                remaining -= part;
            }

            if (remaining > Money.Zero)
            {
                // More credited than the chain was invoiced (only inconsistent data does this): kept on the named
                // invoice, so the chain's figures stay the sums of its rows and the excess shows as owed back.
                credited[named] += remaining;
                parts.Add(new CreditPart(creditNote, named, remaining));
            }
        }

        return [.. parts];
    }

    private static Settlement[] Settle(IReadOnlyList<Invoice> invoices, Dictionary<InvoiceNumber, Money> own)
    {
        var surplus = invoices.Where(i => own[i.Number] < Money.Zero).Select(i => (i.Number, Left: -own[i.Number])).ToList();
        var settlements = new List<Settlement>();
        var next = 0;
        foreach (var lacking in invoices.Where(i => own[i.Number] > Money.Zero))
        {
            var lacks = own[lacking.Number];
            while (lacks > Money.Zero && next < surplus.Count)
            {
                var (from, left) = surplus[next];
                var amount = left < lacks ? left : lacks;
                settlements.Add(new Settlement(from, lacking.Number, amount));
                lacks -= amount;
                surplus[next] = (from, left - amount);
                if (surplus[next].Left == Money.Zero)
                {
                    next++;
                }
            }
        }

        return [.. settlements];
    }
}

/// <summary>The part of <see cref="CreditNote"/> taken off <see cref="Invoice"/>.</summary>
public sealed record CreditPart(CreditNote CreditNote, InvoiceNumber Invoice, Money Amount);

/// <summary>Money invoice <see cref="From"/> received beyond what it asks for, settling what invoice <see cref="To"/> of its chain lacks.</summary>
public sealed record Settlement(InvoiceNumber From, InvoiceNumber To, Money Amount);

/// <summary>
/// One document as its chain sees it: an <see cref="InvoiceBalance"/> or a <see cref="CreditNoteBalance"/>.
/// <see cref="Remaining"/> is what is still to pay on it (negative: owed back on it).
/// </summary>
public abstract record DocumentBalance(Money Credited, Money Settled, Money Remaining)
{
    public abstract IssuedDocument Document { get; }

    /// <summary>What the document asks for after its credits.</summary>
    public abstract Money Asked { get; }

    public abstract Money Paid { get; }

    public abstract Money Refunded { get; }

    /// <summary>What the party still has to pay on this document: what is reminded.</summary>
    public Money Due => Remaining > Money.Zero ? Remaining : Money.Zero;

    /// <summary>What the issuer owes the party back on this document.</summary>
    public Money RefundOwed => Remaining < Money.Zero ? -Remaining : Money.Zero;

    public abstract PaymentStatus Status { get; }
}

/// <summary>
/// An invoice as its chain sees it: <see cref="DocumentBalance.Credited"/> is what credit notes took off it,
/// <see cref="DocumentBalance.Settled"/> what its chain's other invoices' surplus paid of it (negative: what its own
/// surplus paid of theirs), and <see cref="DocumentBalance.Remaining"/> what is still to pay on it (negative: owed back on it).
/// </summary>
public sealed record InvoiceBalance(Invoice Invoice, Money Credited, Money Settled, Money Remaining) : DocumentBalance(Credited, Settled, Remaining)
{
    public override IssuedDocument Document => Invoice;

    public override Money Asked => Invoice.Total - Credited;

    public override Money Paid => Invoice.AmountPaid;

    public override Money Refunded => Invoice.Refunded;

    public override PaymentStatus Status => PaymentStatuses.For(Asked, Remaining);
}

/// <summary>A credit note as its chain sees it: it asks for nothing, is paid nothing and has nothing remaining; it is <see cref="PaymentStatus.Issued"/>.</summary>
public sealed record CreditNoteBalance(CreditNote CreditNote) : DocumentBalance(Money.Zero, Money.Zero, Money.Zero)
{
    public override IssuedDocument Document => CreditNote;

    public override Money Asked => Money.Zero;

    public override Money Paid => Money.Zero;

    public override Money Refunded => Money.Zero;

    public override PaymentStatus Status => PaymentStatus.Issued;
}

/// <summary>A chain as one debt: what its invoices asked for, its credit notes took off, was paid, refunded, and what is left.</summary>
public sealed record ChainBalance(Money Invoiced, Money Credited, Money Paid, Money Refunded)
{
    public Money Asked => Invoiced - Credited;

    /// <summary>Still to pay; negative when more was received than the chain asks for.</summary>
    public Money Remaining => Asked - Paid + Refunded;

    public Money Due => Remaining > Money.Zero ? Remaining : Money.Zero;

    public Money RefundOwed => Remaining < Money.Zero ? -Remaining : Money.Zero;

    public PaymentStatus Status => PaymentStatuses.For(Asked, Remaining);
}
