using Invoicing.Documents;
using Invoicing.Issuers;

namespace Invoicing.Tests.Documents;

/// <summary>A valid invoice document with fictional parties; each With… changes one thing.</summary>
internal sealed class InvoiceDocumentBuilder
{
    /// <summary>Bankgirot's published example number.</summary>
    public const string ExampleBankgiro = "991-2346";

    private bool _isExample;
    private string _sellerName = "Mälardalens kommunförbund";
    private string _buyerName = "Köpinge kommun";
    private string? _buyerOrganisationNumber = WithCheckDigit("212000111");
    private string? _buyerReference = "Anna Andersson, kommunledningskontoret";
    private string _invoiceNumber = "MKF-2026-0001";
    private OcrReference _ocr = OcrReference.Create("202600001");
    private DateOnly _issueDate = new(2026, 3, 1);
    private DateOnly _dueDate = new(2026, 3, 31);
    private string _subject = "Medlemsbidrag 2026";
    private IReadOnlyList<string> _sellerAddress = ["Box 123", "721 87 Västerås"];
    private IReadOnlyList<string> _buyerAddress = ["Kommunhuset", "Storgatan 1", "731 85 Köpinge"];
    private Invoicing.Parties.PeppolEndpoint? _buyerEndpoint;
    private DocumentKind _kind = DocumentKind.Invoice;
    private DocumentReference? _preceding;
    private string? _decisionNote;
    private List<DocumentLine> _lines =
    [
        new(
            $"Bidrag 2026, Västmanlands kommuner: {SwedishFormat.Integer(161_236)} av {SwedishFormat.Integer(280_999)} invånare " +
            $"({SwedishFormat.PerMille(574)}) av {SwedishFormat.WholeKronor(Money.FromKronor(75_000))}",
            new Money(4_303_500)),
    ];

    /// <summary>A fictional, Luhn-valid organisation number: 222222-2222.</summary>
    public static string SellerOrganisationNumber => WithCheckDigit("222222222");

    public InvoiceDocumentBuilder AsExample(bool isExample = true)
    {
        _isExample = isExample;
        return this;
    }

    public InvoiceDocumentBuilder WithSellerName(string name)
    {
        _sellerName = name;
        return this;
    }

    public InvoiceDocumentBuilder WithBuyerName(string name)
    {
        _buyerName = name;
        return this;
    }

    public InvoiceDocumentBuilder WithBuyerOrganisationNumber(string? organisationNumber)
    {
        _buyerOrganisationNumber = organisationNumber;
        return this;
    }

    public InvoiceDocumentBuilder WithBuyerReference(string? reference)
    {
        _buyerReference = reference;
        return this;
    }

    public InvoiceDocumentBuilder WithInvoiceNumber(string number)
    {
        _invoiceNumber = number;
        return this;
    }

    public InvoiceDocumentBuilder WithOcr(OcrReference ocr)
    {
        _ocr = ocr;
        return this;
    }

    public InvoiceDocumentBuilder WithDates(DateOnly issueDate, DateOnly dueDate)
    {
        _issueDate = issueDate;
        _dueDate = dueDate;
        return this;
    }

    public InvoiceDocumentBuilder WithSubject(string subject)
    {
        _subject = subject;
        return this;
    }

    public InvoiceDocumentBuilder WithAddresses(IReadOnlyList<string> seller, IReadOnlyList<string> buyer)
    {
        _sellerAddress = seller;
        _buyerAddress = buyer;
        return this;
    }

    public InvoiceDocumentBuilder WithBuyerEndpoint(Invoicing.Parties.PeppolEndpoint? endpoint)
    {
        _buyerEndpoint = endpoint;
        return this;
    }

    /// <summary>A credit note correcting <paramref name="invoiceNumber"/> of <paramref name="invoiceIssueDate"/>.</summary>
    public InvoiceDocumentBuilder AsCreditNoteFor(string invoiceNumber, DateOnly invoiceIssueDate)
    {
        _kind = DocumentKind.CreditNote;
        _preceding = new DocumentReference(Invoicing.InvoiceNumber.Parse(invoiceNumber), invoiceIssueDate);
        return this;
    }

    public InvoiceDocumentBuilder WithDecisionNote(string? note)
    {
        _decisionNote = note;
        return this;
    }

    public InvoiceDocumentBuilder WithLines(params DocumentLine[] lines)
    {
        _lines = [.. lines];
        return this;
    }

    public InvoiceDocument Build()
    {
        var seller = Issuer.FromOptions(new IssuerOptions
        {
            Id = "MKF",
            Name = _sellerName,
            AddressLines = [.. _sellerAddress],
            OrganisationNumber = SellerOrganisationNumber,
            Bankgiro = ExampleBankgiro,
            ContactName = "Eva Ekonom",
            ContactPhone = "021-10 00 00",
            ContactEmail = "ekonomi@example.se",
            PaymentTermsDays = 30,
            IsExample = _isExample,
        });
        var buyer = new DocumentBuyer(_buyerName, _buyerAddress, _buyerOrganisationNumber, _buyerReference) { Endpoint = _buyerEndpoint };
        var net = Money.Sum(_lines.Select(l => l.Amount));
        var vat = seller.Terms.VatOn(net);
        return new InvoiceDocument(seller, buyer, _invoiceNumber, _ocr, _issueDate, _dueDate, _subject, _lines, net, vat, net + vat)
        {
            Kind = _kind,
            Corrects = _preceding,
            DecisionNote = _decisionNote,
        };
    }

    private static string WithCheckDigit(string nineDigits)
    {
        var digits = nineDigits + Luhn.CheckDigit(nineDigits).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return digits[..6] + "-" + digits[6..];
    }
}
