using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Documents;
using Invoicing.EInvoices;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Tests.Builders;
using Invoicing.Tests.Documents;

namespace Invoicing.Tests.EInvoices;

/// <summary>The documents the conformance test validates: the demo's invoices, credit notes and edge cases.</summary>
internal static class GeneratedDocuments
{
    /// <summary>
    /// The bundled budget approved as the demo approves it, composed with the example issuer of
    /// <c>appsettings.json</c> and numbers 202600001… as the annual run gives them.
    /// </summary>
    public static IReadOnlyList<InvoiceDocument> DemoInvoices()
    {
        var (budget, plan, issuer) = Demo();
        return plan.Invoices
            .Select((planned, index) => InvoiceComposer.Compose(budget, planned, issuer, Reservation(budget, planned.Debtor.Code, index + 1)).Document)
            .ToArray();
    }

    /// <summary>
    /// The credit note that voids the demo's first invoice, composed as <see cref="InvoiceVoiding"/> plans it: its lines
    /// as "Makulering av faktura …", the reason, the next number, and no budget decision as its basis.
    /// </summary>
    public static InvoiceDocument DemoVoid()
    {
        var (budget, plan, issuer) = Demo();
        var planned = plan.Invoices[0];
        var invoice = InvoiceComposer.Compose(budget, planned, issuer, Reservation(budget, planned.Debtor.Code, 1)).Issued;
        var lines = invoice.Lines.Select(l => new PlannedInvoiceLine(l.BudgetLineNumber, $"Makulering av faktura {invoice.Number}: {l.Description}", l.Amount)).ToArray();
        var voiding = new PlannedDocument(planned.Debtor, DocumentKind.CreditNote, lines, 0, new DocumentReference(invoice.Number, invoice.IssueDate), "Fakturerad av misstag & <till fel part>")
        {
            Voids = invoice.Number,
        };
        return InvoiceComposer.Compose(budget, voiding, issuer, Reservation(budget, planned.Debtor.Code, plan.Invoices.Count + 1)).Document;
    }

    /// <summary>
    /// A revision's credit note as <see cref="ChangePlanner"/> makes one for a party whose share fell: part of the
    /// demo's Håbo invoice credited under revision 1's decision, carrying Håbo's share's specification.
    /// </summary>
    public static InvoiceDocument DemoRevisionCreditNote()
    {
        var (budget, plan, issuer) = Demo();
        var index = plan.Invoices.ToList().FindIndex(p => p.Debtor.Code.Value == "0305");
        var planned = plan.Invoices[index];
        var invoice = InvoiceComposer.Compose(budget, planned, issuer, Reservation(budget, planned.Debtor.Code, index + 1)).Issued;
        var lines = planned.Lines.Select(l => new PlannedInvoiceLine(l.BudgetLineNumber, $"Kreditering enligt budgetrevision 1: {l.Description}", new Money(l.Amount.Ore / 10), l.Population)).ToArray();
        var revision = new BudgetDecision(new DateOnly(2026, 3, 2), "Samverkansforum PoM §4");
        var credit = new PlannedDocument(planned.Debtor, DocumentKind.CreditNote, lines, 1, new DocumentReference(invoice.Number, invoice.IssueDate), "Budgetrevision 1, beslut 2026-03-02 (Samverkansforum PoM §4)")
        {
            Decision = revision,
            Specification = planned.Specification,
        };
        return InvoiceComposer.Compose(budget, credit, issuer, Reservation(budget, planned.Debtor.Code, plan.Invoices.Count + 2)).Document;
    }

    private static InvoiceReservation Reservation(Budget budget, PartyCode debtor, int sequence)
    {
        var issueDate = new DateOnly(2026, 1, 15);
        return new InvoiceReservation(budget.Scheme, debtor, new InvoiceNumber(2026, sequence), issueDate, issueDate.AddDays(30));
    }

    /// <summary>The bundled budget approved on 2025-12-15, its plan (each share with its specification) and the example issuer.</summary>
    public static (Budget Budget, InvoicePlan Plan, Issuer Issuer) Demo()
    {
        var dataset = DatasetLoader.Load(RepositoryPaths.BundledDataset);
        var allocation = BudgetAllocator.Allocate(
            dataset.Budget, dataset.Parties.ToDictionary(p => p.Code), dataset.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal));
        var plan = allocation.ToInvoicePlan();
        var budget = dataset.Budget.Approve(new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM, budgetmöte"), plan.Fingerprint());
        var issuer = Issuer.FromOptions(new IssuerOptions
        {
            Id = "vasteras-stad",
            Name = "Västerås stad",
            AddressLines = ["Regionkoordinatorer mot prostitution och människohandel", "Box 0000 (exempeladress)", "721 00 Västerås"],
            OrganisationNumber = "212000-0001",
            Bankgiro = "991-2346",
            ContactName = "Ekonomiservice (exempel)",
            ContactPhone = "021-00 00 00",
            ContactEmail = "faktura@example.se",
            PaymentTermsDays = 30,
            IsExample = true,
        });
        return (budget, plan, issuer);
    }

