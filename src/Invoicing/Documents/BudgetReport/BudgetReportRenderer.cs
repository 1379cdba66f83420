using System.Globalization;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents.Pdf;

namespace Invoicing.Documents.BudgetReport;

/// <summary>
/// Renders the budget appendix as a multi-page A4 PDF in Swedish (Liberation Sans embedded): the income and
/// costs, one table per pool and the fixed contributions. Tables flow over pages; a table never starts without
/// room for its heading and two rows, and a continued table repeats its title and column headings. Every page
/// has the appendix's name and "Sida n av N"; a draft carries UTKAST on every page. Layout first, then drawing on
/// the product's own writer (<see cref="PagedPdf"/>), so the page count is known when the footers are written.
/// Pure: no storage, no clock; the same model gives the same bytes.
/// </summary>
public sealed class BudgetReportRenderer
{
    private const double PageWidth = DocumentStyle.PageWidth;
    private const double PageHeight = DocumentStyle.PageHeight;
    private const double Left = 56;
    private const double Right = PageWidth - 56;
    private const double ContentWidth = Right - Left;
    private const double Top = 780;
    private const double Bottom = 72;
    private const double RowHeight = 15;
    private const double TableSize = 9.5;

    private static readonly Rgb Black = DocumentStyle.Black;
    private static readonly Rgb Muted = DocumentStyle.Muted;
    private static readonly Rgb Rule = DocumentStyle.Rule;
    private static readonly Rgb HeadingFill = new(232, 236, 241);
    private static readonly Rgb DraftRed = new(200, 0, 0);
    private static readonly Rgb WatermarkRed = new(250, 225, 225);

    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    private readonly EmbeddedFont _regular = DocumentStyle.LoadRegular();
    private readonly EmbeddedFont _bold = DocumentStyle.LoadBold();

    public byte[] Render(BudgetReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layout = new Layout(_regular, _bold);
        LayOut(document, layout);

        using var pdf = new PagedPdf(PageWidth, PageHeight);
        var regular = pdf.AddFont(_regular);
        var bold = pdf.AddFont(_bold);
        for (var n = 0; n < layout.Pages.Count; n++)
        {
            var canvas = new Canvas(pdf.AddPage(), regular, bold);
            if (document.IsDraft)
            {
                // First, so everything else is drawn over it.
                Centred(canvas, "UTKAST", PageWidth / 2, PageHeight / 2 - 40, Face.Bold, 120, WatermarkRed);
            }

            DrawFrame(canvas, document, n + 1, layout.Pages.Count);
            foreach (var draw in layout.Pages[n])
            {
                draw(canvas);
            }
        }

        var date = "D:" + document.PreparedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000Z";
        return pdf.Build(new PdfInformation(
            $"{document.Title}, {document.SchemeName}",
            document.SchemeName,
            document.IsDraft ? "Utkast" : "Beslutad budget",
            "Invoicing",
            date));
    }

    private static void LayOut(BudgetReportDocument document, Layout layout)
    {
        layout.Paragraph(document.Title, Face.Bold, 18, 24);
        layout.Paragraph(document.SchemeName, Face.Regular, 12, 16);
        layout.Space(4);
        if (document.IsDraft)
        {
            var what = document.Revision is { } draft ? $"Revision {draft} av budgeten" : "Budgeten";
            layout.Paragraph($"UTKAST upprättat {SwedishFormat.Date(document.PreparedOn)}. {what} är inte beslutad; beloppen kan ändras.", Face.Bold, 10.5, 14, DraftRed);
        }
        else
        {
            var decision = document.Decision!;
            var what = document.Revision is { } approved ? $"Revision {approved} beslutad" : "Beslutad";
            layout.Paragraph($"{what} {SwedishFormat.Date(decision.DecidedOn)}: {decision.Reference}.", Face.Bold, 10.5, 14);
        }

        foreach (var warning in document.Warnings)
        {
            layout.Space(4);
            layout.Paragraph("Observera: " + Swedish(warning), Face.Regular, 9.5, 12.5, DraftRed);
        }

        layout.Space(10);
        if (document.Revision is { } revision)
        {
            layout.Table(ChangeTable(document, revision));
        }

        layout.Table(IncomeTable(document));
        layout.Table(CostTable(document));
        layout.Paragraph(
            $"Intäkter {SwedishFormat.WholeKronor(document.TotalIncome)} − kostnader {SwedishFormat.WholeKronor(document.TotalCosts)} = " +
            $"{SwedishFormat.WholeKronor(document.TotalIncome - document.TotalCosts)} (överskott att föra till nästa år).",
            Face.Regular, 9.5, 12.5);
        layout.Space(12);

        if (document.PreviousYear is { } previous)
        {
            layout.Table(YearTable(previous));
        }

        foreach (var pool in document.Pools)
        {
            layout.Table(PoolTable(document.Year, pool));
        }

        if (document.FixedContributions.Count > 0)
        {
            layout.Table(new ReportTable(
                "Fasta bidrag",
                ["Faktureras respektive part med det fasta belopp budgeten anger."],
                [new("Part", 0.7, false), new($"Bidrag {document.Year} (kr)", 0.3, true)],
                document.FixedContributions.Select(f => new[] { f.Party.Name, Kronor(f.Line.Amount) }).ToArray(),
                ["Summa", Kronor(Money.Sum(document.FixedContributions.Select(f => f.Line.Amount)))]));
        }
    }

