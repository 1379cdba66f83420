namespace Invoicing.Csv;

/// <summary>A CSV file is not as expected; the message names file, row and field.</summary>
public sealed class CsvException(string message) : FormatException(message);