    /// <summary>Names with XML's special characters, long names, å/ä/ö, 1 öre and large amounts, GLN endpoints, credit notes.</summary>
    public static IReadOnlyList<(string Name, InvoiceDocument Document)> EdgeCases()
    {
        var longName = "Samordningsförbundet för regionala koordinatorer mot prostitution och människohandel i Mellansverige, " +
            "Gävleborgs, Uppsala och Västmanlands län (gemensam nämnd enligt kommunallagen 9 kap. 19 §)";
        return
        [
            ("special-characters", new InvoiceDocumentBuilder()
                .WithSellerName("Kommunförbundet \"Mitt\" & Co <Öst> 'AB'")
                .WithBuyerName("Åre & Älvdalen <samverkan> \"Öst\" 'väst'")
                .WithBuyerReference("Ref & <42> \"å\" 'ä'")
                .WithSubject("Bidrag & avgifter <2026> \"Östra\" 'Ängen'")
                .WithLines(new DocumentLine("Bidrag 2026, R&D <test>: \"ö\" 'ä' & å", new Money(12_345_67)))
                .WithDecisionNote("Beslut 2025-12-15, Förbundsstyrelsen & <presidiet> \"§ 12\"")
                .Build()),
            ("long-names", new InvoiceDocumentBuilder()
                .WithSellerName(longName)
                .WithBuyerName(longName + " – köparen")
                .WithBuyerReference(new string('Ö', 100))
                .WithAddresses(
                    ["Regionkoordinatorer mot prostitution och människohandel, Västerås stad", "Stadshuset, Fiskartorget 1", "Avdelning för ekonomi", "Plan 4", "721 87 Västerås"],
                    ["Kommunledningskontoret, ekonomiavdelningen, leverantörsreskontra", "Box 1", "Fakturaskanning", "Extra rad", "Ytterligare rad", "80187 Gävle"])
                .WithLines(Enumerable.Range(1, 12).Select(i => new DocumentLine($"Bidrag 2026, delpost {i} av en mycket lång beskrivning om fördelningen efter folkmängd: {i} av 12 delar", new Money(i * 1_000_00))).ToArray())
                .Build()),
            ("one-ore", new InvoiceDocumentBuilder().WithBuyerName("Östra Göinge kommun").WithLines(new DocumentLine("Bidrag 2026, avrundning: 1 öre", new Money(1))).Build()),
            ("large-amount", new InvoiceDocumentBuilder()
                .WithLines(
                    new DocumentLine("Bidrag 2026, stora poolen", new Money(999_999_999_999_99)),
                    new DocumentLine("Bidrag 2026, tillägg", new Money(1)))
                .Build()),
            ("gln-endpoint-no-address", new InvoiceDocumentBuilder()
                .WithBuyerEndpoint(PeppolEndpoint.Parse("0088:7300010000001", null))
                .WithAddresses(["721 87 Västerås"], [])
                .Build()),
            ("negative-line", new InvoiceDocumentBuilder()
                .WithLines(new DocumentLine("Bidrag 2026, årets andel", new Money(50_000_00)), new DocumentLine("Avräkning, överskott 2025", new Money(-12_500_50)))
                .Build()),
            ("credit-note", new InvoiceDocumentBuilder()
                .WithInvoiceNumber("202600014")
                .WithLines(new DocumentLine("Kreditering av bidrag 2026, Gävleborgs kommuner: 1 av 75 000 kr", new Money(43_035_00)))
                .WithDecisionNote("Beslut 2026-03-01, Samverkansforum PoM, revidering")
                .AsCreditNoteFor("202600013", new DateOnly(2026, 1, 15))
                .Build()),
            ("credit-note-one-ore-special", new InvoiceDocumentBuilder()
                .WithBuyerName("Håbo & <Knivsta> \"ÅÄÖ\"")
                .WithLines(new DocumentLine("Kreditering: 1 öre", new Money(1)))
                .AsCreditNoteFor("202600001", new DateOnly(2026, 1, 15))
                .Build()),
        ];
    }

    public static IEnumerable<(string Name, byte[] Xml)> AllAsUbl(out int ineligible)
    {
        var demo = DemoInvoices();
        ineligible = demo.Count(d => EInvoiceEligibility.WhyNot(d) is not null);
        return demo.Where(d => EInvoiceEligibility.WhyNot(d) is null)
            .Select(d => ($"demo-{d.InvoiceNumber}.xml", UblWriter.Write(d)))
            .Concat(EdgeCases().Select(e => ($"edge-{e.Name}.xml", UblWriter.Write(e.Document))))
            .Append(("void-credit-note.xml", UblWriter.Write(DemoVoid())))
            .Append(("revision-credit-note-with-specification.xml", UblWriter.Write(DemoRevisionCreditNote())))
            .ToArray();
    }
}