    /// <summary>
    /// The change per party a revision makes: what its documents so far came to (invoices − credit notes of earlier
    /// revisions), its share now, the difference and the document that settles it.
    /// </summary>
    private static ReportTable ChangeTable(BudgetReportDocument document, int revision) => new(
        $"Förändring per part, revision {revision}",
        [
            "Fakturerat hittills: fakturor minus kreditfakturor före denna revision. Ny andel: partens andel enligt revisionen.",
            "En ökning faktureras med en tilläggsfaktura, en minskning krediteras med en kreditfaktura; båda hänvisar till partens faktura.",
        ],
        [new("Part", 0.27, false), new("Fakturerat hittills (kr)", 0.20, true), new("Ny andel (kr)", 0.14, true), new("Skillnad (kr)", 0.14, true), new("Dokument", 0.25, false)],
        document.Changes.OrderBy(c => c.Party.Kind).ThenBy(c => c.Party.Name, StringComparer.Create(SwedishCulture, ignoreCase: true)).Select(c => new[]
        {
            c.Party.Name, Kronor(c.InvoicedSoFar), Kronor(c.NewShare), Signed(c.Difference), ChangeDocument(c),
        }).ToArray(),
        [
            $"Summa ({document.Changes.Count(c => c.Document is not null)} dokument)",
            Kronor(Money.Sum(document.Changes.Select(c => c.InvoicedSoFar))),
            Kronor(Money.Sum(document.Changes.Select(c => c.NewShare))),
            Signed(Money.Sum(document.Changes.Select(c => c.Difference))),
            "",
        ]);

    /// <summary>Each party's share (every line together) in the year before and in this year, and the change.</summary>
    private static ReportTable YearTable(YearComparison comparison) => new(
        $"Jämfört med {comparison.PreviousYear}",
        [$"Partens andel av budgeten {comparison.PreviousYear} och {comparison.Year}, alla rader sammantagna (egen andel inräknad)."],
        [new("Part", 0.43, false), new($"{comparison.PreviousYear} (kr)", 0.19, true), new($"{comparison.Year} (kr)", 0.19, true), new("Förändring (kr)", 0.19, true)],
        comparison.Parties.OrderBy(p => p.Party.Kind).ThenBy(p => p.Party.Name, StringComparer.Create(SwedishCulture, ignoreCase: true)).Select(p => new[]
        {
            p.Party.Name, Kronor(p.Previous), Kronor(p.Current), Signed(p.Change),
        }).ToArray(),
        ["Summa", Kronor(comparison.PreviousTotal), Kronor(comparison.Total), Signed(comparison.Total - comparison.PreviousTotal)]);

    private static string ChangeDocument(Invoicing.Allocation.PartyChange change) => change.Document switch
    {
        { Kind: DocumentKind.CreditNote } => "Kreditfaktura",
        { Corrects: not null } => "Tilläggsfaktura",
        not null => "Faktura (ny part)",
        null when change.IsOwnShare => "Egen andel, faktureras ej",
        null => "Ingen ändring",
    };

    /// <summary>A difference with its sign: <c>+5 474</c>, <c>-15 000</c>, <c>0</c>.</summary>
    private static string Signed(Money money) => (money > Money.Zero ? "+" : "") + Kronor(money);

