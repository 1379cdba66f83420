using System.Xml.Linq;
using Invoicing.Documents;
using Invoicing.EInvoices;
using Invoicing.Parties;
using Invoicing.Tests.Documents;

namespace Invoicing.Tests.EInvoices;

/// <summary>What the UBL says, field by field; <see cref="PeppolConformanceTests"/> checks it against the official rules.</summary>
public sealed class UblWriterTests
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private static XElement Parse(InvoiceDocument document) => XDocument.Load(new MemoryStream(UblWriter.Write(document))).Root!;

    private static string Value(XElement root, params string[] path)
    {
        var element = root;
        foreach (var step in path)
        {
            var (ns, name) = step.StartsWith("cbc:", StringComparison.Ordinal) ? (Cbc, step[4..]) : (Cac, step[4..]);
            element = element.Element(ns + name) ?? throw new InvalidOperationException($"no {step} under {element.Name.LocalName}");
        }

        return element.Value;
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var document = new InvoiceDocumentBuilder().Build();

        Assert.Equal(UblWriter.Write(document), UblWriter.Write(document));
    }

    [Fact]
    public void An_invoice_is_a_peppol_bis_3_invoice_380_with_buyer_reference_due_date_and_sek()
    {
        var root = Parse(new InvoiceDocumentBuilder().WithInvoiceNumber("202600014").WithDates(new(2026, 1, 20), new(2026, 2, 19)).Build());

        Assert.Equal("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", root.Name.NamespaceName);
        Assert.Equal("Invoice", root.Name.LocalName);
        Assert.Equal(UblWriter.CustomizationId, Value(root, "cbc:CustomizationID"));
        Assert.Equal(UblWriter.ProfileId, Value(root, "cbc:ProfileID"));
        Assert.Equal("202600014", Value(root, "cbc:ID"));
        Assert.Equal("380", Value(root, "cbc:InvoiceTypeCode"));
        Assert.Equal(("2026-01-20", "2026-02-19"), (Value(root, "cbc:IssueDate"), Value(root, "cbc:DueDate")));
        Assert.Equal("SEK", Value(root, "cbc:DocumentCurrencyCode"));
        Assert.Equal("Anna Andersson, kommunledningskontoret", Value(root, "cbc:BuyerReference"));
    }

    [Fact]
    public void Payment_is_credit_transfer_30_to_the_bankgiro_with_the_ocr_as_payment_id()
    {
        var root = Parse(new InvoiceDocumentBuilder().WithOcr(OcrReference.Create("202600014")).Build());

        Assert.Equal("30", Value(root, "cac:PaymentMeans", "cbc:PaymentMeansCode"));
        Assert.Equal("20260001415", Value(root, "cac:PaymentMeans", "cbc:PaymentID"));
        Assert.Equal("9912346", Value(root, "cac:PaymentMeans", "cac:PayeeFinancialAccount", "cbc:ID"));
        Assert.Equal("SE:BANKGIRO", Value(root, "cac:PaymentMeans", "cac:PayeeFinancialAccount", "cac:FinancialInstitutionBranch", "cbc:ID"));
    }

    [Fact]
    public void Contributions_are_vat_category_O_with_the_exemption_reason_and_no_vat_identifier_anywhere()
    {
        var document = new InvoiceDocumentBuilder().Build();
        var root = Parse(document);

        var category = root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cac + "TaxCategory")!;
        Assert.Equal("O", category.Element(Cbc + "ID")!.Value);
        Assert.Null(category.Element(Cbc + "Percent"));
        Assert.Equal(document.Seller.Terms.VatText, category.Element(Cbc + "TaxExemptionReason")!.Value);
        Assert.Equal("0.00", Value(root, "cac:TaxTotal", "cbc:TaxAmount"));
        Assert.Empty(root.Descendants(Cac + "PartyTaxScheme"));
        Assert.DoesNotContain(document.Seller.VatNumber, root.ToString(), StringComparison.Ordinal);
        Assert.All(root.Elements(Cac + "InvoiceLine"), l => Assert.Equal("O", Value(l, "cac:Item", "cac:ClassifiedTaxCategory", "cbc:ID")));
    }

    [Fact]
    public void Seller_is_identified_and_reached_by_org_number_and_buyer_by_its_endpoint_or_org_number()
    {
        var builder = new InvoiceDocumentBuilder();
        var byOrgNumber = Parse(builder.Build());
        var byGln = Parse(builder.WithBuyerEndpoint(PeppolEndpoint.Parse("0088:7300010000001", null)).Build());

        var seller = byOrgNumber.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        var sellerDigits = InvoiceDocumentBuilder.SellerOrganisationNumber.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(sellerDigits, Value(seller, "cac:PartyLegalEntity", "cbc:CompanyID"));
        Assert.Equal("0007", seller.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "CompanyID")!.Attribute("schemeID")!.Value);
        Assert.Equal(sellerDigits, Value(seller, "cbc:EndpointID"));
        var buyer = byOrgNumber.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        Assert.Equal("0007", buyer.Element(Cbc + "EndpointID")!.Attribute("schemeID")!.Value);
        Assert.Equal(("731 85", "Köpinge", "Kommunhuset", "Storgatan 1"), (
            Value(buyer, "cac:PostalAddress", "cbc:PostalZone"), Value(buyer, "cac:PostalAddress", "cbc:CityName"),
            Value(buyer, "cac:PostalAddress", "cbc:StreetName"), Value(buyer, "cac:PostalAddress", "cbc:AdditionalStreetName")));
        var glnBuyer = byGln.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!;
        Assert.Equal(("0088", "7300010000001"), (glnBuyer.Attribute("schemeID")!.Value, glnBuyer.Value));
    }

    [Fact]
    public void Each_line_carries_its_population_basis_and_the_decision_as_its_note()
    {
        var root = Parse(new InvoiceDocumentBuilder().WithDecisionNote("Beslut 2025-12-15, Samverkansforum PoM, budgetmöte").Build());

        var line = root.Element(Cac + "InvoiceLine")!;
        Assert.Equal(
            "Bidrag 2026, Västmanlands kommuner: 161\u00A0236 av 280\u00A0999 invånare (57,4\u00A0%) av 75\u00A0000\u00A0kr. Beslut 2025-12-15, Samverkansforum PoM, budgetmöte",
            Value(line, "cbc:Note"));
        Assert.Equal("Bidrag 2026, Västmanlands kommuner", Value(line, "cac:Item", "cbc:Name"));
        Assert.Equal(("1", "43035.00", "43035.00"), (Value(line, "cbc:InvoicedQuantity"), Value(line, "cbc:LineExtensionAmount"), Value(line, "cac:Price", "cbc:PriceAmount")));
    }

    [Fact]
    public void Amounts_are_exact_from_one_ore_to_large_sums_and_a_negative_line_is_quantity_minus_one_at_a_positive_price()
    {
        var root = Parse(new InvoiceDocumentBuilder()
            .WithLines(new DocumentLine("Stor", new Money(999_999_999_999_99)), new DocumentLine("Ett öre", new Money(1)), new DocumentLine("Avräkning", new Money(-50)))
            .Build());

        Assert.Equal("999999999999.50", Value(root, "cac:LegalMonetaryTotal", "cbc:PayableAmount"));
        var lines = root.Elements(Cac + "InvoiceLine").ToArray();
        Assert.Equal("0.01", Value(lines[1], "cbc:LineExtensionAmount"));
        Assert.Equal(("-1", "-0.50", "0.50"), (Value(lines[2], "cbc:InvoicedQuantity"), Value(lines[2], "cbc:LineExtensionAmount"), Value(lines[2], "cac:Price", "cbc:PriceAmount")));
    }

    [Fact]
    public void Xml_special_characters_in_names_survive_the_round_trip()
    {
        const string name = "Åre & Älvdalen <samverkan> \"Öst\" 'väst'";

        var root = Parse(new InvoiceDocumentBuilder().WithBuyerName(name).WithBuyerReference("<&>").Build());

        Assert.Equal(name, Value(root, "cac:AccountingCustomerParty", "cac:Party", "cac:PartyName", "cbc:Name"));
        Assert.Equal("<&>", Value(root, "cbc:BuyerReference"));
    }

    [Fact]
    public void A_credit_note_is_381_and_names_the_invoice_it_corrects_with_its_issue_date()
    {
        var root = Parse(new InvoiceDocumentBuilder().AsCreditNoteFor("202600013", new DateOnly(2026, 1, 15)).Build());

        Assert.Equal("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", root.Name.NamespaceName);
        Assert.Equal("381", Value(root, "cbc:CreditNoteTypeCode"));
        Assert.Equal("202600013", Value(root, "cac:BillingReference", "cac:InvoiceDocumentReference", "cbc:ID"));
        Assert.Equal("2026-01-15", Value(root, "cac:BillingReference", "cac:InvoiceDocumentReference", "cbc:IssueDate"));
        Assert.Single(root.Elements(Cac + "CreditNoteLine"));
        Assert.Null(root.Element(Cbc + "DueDate"));
        Assert.Null(root.Element(Cac + "PaymentMeans"));
    }

    [Theory]
    [InlineData("reference", "no buyer reference", "köparen har ingen köparreferens (Er referens)")]
    [InlineData("identity", "no organisation number or Peppol endpoint", "köparen har inget organisationsnummer och ingen Peppol-adress")]
    public void A_document_that_cannot_be_an_e_invoice_says_why_in_english_and_swedish_and_is_not_written(string missing, string why, string swedish)
    {
        var builder = new InvoiceDocumentBuilder();
        var document = missing == "reference" ? builder.WithBuyerReference(null).Build() : builder.WithBuyerOrganisationNumber(null).Build();

        Assert.Contains(why, EInvoiceEligibility.WhyNot(document), StringComparison.Ordinal);
        Assert.Equal(swedish, EInvoiceEligibility.InSwedish(EInvoiceEligibility.WhyNot(document)));
        var e = Assert.Throws<InvalidOperationException>(() => UblWriter.Write(document));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_without_the_invoice_it_corrects_cannot_be_an_e_invoice()
    {
        var document = new InvoiceDocumentBuilder().Build() with { Kind = DocumentKind.CreditNote };

        Assert.Contains("must name the invoice it corrects", EInvoiceEligibility.WhyNot(document), StringComparison.Ordinal);
        Assert.Equal("en kreditfaktura måste ange fakturan den rättar", EInvoiceEligibility.InSwedish(EInvoiceEligibility.WhyNot(document)));
    }

    [Fact]
    public void A_document_issued_before_e_invoices_or_with_a_reason_of_an_older_release_is_shown_as_recorded()
    {
        Assert.Equal("utfärdad före e-fakturor", EInvoiceEligibility.InSwedish(null));
        Assert.Equal("some reason of an older release", EInvoiceEligibility.InSwedish("some reason of an older release"));
    }
}
