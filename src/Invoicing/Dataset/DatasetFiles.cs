using System.Text;
using System.Text.Json;
using Invoicing.Csv;

namespace Invoicing.Dataset;

/// <summary>
/// A dataset's files as text, exactly as given: the three every dataset has and the optional agreements. A
/// budget revision keeps them whole (as JSON in one blob), so the revision is re-read and checked by the same
/// loader as the folder it came from, and joining or leaving an agreement is a revision like any other.
/// </summary>
public sealed record DatasetFiles(string Parties, string Populations, string Budget)
{
    /// <summary>The text of <c>agreements.csv</c>, or null when the dataset has none.</summary>
    public string? Agreements { get; init; }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Reads the files of a dataset folder; a missing or non-UTF-8 file is named in the error.</summary>
    public static DatasetFiles Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DatasetException($"Dataset folder '{directory}' does not exist.");
        }

        string Text(string name, bool csv)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw csv ? new CsvException($"{path}: file not found.") : new DatasetException($"{name}: file not found in '{directory}'.");
            }

            try
            {
                return File.ReadAllText(path, StrictUtf8);
            }
            catch (DecoderFallbackException)
            {
                throw new CsvException($"{name}: not UTF-8 text; save it as \"CSV UTF-8\" (a Windows-1252 or ISO-8859-1 export mangles å, ä and ö).");
            }
        }

        return new DatasetFiles(
            Text(DatasetLoader.PartiesFile, csv: true),
            Text(DatasetLoader.PopulationsFile, csv: true),
            Text(DatasetLoader.BudgetFile, csv: false))
        {
            Agreements = File.Exists(Path.Combine(directory, DatasetLoader.AgreementsFile)) ? Text(DatasetLoader.AgreementsFile, csv: true) : null,
        };
    }

    /// <summary>
    /// The stored form. A dataset without agreements is stored exactly as before agreements existed, so the
    /// blob names (content hashes) of earlier revisions stay what they were.
    /// </summary>
    public byte[] ToJsonBytes()
    {
        var files = new Dictionary<string, string>
        {
            [DatasetLoader.PartiesFile] = Parties,
            [DatasetLoader.PopulationsFile] = Populations,
            [DatasetLoader.BudgetFile] = Budget,
        };
        if (Agreements is not null)
        {
            files[DatasetLoader.AgreementsFile] = Agreements;
        }

        return JsonSerializer.SerializeToUtf8Bytes(files);
    }

    public static DatasetFiles FromJsonBytes(byte[] json, string source)
    {
        try
        {
            var files = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return new DatasetFiles(files[DatasetLoader.PartiesFile], files[DatasetLoader.PopulationsFile], files[DatasetLoader.BudgetFile])
            {
                Agreements = files.GetValueOrDefault(DatasetLoader.AgreementsFile),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{source}: not a stored dataset ({e.Message}).", e);
        }
    }
}