    private static ReportTable IncomeTable(BudgetReportDocument document) => new(
        $"Intäkter {document.Year}",
        [],
        [new("Intäkt", 0.58, false), new("Faktureras", 0.17, false), new("Belopp (kr)", 0.25, true)],
        document.Income.Select(l => new[] { l.Text, l.IsInvoiced ? InvoicedHow(l) : "nej", Kronor(l.Amount) }).ToArray(),
        [$"Summa intäkter (varav fakturerat {Kronor(document.InvoicedIncome)})", "", Kronor(document.TotalIncome)]);

    private static ReportTable CostTable(BudgetReportDocument document) => new(
        $"Kostnader {document.Year}",
        [],
        [new("Kostnad", 0.75, false), new("Belopp (kr)", 0.25, true)],
        document.Costs.Select(l => new[] { l.Text, Kronor(l.Amount) }).ToArray(),
        ["Summa kostnader", Kronor(document.TotalCosts)]);

    private static string InvoicedHow(BudgetLine line) => line switch
    {
        PopulationPoolLine => "efter folkmängd",
        PerCapitaLine => "per invånare",
        EqualSplitLine => "lika delar",
        _ => "fast belopp",
    };

    /// <summary>A shared line's split, with the columns and notes its key needs.</summary>
    private static ReportTable PoolTable(int year, Allocation.PoolAllocation pool)
    {
        var byName = pool.Shares.OrderBy(s => s.Party.Name, StringComparer.Create(SwedishCulture, ignoreCase: true)).ToArray();
        var basis = pool.Snapshot is { } snapshot ? $"Befolkning: {snapshot.Source}, per {SwedishFormat.Date(snapshot.ReferenceDate)} (underlag {snapshot.Id})." : null;
        switch (pool.Line)
        {
            case PerCapitaLine perCapita:
                return new ReportTable(
                    $"Fördelning {pool.Line.Text}",
                    [
                        $"Summa {year}: {SwedishFormat.WholeKronor(pool.Total)}, {RatesText(perCapita.Rates)} per invånare, avrundat till hela kronor per part.",
                        basis,
                    ],
                    [new("Part", 0.37, false), new("Befolkning", 0.19, true), new("Kr per invånare", 0.22, true), new($"Fördelning {year} (kr)", 0.22, true)],
                    byName.Select(s => new[] { s.Party.Name, SwedishFormat.Integer(s.Population), SwedishFormat.AmountWithoutCurrency(s.Rate ?? Money.Zero), Kronor(s.Amount) }).ToArray(),
                    ["Summa", perCapita.Rates.All is null ? "" : SwedishFormat.Integer(pool.TotalPopulation), "", Kronor(pool.Total)]);
            case EqualSplitLine:
                return new ReportTable(
                    $"Fördelning {pool.Line.Text}",
                    [$"Summa {year}: {SwedishFormat.WholeKronor(pool.Line.Amount)}, lika delar i hela kronor mellan {pool.Shares.Count} parter; överblivna kronor en var i partskodsordning."],
                    [new("Part", 0.7, false), new($"Fördelning {year} (kr)", 0.3, true)],
                    byName.Select(s => new[] { s.Party.Name, Kronor(s.Amount) }).ToArray(),
                    ["Summa", Kronor(pool.Total)]);
            default:
                var line = (PopulationPoolLine)pool.Line;
                var notes = new List<string?>
                {
                    $"Summa {year}: {SwedishFormat.WholeKronor(pool.Line.Amount)}, fördelat efter folkmängd med största-rest-metoden i hela kronor.",
                };
                if (line.HasTerms)
                {
                    notes.Add(TermsText(line));
                }

                notes.Add(basis);
                return new ReportTable(
                    $"Fördelning {pool.Line.Text}",
                    notes,
                    [new("Kommun", 0.37, false), new("Befolkning", 0.19, true), new("Fördelningsnyckel (%)", 0.22, true), new($"Fördelning {year} (kr)", 0.22, true)],
                    byName.Select(s => new[]
                    {
                        s.Party.Name + s.Bound switch { Allocation.PoolSplit.Bound.Cap => " (tak)", Allocation.PoolSplit.Bound.Floor => " (golv)", _ => "" },
                        SwedishFormat.Integer(s.Population), SwedishFormat.PerMille(s.KeyPerMille(pool.TotalPopulation)), Kronor(s.Amount),
                    }).ToArray(),
                    ["Summa", SwedishFormat.Integer(pool.TotalPopulation), SwedishFormat.PerMille(1000), Kronor(pool.Total)]);
        }
    }

