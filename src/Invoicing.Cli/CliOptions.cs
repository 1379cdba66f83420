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

    public static Option<int> Year(bool required = true) => new("--year")
    {
        Description = "Budget year, e.g. 2026.",
        Required = required,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable output (see docs/cli.md).",
    };
}
