using System.CommandLine;

namespace Invoicing.Cli;

/// <summary>Options every command takes (declared once, recursive from the root).</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Storage = new("--storage")
    {
        Description = "Azure Storage connection string or account URL (then DefaultAzureCredential). Default: $INVOICING_STORAGE, else local Azurite, started when needed.",
        Recursive = true,
    };

    public static readonly Option<string?> Scheme = new("--scheme")
    {
        Description = "Funding scheme id. Default: Invoicing:DefaultScheme (region-mitt-pom).",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Log what happens (to stderr).",
        Recursive = true,
    };

    public static Option<int> Year(bool required = true)
    {
        var option = new Option<int>("--year")
        {
            Description = "Budget year, e.g. 2026.",
            Required = required,
        };

        // The same years the API accepts: a year 0 or 20260 names no budget and would only confuse the tables.
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && !(int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 2000 and <= 2999))
            {
                result.AddError($"--year {result.Tokens[0].Value} is not a year from 2000 to 2999.");
            }
        });
        return option;
    }

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable output (see docs/cli.md).",
    };
}