    private static string TermsText(PopulationPoolLine line) =>
        string.Join(" ", new[]
        {
            line.BaseFee is { } fee ? $"Varje part betalar en grundavgift på {SwedishFormat.WholeKronor(fee)}; resten fördelas efter folkmängd." : null,
            line.Cap is { } cap ? $"Ingen part betalar mer än {SwedishFormat.WholeKronor(cap)} (tak); det överskjutande fördelas på de övriga på samma sätt." : null,
            line.Floor is { } floor ? $"Ingen part betalar mindre än {SwedishFormat.WholeKronor(floor)} (golv); det som saknas tas från de övriga på samma sätt." : null,
        }.OfType<string>());

    private static string RatesText(PerCapitaRates rates) => rates.All is { } all
        ? $"{SwedishFormat.Amount(all)}"
        : string.Join(", ", rates.ByKind.OrderBy(r => r.Key).Select(r => $"{SwedishFormat.Amount(r.Value)} för {KindText(r.Key)}"));

    private static string KindText(Parties.PartyKind kind) => kind switch
    {
        Parties.PartyKind.Municipality => "kommuner",
        Parties.PartyKind.Region => "regioner",
        _ => "myndigheter",
    };

    private static void DrawFrame(Canvas canvas, BudgetReportDocument document, int page, int pages)
    {
        Text(canvas, document.SchemeName, Left, PageHeight - 36, Face.Regular, 8, Muted, ContentWidth * 0.7);
        TextRight(canvas, $"{document.Title}{(document.IsDraft ? " – UTKAST" : "")}", Right, PageHeight - 36, Face.Bold, 8, document.IsDraft ? DraftRed : Muted);
        canvas.Line(Left, PageHeight - 42, Right, PageHeight - 42, 0.5, Rule);
        canvas.Line(Left, 50, Right, 50, 0.5, Rule);
        var stamp = document.IsDraft ? $"Utkast {SwedishFormat.Date(document.PreparedOn)}" : $"Beslutad {SwedishFormat.Date(document.PreparedOn)}";
        Text(canvas, stamp, Left, 38, Face.Regular, 8, Muted);
        TextRight(canvas, $"Sida {page} av {pages}", Right, 38, Face.Regular, 8, Muted);
    }

    /// <summary>Whole kronor without the currency (the column heading says kr): <c>43 035</c>; öre only when there are any.</summary>
    private static string Kronor(Money money) =>
        money.IsWholeKronor ? SwedishFormat.Integer(money.Ore / Money.OrePerKrona) : SwedishFormat.AmountWithoutCurrency(money);

    /// <summary>The warning's English wording from the terminal, put in Swedish for the document.</summary>
    private static string Swedish(string warning) =>
        warning.Replace("the pools' population figures come from different dates: ", "fördelningarnas befolkningssiffror avser olika datum: ", StringComparison.Ordinal)
            .Replace(" for ", " för ", StringComparison.Ordinal)
            .Replace(". Split every pool by figures of one date (population import --scb, docs/populations.md).", ".", StringComparison.Ordinal);

    private enum Face
    {
        Regular,
        Bold,
    }

    /// <summary>Places content on pages top-down, starting a new page when the next piece does not fit.</summary>
    private sealed class Layout(EmbeddedFont regular, EmbeddedFont bold)
    {
        private double _y = Top;

        public List<List<Action<Canvas>>> Pages { get; } = [[]];

        private List<Action<Canvas>> Page => Pages[^1];

        public void Space(double points) => _y -= points;

        public void Paragraph(string text, Face face, double size, double leading, Rgb? colour = null)
        {
            foreach (var line in Wrap(text, face, size, ContentWidth))
            {
                Ensure(leading);
                var y = _y - size;
                Page.Add(c => Text(c, line, Left, y, face, size, colour ?? Black));
                _y -= leading;
            }
        }

