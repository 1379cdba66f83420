using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.EInvoices;

/// <summary>
/// Writes an <see cref="InvoiceDocument"/> as a UBL 2.1 <c>Invoice</c> (380) or <c>CreditNote</c> (381) per
/// Peppol BIS Billing 3.0. A pure function of the document model, like the PDF: same model, same bytes.
/// <list type="bullet">
/// <item>Contributions are outside the scope of VAT: one VAT breakdown in category <c>O</c> with the issuer's
/// VAT text as exemption reason, no VAT identifiers anywhere (BR-O-*).</item>
/// <item>The seller is identified by its organisation number (BT-30, scheme 0007) and reached at it (BT-34).</item>
/// <item>Invoices are paid by credit transfer to bankgiro: payment means 30, account = the bankgiro digits,
/// branch <c>SE:BANKGIRO</c>, and the OCR reference in <c>PaymentID</c> (BT-83); the due date is BT-9.</item>
/// <item>Each line carries the basis of its amount (population share) and the decision that made the document as
/// its note (BT-127): a revision's credit note or supplementary invoice names the revision's decision.</item>
/// <item>A credit note names the invoice it corrects in <c>BillingReference</c> (BT-25, BT-26).</item>
/// <item>Each of the document's attachments (the specification of the share) is an
/// <c>AdditionalDocumentReference</c> (BG-24) with the file embedded in base64 (BT-125).</item>
/// </list>
/// Element order follows the UBL 2.1 schemas; the tests validate the output against them and both schematrons.
/// </summary>
public static class UblWriter
{
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    public const string Currency = "SEK";
    public const string ContentType = "application/xml";

    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>The UBL document, UTF-8 without BOM. Throws when <see cref="EInvoiceEligibility"/> says it cannot be one.</summary>
    public static byte[] Write(InvoiceDocument document)
    {
        if (EInvoiceEligibility.WhyNot(document) is { } reason)
        {
            throw new InvalidOperationException($"Document {document.InvoiceNumber}: {reason}.");
        }

        var isCreditNote = document.Kind == DocumentKind.CreditNote;
        XNamespace root = isCreditNote ? CreditNoteNs : InvoiceNs;
        var content = new List<object?>
        {
            new XAttribute(XNamespace.Xmlns + "cac", Cac),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", document.InvoiceNumber),
            new XElement(Cbc + "IssueDate", Date(document.IssueDate)),
            isCreditNote ? null : new XElement(Cbc + "DueDate", Date(document.DueDate)),
            new XElement(Cbc + (isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"), document.Kind.UnclTypeCode().ToString(CultureInfo.InvariantCulture)),
            new XElement(Cbc + "Note", DocumentNote(document)),
            new XElement(Cbc + "DocumentCurrencyCode", Currency),
            new XElement(Cbc + "BuyerReference", document.Buyer.BuyerReference!.Trim()),
            // BT-25/26: a credit note names the invoice it credits; a supplementary invoice the one it adds to.
            document.Corrects is { } preceding
                ? new XElement(
                    Cac + "BillingReference",
                    new XElement(
                        Cac + "InvoiceDocumentReference",
                        new XElement(Cbc + "ID", preceding.Number.ToString()),
                        new XElement(Cbc + "IssueDate", Date(preceding.IssueDate))))
                : null,
            // BG-24: after the document references the schemas put before it (ContractDocumentReference), before the parties.
            document.Attachments.Select(Attachment),
            Supplier(document),
            Customer(document.Buyer),
            isCreditNote ? null : PaymentMeans(document),
            new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note", PaymentTermsNote(document))),
            TaxTotal(document),
            new XElement(
                Cac + "LegalMonetaryTotal",
                Amount("LineExtensionAmount", document.Net),
                Amount("TaxExclusiveAmount", document.Net),
                Amount("TaxInclusiveAmount", document.Total),
                Amount("PayableAmount", document.Total)),
        };
        content.AddRange(document.Lines.Select((line, index) => Line(document, line, index + 1, isCreditNote)));

        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(root + (isCreditNote ? "CreditNote" : "Invoice"), content));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            xml.Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>
    /// BT-22: what the document is about and, on a credit note or supplementary invoice, why — the revision's
    /// decision, as the PDF's "Anledning" line says it; a Peppol receiver sees only this document.
    /// </summary>
    private static string DocumentNote(InvoiceDocument document)
    {
        var note = "Avser: " + document.Subject;
        if (!string.IsNullOrWhiteSpace(document.Reason))
        {
            note += ". Anledning: " + document.Reason.Trim();
        }

        if (document.Seller.IsExample)
        {
            note += ". EXEMPEL: säljarens uppgifter är exempel, detta är ingen riktig faktura.";
        }

        return note;
    }

    private static string PaymentTermsNote(InvoiceDocument document) => document.Kind == DocumentKind.CreditNote
        ? $"Kreditering av faktura {document.Corrects!.Number}."
        : document.Seller.Terms.PaymentTermsDays == 1 ? "1 dag netto" : $"{document.Seller.Terms.PaymentTermsDays} dagar netto";

    /// <summary>
    /// BG-24 with the file embedded: Peppol allows the MIME codes of its list (text/csv among them) and asks for a file
    /// name; no document type code, which BIS keeps for the invoiced object (130).
    /// </summary>
    private static XElement Attachment(DocumentAttachment attachment) => new(
        Cac + "AdditionalDocumentReference",
        new XElement(Cbc + "ID", attachment.Id),
        new XElement(Cbc + "DocumentDescription", attachment.Description),
        new XElement(
            Cac + "Attachment",
            new XElement(
                Cbc + "EmbeddedDocumentBinaryObject",
                new XAttribute("mimeCode", attachment.MimeCode),
                new XAttribute("filename", attachment.FileName),
                Convert.ToBase64String(attachment.Content))));

    private static XElement Supplier(InvoiceDocument document)
    {
        var seller = document.Seller;
        var orgNumber = seller.OrganisationNumber.Digits;
        return new XElement(
            Cac + "AccountingSupplierParty",
            new XElement(
                Cac + "Party",
                new XElement(Cbc + "EndpointID", new XAttribute("schemeID", PeppolEndpoint.OrganisationNumberScheme), orgNumber),
                new XElement(Cac + "PartyName", new XElement(Cbc + "Name", seller.Name)),
                PostalAddress(seller.AddressLines),
                LegalEntity(seller.Name, orgNumber),
                new XElement(
                    Cac + "Contact",
                    new XElement(Cbc + "Name", seller.ContactName),
                    new XElement(Cbc + "Telephone", seller.ContactPhone),
                    new XElement(Cbc + "ElectronicMail", seller.ContactEmail))));
    }

    private static XElement Customer(DocumentBuyer buyer)
    {
        var orgNumber = string.IsNullOrWhiteSpace(buyer.OrganisationNumber) ? (OrganisationNumber?)null : new OrganisationNumber(buyer.OrganisationNumber);
        var endpoint = buyer.Endpoint ?? PeppolEndpoint.ForOrganisation(orgNumber!.Value);
        return new XElement(
            Cac + "AccountingCustomerParty",
            new XElement(
                Cac + "Party",
                new XElement(Cbc + "EndpointID", new XAttribute("schemeID", endpoint.Scheme), endpoint.Identifier),
                new XElement(Cac + "PartyName", new XElement(Cbc + "Name", buyer.Name)),
                PostalAddress(buyer.AddressLines),
                orgNumber is { } known
                    ? LegalEntity(buyer.Name, known.Digits)
                    : new XElement(Cac + "PartyLegalEntity", new XElement(Cbc + "RegistrationName", buyer.Name))));
    }

    private static XElement PostalAddress(IReadOnlyList<string> addressLines)
    {
        var address = UblAddress.From(addressLines);
        return new XElement(
            Cac + "PostalAddress",
            Optional("StreetName", address.Street),
            Optional("AdditionalStreetName", address.AdditionalStreet),
            Optional("CityName", address.City),
            Optional("PostalZone", address.PostalZone),
            address.Line is null ? null : new XElement(Cac + "AddressLine", new XElement(Cbc + "Line", address.Line)),
            new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", "SE")));
    }

    private static XElement LegalEntity(string name, string orgNumberDigits) => new(
        Cac + "PartyLegalEntity",
        new XElement(Cbc + "RegistrationName", name),
        new XElement(Cbc + "CompanyID", new XAttribute("schemeID", PeppolEndpoint.OrganisationNumberScheme), orgNumberDigits));

    private static XElement PaymentMeans(InvoiceDocument document) => new(
        Cac + "PaymentMeans",
        new XElement(Cbc + "PaymentMeansCode", new XAttribute("name", "Credit transfer"), "30"),
        new XElement(Cbc + "PaymentID", document.Ocr.Value),
        new XElement(
            Cac + "PayeeFinancialAccount",
            new XElement(Cbc + "ID", document.Seller.Bankgiro.Digits),
            new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", "SE:BANKGIRO"))));

    private static XElement TaxTotal(InvoiceDocument document) => new(
        Cac + "TaxTotal",
        Amount("TaxAmount", Money.Zero),
        new XElement(
            Cac + "TaxSubtotal",
            Amount("TaxableAmount", document.Net),
            Amount("TaxAmount", Money.Zero),
            new XElement(
                Cac + "TaxCategory",
                new XElement(Cbc + "ID", "O"),
                new XElement(Cbc + "TaxExemptionReason", document.Seller.Terms.VatText),
                VatScheme())));

    private static XElement Line(InvoiceDocument document, DocumentLine line, int number, bool isCreditNote)
    {
        // A price is never negative (BR-27): a negative line is quantity -1 at a positive price.
        var quantity = line.Amount < Money.Zero ? "-1" : "1";
        var price = line.Amount < Money.Zero ? -line.Amount : line.Amount;
        var note = string.IsNullOrWhiteSpace(document.DecisionNote) ? line.Description : line.Description + ". " + document.DecisionNote.Trim();
        return new XElement(
            Cac + (isCreditNote ? "CreditNoteLine" : "InvoiceLine"),
            new XElement(Cbc + "ID", number.ToString(CultureInfo.InvariantCulture)),
            new XElement(Cbc + "Note", note),
            new XElement(Cbc + (isCreditNote ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", "C62"), quantity),
            Amount("LineExtensionAmount", line.Amount),
            new XElement(
                Cac + "Item",
                new XElement(Cbc + "Name", ItemName(line.Description)),
                new XElement(Cac + "ClassifiedTaxCategory", new XElement(Cbc + "ID", "O"), VatScheme())),
            new XElement(Cac + "Price", Amount("PriceAmount", price)));
    }

    /// <summary>The line's text before its basis ("Bidrag 2026, Kommunernas bidrag Gävleborg: 1 234 av …").</summary>
    private static string ItemName(string description)
    {
        var colon = description.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? description[..colon].Trim() : description.Trim();
    }

    private static XElement VatScheme() => new(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT"));

    private static XElement Amount(string name, Money amount) =>
        new(Cbc + name, new XAttribute("currencyID", Currency), amount.ToInvariantString());

    private static XElement? Optional(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : new XElement(Cbc + name, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
