namespace Invoicing.Testing;

/// <summary>
/// The bundled dataset with two amounts changed, as finance would revise it after invoicing: Gävleborg's
/// municipal pool 75 000 → 90 000 and Region Uppsala 75 000 → 60 000 (so some parties owe more, some less).
/// </summary>
public static class RevisedDataset
{
    /// <summary>Writes the revised dataset's files into <paramref name="directory"/> (created if missing) and returns it.</summary>
    public static string WriteTo(string directory)
    {
        BundledDatasetCopy.WriteTo(directory);
        var budget = Path.Combine(directory, "budget.json");
        File.WriteAllText(budget, File.ReadAllText(budget)
            .Replace("\"Region Uppsala\", \"amount\": \"75000\"", "\"Region Uppsala\", \"amount\": \"60000\"", StringComparison.Ordinal)
            .Replace("\"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"Gävleborgs kommuner\", \"amount\": \"90000\"", StringComparison.Ordinal));
        return directory;
    }
}
