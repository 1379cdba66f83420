namespace Invoicing.Documents.BudgetReport;

/// <summary>A table of the appendix: a title, columns (right-aligned for figures), rows and an optional sum row.</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<string?> Notes, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<string[]> Rows, string[]? Sum);

/// <summary>A column: its heading, its share of the width and whether its figures align right.</summary>
internal sealed record ReportColumn(string Heading, double Width, bool Right);
