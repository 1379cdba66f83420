using System.Text;
using System.Text.Json;
using Invoicing.Csv;

namespace Invoicing.Dataset;

/// <summary>
/// A dataset's three files as text, exactly as given. A budget revision keeps them whole (as JSON in one
/// blob), so the revision is re-read and checked by the same loader as the folder it came from.
/// </summary>
public sealed record DatasetFiles(string Parties, string Populations, string Budget)
{
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
            Text(DatasetLoader.BudgetFile, csv: false));
    }

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(
        new Dictionary<string, string>
        {
            [DatasetLoader.PartiesFile] = Parties,
            [DatasetLoader.PopulationsFile] = Populations,
            [DatasetLoader.BudgetFile] = Budget,
        });

    public static DatasetFiles FromJsonBytes(byte[] json, string source)
    {
        try
        {
            var files = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return new DatasetFiles(files[DatasetLoader.PartiesFile], files[DatasetLoader.PopulationsFile], files[DatasetLoader.BudgetFile]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{source}: not a stored dataset ({e.Message}).", e);
        }
    }
}
