using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Invoicing.Web.Exports;

/// <summary>What a column holds, and so how its cells are written and shown.</summary>
public enum XlsxKind
{
    Text,

    /// <summary>Money: a number of kronor with two decimals, shown <c># ##0,00</c> (built-in format 4).</summary>
    Amount,

    /// <summary>A calendar date: Excel's day number, shown <c>yyyy-mm-dd</c>.</summary>
    Date,
}

/// <summary>One column: its Swedish heading, what it holds, and its width in characters.</summary>
public sealed record XlsxColumn(string Heading, XlsxKind Kind, double Width);

/// <summary>
/// One worksheet as a real Excel file (.xlsx, Open XML): a bold header row of Swedish column names, frozen so it stays
/// in view; amounts as numbers (written from whole öre, never through a double) with the number format
/// <c>#,##0.00</c>, which Swedish Excel shows as <c># ##0,00</c>; dates as dates (day numbers with <c>yyyy-mm-dd</c>);
/// text as inline strings, which Excel never evaluates as a formula. Text from the data is shown as
/// <see cref="DisplayText"/> escapes it, as in the CSV.
/// </summary>
public sealed class XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns)
{
    /// <summary>Style indexes into the stylesheet below.</summary>
    private const uint HeaderStyle = 1, AmountStyle = 2, DateStyle = 3, TotalTextStyle = 4, TotalAmountStyle = 5;

    /// <summary>The first custom number format id (0–163 are Excel's built-in ones); 4 is built-in <c>#,##0.00</c>.</summary>
    private const uint DateFormatId = 164, AmountFormatId = 4;

    private static readonly DateOnly ExcelDayZero = new(1899, 12, 30);

    private readonly List<(object?[] Cells, bool Total)> _rows = [];

    public IReadOnlyList<XlsxColumn> Columns => columns;

    /// <summary>A row: per column a string, a <see cref="Money"/> or a <see cref="DateOnly"/> as its kind says, or null for an empty cell.</summary>
    public void Add(params object?[] cells) => _rows.Add((Checked(cells), false));

    /// <summary>A totals row, in bold under a rule.</summary>
    public void AddTotal(params object?[] cells) => _rows.Add((Checked(cells), true));

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [.. columns.Select(c => (object?)c.Heading)], header: true, total: false));
            for (var i = 0; i < _rows.Count; i++)
            {
                data.Append(Row((uint)i + 2, _rows[i].Cells, header: false, _rows[i].Total));
            }

            sheet.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0, TabSelected = true }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = name }));
        }

        return stream.ToArray();
    }

    private object?[] Checked(object?[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"Sheet {name}: a row has {cells.Length} cells for {columns.Count} columns.", nameof(cells));
        }

        return cells;
    }

    private Row Row(uint number, object?[] cells, bool header, bool total)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = ColumnName(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(cells[i] switch
            {
                null => new Cell { CellReference = reference, StyleIndex = total ? TotalTextStyle : null },
                Money money => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(money.ToInvariantString()),
                    StyleIndex = total ? TotalAmountStyle : AmountStyle,
                },
                DateOnly date => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue((date.DayNumber - ExcelDayZero.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    StyleIndex = DateStyle,
                },
                string text => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(header ? text : DisplayText.Escape(text))),
                    StyleIndex = header ? HeaderStyle : total ? TotalTextStyle : null,
                },
                var other => throw new ArgumentException($"Sheet {name}: a cell of type {other.GetType().Name} in column {columns[i].Heading}.", nameof(cells)),
            });
        }

        return row;
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    internal static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(), new Border(new LeftBorder(), new RightBorder(), new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder(), new DiagonalBorder())) { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = AmountFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = AmountFormatId, FontId = 1, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyBorder = true })
        { Count = 6 });
}