        public void Table(ReportTable table)
        {
            var notes = table.Notes.Where(n => n is not null).SelectMany(n => Wrap(n!, Face.Regular, 9, ContentWidth)).ToArray();
            var titleHeight = 20 + notes.Length * 12 + 4;
            var firstRows = Math.Min(2, table.Rows.Count) + (table.Rows.Count <= 2 && table.Sum is not null ? 1 : 0);

            // The title, its notes, the column headings and two rows (or the whole table) go together.
            Ensure(titleHeight + RowHeight * (1 + firstRows));
            Title(table.Title);
            foreach (var note in notes)
            {
                var y = _y - 9;
                Page.Add(c => Text(c, note, Left, y, Face.Regular, 9, Muted));
                _y -= 12;
            }

            _y -= 4;
            Headings(table);
            for (var i = 0; i < table.Rows.Count; i++)
            {
                var last = i == table.Rows.Count - 1;
                // The last row keeps the sum row company on its page.
                var needed = RowHeight * (last && table.Sum is not null ? 2 : 1);
                if (_y - needed < Bottom)
                {
                    NewPage();
                    Title(table.Title + " (forts.)");
                    _y -= 4;
                    Headings(table);
                }

                Row(table, table.Rows[i], Face.Regular);
            }

            if (table.Sum is not null)
            {
                var y = _y;
                Page.Add(c => c.Line(Left, y, Right, y, 0.9, Black));
                Row(table, table.Sum, Face.Bold);
            }

            _y -= 18;
        }

        private void Title(string title)
        {
            var y = _y - 12;
            Page.Add(c => Text(c, title, Left, y, Face.Bold, 12, Black));
            _y -= 20;
        }

        private void Headings(ReportTable table)
        {
            var top = _y;
            Page.Add(c => c.FilledBox(Left, top - RowHeight - 2, ContentWidth, RowHeight + 2, HeadingFill));
            Cells(table, table.Columns.Select(col => col.Heading).ToArray(), Face.Bold, top - 2);
            _y -= RowHeight + 2;
        }

        private void Row(ReportTable table, string[] cells, Face face)
        {
            var top = _y;
            Cells(table, cells, face, top);
            Page.Add(c => c.Line(Left, top - RowHeight, Right, top - RowHeight, 0.3, Rule));
            _y -= RowHeight;
        }

        private void Cells(ReportTable table, string[] cells, Face face, double top)
        {
            var x = Left;
            var baseline = top - RowHeight + 4.5;
            for (var k = 0; k < table.Columns.Count; k++)
            {
                var column = table.Columns[k];
                var width = column.Width * ContentWidth;
                var (cellLeft, cellRight, text) = (x + 4, x + width - 4, cells[k]);
                Page.Add(column.Right
                    ? c => TextRight(c, text, cellRight, baseline, face, TableSize, Black, cellRight - cellLeft)
                    : c => Text(c, text, cellLeft, baseline, face, TableSize, Black, cellRight - cellLeft));
                x += width;
            }
        }

        private void Ensure(double height)
        {
            if (_y - height < Bottom && Page.Count > 0)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            Pages.Add([]);
            _y = Top;
        }

        private IReadOnlyList<string> Wrap(string text, Face face, double size, double width)
        {
            var font = face == Face.Bold ? bold : regular;
            return TextWrapper.Wrap(font.Drawable(text.Trim()), width, s => font.Width(s, size));
        }
    }

    // Text is fitted to its width by shrinking, never cut.
    private static void Text(Canvas canvas, string text, double x, double y, Face face, double size, Rgb colour, double? maxWidth = null)
    {
        var font = FontOf(canvas, face);
        canvas.Text(text, x, y, font, maxWidth is { } width ? canvas.FittingSize(text, font, size, width) : size, colour);
    }

    private static void TextRight(Canvas canvas, string text, double right, double y, Face face, double size, Rgb colour, double? maxWidth = null)
    {
        var font = FontOf(canvas, face);
        canvas.TextRight(text, right, y, font, maxWidth is { } width ? canvas.FittingSize(text, font, size, width) : size, colour);
    }

    private static void Centred(Canvas canvas, string text, double centre, double y, Face face, double size, Rgb colour) =>
        canvas.Centred(text, centre, y, FontOf(canvas, face), size, colour);

    private static PdfFont FontOf(Canvas canvas, Face face) => face == Face.Bold ? canvas.Bold : canvas.Regular;
}
