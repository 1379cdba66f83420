namespace Invoicing.Testing;

/// <summary>
/// Copies of the bundled dataset (data/region-mitt-2026) that a test may change: the one place that copies it, so a
/// file added to the dataset reaches every such test.
/// </summary>
public static class BundledDatasetCopy
{
    /// <summary>Copies the bundled dataset's files into <paramref name="directory"/> (created if missing) and returns it.</summary>
    public static string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(TestPaths.BundledDataset))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    /// <summary>
    /// The bundled dataset with an e-mail address (<c>{code}@kommun.example.se</c>) for every municipality and region,
    /// so reminders and statements have somewhere to go.
    /// </summary>
    public static string WithEmailsTo(string directory)
    {
        WriteTo(directory);
        var parties = Path.Combine(directory, "parties.csv");
        var lines = File.ReadAllLines(parties).Select((line, i) =>
        {
            var fields = line.Split(',');
            if (i > 0 && fields[1] is "Municipality" or "Region")
            {
                fields[6] = $"{fields[0]}@kommun.example.se";
            }

            return string.Join(',', fields);
        });
        File.WriteAllLines(parties, lines);
        return directory;
    }
}
