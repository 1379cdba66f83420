using System.Text;
using System.Xml.Linq;
using CsCheck;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Csv;
using Invoicing.Documents;
using Invoicing.EInvoices;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Testing.Peppol;
using Invoicing.Tests.Builders;
using Invoicing.Tests.Invoices;

namespace Invoicing.Tests.EInvoices;

/// <summary>
/// The e-invoice carries how the party's share was computed as a CSV file (<see cref="ShareSpecificationCsv"/>): cut
/// from the same allocation as the document's lines, written for Swedish Excel, exact to the öre.
/// <see cref="PeppolConformanceTests"/> validates the documents carrying it against the official rules.
/// </summary>
public sealed class ShareSpecificationCsvTests
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    private static InvoiceDocument DemoInvoiceOf(string party) =>
        GeneratedDocuments.DemoInvoices().Single(d => d.Buyer.Name == GeneratedDocuments.Demo().Plan.Invoices.Single(p => p.Debtor.Code.Value == party).Debtor.Name);

    [Fact]
    public void A_demo_invoice_carries_its_share_s_specification_as_one_csv_attachment_that_decodes_to_the_written_file()
    {
        var (budget, plan, _) = GeneratedDocuments.Demo();
        var document = DemoInvoiceOf("0305");
        var ubl = UblWriter.Write(document);

        var attachment = Assert.Single(UblAttachments.Read(ubl));

        Assert.Equal(("Specifikation", "text/csv", $"specifikation-{document.InvoiceNumber}.csv"), (attachment.Id, attachment.MimeCode, attachment.FileName));
        var specification = plan.Invoices.Single(p => p.Debtor.Code.Value == "0305").Specification! with { Decision = budget.Decision, Revision = 0 };
        Assert.Equal(ShareSpecificationCsv.Write(specification), attachment.Content);
        Assert.Contains($"Summan av raderna med Er andel = ja är {SwedishFormat.Amount(document.Total)}", attachment.Description, StringComparison.Ordinal);

        // UBL's order: after the buyer reference (and any billing reference), right before the seller.
        var root = XDocument.Load(new MemoryStream(ubl)).Root!;
        var reference = root.Element(Cac + "AdditionalDocumentReference")!;
        Assert.Equal("AccountingSupplierParty", ((XElement)reference.NextNode!).Name.LocalName);
        Assert.Equal("BuyerReference", ((XElement)reference.PreviousNode!).Name.LocalName);
    }

    [Fact]
    public void The_csv_is_what_swedish_excel_opens_a_bom_semicolons_decimal_commas_crlf_and_the_party_s_own_rows_marked()
    {
        var (_, plan, _) = GeneratedDocuments.Demo();
        var specification = plan.Invoices.Single(p => p.Debtor.Code.Value == "1981").Specification! with
        {
            Decision = new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM, budgetmöte"),
        };

        var bytes = ShareSpecificationCsv.Write(specification);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(string.Join(';', ShareSpecificationCsv.Header), lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^1], line => Assert.Equal(ShareSpecificationCsv.Header.Count, line.Split(';').Length));

        // Sala's row of the Västmanland pool, as its invoice line says it: 22 672 of 280 999 inhabitants (8,1 %) of 75 000 kr.
        var sala = lines.Single(l => l.Contains(";1981;Sala kommun;", StringComparison.Ordinal));
        var share = ExcelCsv.Amount(specification.OwnShare(specification.Pools.Single()).Amount);
        Assert.Matches(@"^\d+;Västmanlands kommuner;folkmängd;75000,00;regionfakta\.com 2025-09 \(budget 2026 BILAGA 1\);2025-09-30;280999;1981;Sala kommun;22672;8,1;;;;", sala);
        Assert.EndsWith($";{share};ja;2025-12-15;Samverkansforum PoM, budgetmöte;0", sala, StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains(";ja;", StringComparison.Ordinal));
        Assert.Equal(10, lines.Count(l => l.Contains(";Västmanlands kommuner;", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_name_that_would_be_a_formula_stays_text()
    {
        var builder = new BudgetBuilder()
            .WithMunicipality("0101", "=HYPERLINK(\"x\")", "01", 1_000)
            .WithMunicipality("0102", "Kommun; norra", "01", 3_000)
            .WithCountyPool("01", 1_000, text: "+Pool");

        var csv = Encoding.UTF8.GetString(ShareSpecificationCsv.Write(ShareSpecification.Of(builder.Allocate(), new PartyCode("0101"))!));

        Assert.Contains(";'+Pool;", csv, StringComparison.Ordinal);
        Assert.Contains(";0101;\"'=HYPERLINK(\"\"x\"\")\";", csv, StringComparison.Ordinal);
        Assert.Contains(";0102;\"Kommun; norra\";", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_pool_s_rows_sum_exactly_to_the_pool_and_the_party_s_marked_rows_to_what_it_is_invoiced()
    {
        Gen.Select(Gen.Long[1, 2_000_000].Array[1, 12], Gen.Long[1, 100_000_000], Gen.Long[1, 10_000_000], Gen.Int[0, 11])
            .Sample(
                (populations, poolKronor, listedKronor, fixedIndex) =>
                {
                    var builder = new BudgetBuilder();
                    var codes = populations.Select((_, i) => $"01{i + 10:D2}").ToArray();
                    for (var i = 0; i < codes.Length; i++)
                    {
                        builder.WithMunicipality(codes[i], $"Kommun {i}", "01", populations[i]);
                    }

                    var allocation = builder
                        .WithCountyPool("01", poolKronor)
                        .WithListedPool(codes.Where((_, i) => i % 2 == 0), listedKronor, text: "Avtal & <övrigt>")
                        .WithFixedContribution(codes[fixedIndex % codes.Length], 12_345)
                        .Allocate();
                    var plan = allocation.ToInvoicePlan();
                    foreach (var invoice in plan.Invoices)
                    {
                        var table = CsvTable.Parse("specifikation", Text(ShareSpecificationCsv.Write(invoice.Specification!)));
                        foreach (var pool in table.Rows.GroupBy(r => table.Field(r, "Budgetrad")).Where(g => table.Field(g.First(), "Fördelning") != "fast belopp"))
                        {
                            var sum = Money.Sum(pool.Select(r => Amount(table.Field(r, "Belopp"))));
                            Assert.Equal(Amount(table.Field(pool.First(), "Radens belopp")), sum);
                            Assert.Single(pool, r => table.Field(r, "Er andel") == "ja");
                            Assert.Equal(
                                pool.Sum(r => long.Parse(table.Field(r, "Befolkning"), System.Globalization.CultureInfo.InvariantCulture)),
                                long.Parse(table.Field(pool.First(), "Total befolkning"), System.Globalization.CultureInfo.InvariantCulture));
                        }

                        var own = Money.Sum(table.Rows.Where(r => table.Field(r, "Er andel") == "ja").Select(r => Amount(table.Field(r, "Belopp"))));
                        Assert.Equal(invoice.Net, own);
                        Assert.Equal(invoice.Net, invoice.Specification!.Total);
                    }
                },
                iter: 300);
    }

    [Fact]
    public void A_share_of_fixed_contributions_only_and_a_void_carry_no_specification()
    {
        var (_, plan, _) = GeneratedDocuments.Demo();
        var fixedOnly = plan.Invoices.Where(p => p.Specification is { Pools.Count: 0 }).Select(p => p.Debtor.Name).ToHashSet();

        Assert.NotEmpty(fixedOnly);
        Assert.All(GeneratedDocuments.DemoInvoices().Where(d => fixedOnly.Contains(d.Buyer.Name)), d => Assert.Empty(d.Attachments));
        Assert.All(GeneratedDocuments.DemoInvoices().Where(d => !fixedOnly.Contains(d.Buyer.Name)), d => Assert.Single(d.Attachments));
        Assert.Empty(GeneratedDocuments.DemoVoid().Attachments);
        Assert.Empty(UblAttachments.Read(UblWriter.Write(GeneratedDocuments.DemoVoid())));
    }

    [Fact]
    public void A_revision_s_credit_notes_carry_the_share_after_the_revision_on_its_decision_and_a_party_that_left_none()
    {
        var issued = new IssuedDocuments();
        var codes = new[] { "1980", "1984", "1982", "1961", "1960", "1983", "1962", "1981", "1904", "1907" };
        InvoicePlan Plan(long pool, IEnumerable<string> participants) => BudgetBuilder.Vastmanland().WithListedPool(participants, pool).Allocate().ToInvoicePlan();
        issued.IssueRevision(Plan(75_000, codes), 0);
        var revised = Plan(60_000, codes.Where(c => c != "1904"));

        var documents = issued.IssueRevision(revised, 1);

        var left = Assert.Single(documents, d => d.Debtor.Code.Value == "1904");
        Assert.Null(left.Specification);
        var sala = Assert.Single(documents, d => d.Debtor.Code.Value == "1981");
        Assert.Equal(DocumentKind.CreditNote, sala.Kind);
        Assert.Same(revised.Invoices.Single(p => p.Debtor.Code.Value == "1981").Specification, sala.Specification);
        Assert.Equal(Money.FromKronor(60_000), sala.Specification!.Pools.Single().Line.Amount);
        Assert.Equal(9, sala.Specification.Pools.Single().Shares.Count);

        var attachment = ShareSpecificationCsv.Attachment(sala.Specification with { Decision = sala.Decision, Revision = 1 }, "202600020")!;
        Assert.Contains("budgetrevision 1", attachment.Description, StringComparison.Ordinal);
        Assert.Contains("dokumentet avser skillnaden mot tidigare fakturerat", attachment.Description, StringComparison.Ordinal);
        Assert.EndsWith(";ja;2026-03-16;test;1", Text(attachment.Content).Split("\r\n").Single(l => l.Contains(";ja;", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_s_credit_note_composed_for_the_e_invoice_carries_the_revision_s_decision_in_its_specification()
    {
        var attachment = Assert.Single(UblAttachments.Read(UblWriter.Write(GeneratedDocuments.DemoRevisionCreditNote())));

        var table = attachment.Csv();

        Assert.All(table.Rows, r => Assert.Equal(("2026-03-02", "Samverkansforum PoM §4", "1"), (table.Field(r, "Beslutsdatum"), table.Field(r, "Beslut"), table.Field(r, "Revision"))));
    }

    [Fact]
    public void The_file_is_byte_for_byte_the_file_written_row_by_row_for_every_party_of_every_pool()
    {
        Gen.Select(Invoicing.Tests.Allocation.ShareSpecificationProperties.Allocations, Gen.Int[0, 3], Gen.Bool).Sample(
            (allocation, revision, decided) =>
            {
                var decision = decided ? new BudgetDecision(new DateOnly(2025, 12, 15), "Styrelsen; §4 \"budget\"") : null;
                // Twice, so the second file of each pool is written from what the first left behind.
                for (var round = 0; round < 2; round++)
                {
                    foreach (var specification in ShareSpecification.Index(allocation).Values)
                    {
                        var cut = specification with { Decision = decision, Revision = revision };
                        Assert.Equal(RowByRow(cut), ShareSpecificationCsv.Write(cut));
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void A_pdf_only_invoice_s_model_carries_no_specification_and_the_same_share_as_an_e_invoice_carries_it()
    {
        var (budget, plan, issuer) = GeneratedDocuments.Demo();
        var planned = plan.Invoices.Single(p => p.Debtor.Code.Value == "0305");
        var reservation = new InvoiceReservation(budget.Scheme, planned.Debtor.Code, new InvoiceNumber(2026, 1), new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 14));
        var debtor = planned.Debtor;
        var pdfOnly = planned with { Debtor = new Party(debtor.Code, debtor.Kind, debtor.Name, debtor.County, debtor.OrganisationNumber, debtor.AddressLines, debtor.InvoiceEmail, null) };

        var (_, withoutReference) = InvoiceComposer.Compose(budget, pdfOnly, issuer, reservation);
        var (_, einvoice) = InvoiceComposer.Compose(budget, planned, issuer, reservation);

        Assert.NotNull(EInvoiceEligibility.WhyNot(withoutReference));
        Assert.Empty(withoutReference.Attachments);
        Assert.Null(EInvoiceEligibility.WhyNot(einvoice));
        var attachment = Assert.Single(einvoice.Attachments);
        Assert.Equal(RowByRow(planned.Specification! with { Decision = budget.Decision, Revision = 0 }), attachment.Content);
    }

    /// <summary>
    /// The file as it was first written, every field of every row formatted for that row: the reference the writer,
    /// which formats a pool's rows once for all its members' files, must match byte for byte.
    /// </summary>
    private static byte[] RowByRow(ShareSpecification specification)
    {
        static string Integer(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static string Percent(long perMille) => Integer(perMille / 10) + "," + Integer(perMille % 10);
        var decision = specification.Decision;
        string[] decided = [decision is null ? "" : IsoDate.Format(decision.DecidedOn), decision is null ? "" : ExcelCsv.Text(decision.Reference), Integer(specification.Revision)];
        var csv = new ExcelCsv().Row(ShareSpecificationCsv.Header);
        foreach (var pool in specification.Pools)
        {
            var byPopulation = pool.Line is not EqualSplitLine;
            foreach (var share in pool.Shares)
            {
                csv.Row([
                    Integer(pool.Line.Number),
                    ExcelCsv.Text(pool.Line.Text),
                    pool.Line switch { PerCapitaLine => "per invånare", EqualSplitLine => "lika delar", _ => "folkmängd" },
                    ExcelCsv.Amount(pool.Line.Amount),
                    pool.Snapshot is { } snapshot ? ExcelCsv.Text(snapshot.Source) : "",
                    pool.Snapshot is { } taken ? IsoDate.Format(taken.ReferenceDate) : "",
                    byPopulation ? Integer(pool.TotalPopulation) : "",
                    ExcelCsv.Text(share.Party.Code.Value),
                    ExcelCsv.Text(share.Party.Name),
                    byPopulation ? Integer(share.Population) : "",
                    byPopulation ? Percent(share.KeyPerMille(pool.TotalPopulation)) : "",
                    share.BaseFee is { } fee ? ExcelCsv.Amount(fee) : "",
                    share.Bound switch { PoolSplit.Bound.Cap => "tak", PoolSplit.Bound.Floor => "golv", _ => "" },
                    share.Rate is { } rate ? ExcelCsv.Amount(rate) : "",
                    ExcelCsv.Amount(share.Amount),
                    share.Party.Code == specification.Party.Code ? "ja" : "",
                    .. decided,
                ]);
            }
        }

        foreach (var contribution in specification.Fixed)
        {
            csv.Row([
                Integer(contribution.Line.Number),
                ExcelCsv.Text(contribution.Line.Text),
                "fast belopp",
                ExcelCsv.Amount(contribution.Line.Amount),
                "", "", "",
                ExcelCsv.Text(contribution.Party.Code.Value),
                ExcelCsv.Text(contribution.Party.Name),
                "", "", "", "", "",
                ExcelCsv.Amount(contribution.Line.Amount),
                "ja",
                .. decided,
            ]);
        }

        return csv.ToBytes();
    }

    private static string Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>A CSV amount (<c>6051,00</c>) back to öre, exactly.</summary>
    private static Money Amount(string field) => new(long.Parse(field.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
}
