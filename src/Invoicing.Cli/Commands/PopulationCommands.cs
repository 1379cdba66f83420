using System.CommandLine;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Cli.Output;
using Invoicing.Parties;
using Invoicing.Populations;
using Invoicing.Populations.Scb;

namespace Invoicing.Cli.Commands;

internal static class PopulationCommands
{
    public static Command Create()
    {
        var command = new Command("population", "Population snapshots: import SCB's figures, show and compare them.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Compare());
        return command;
    }

    private static Command Import()
    {
        var file = new Option<string?>("--scb") { Description = "A saved PxWebApi v2 answer: JSON-stat2 (default) or the API's CSV." };
        var format = new Option<string>("--format") { Description = "json-stat2 or csv (default: from the content).", DefaultValueFactory = _ => "auto" };
        var fetch = new Option<bool>("--fetch") { Description = "Ask SCB's API (statistikdatabasen.scb.se) for the year's figures instead." };
        var year = CliOptions.Year(required: false);
        year.Description = "The year (31 December) to import; required with --fetch, or when a file holds several years.";
        var regions = new Option<string?>("--region") { Description = "With --fetch: municipality codes, comma separated (default: all 290)." };
        var snapshot = new Option<string?>("--snapshot") { Description = "Snapshot id to record (default: scb-YEAR)." };
        var command = new Command("import", "Record SCB's population per municipality as a snapshot, with its source, reference date and request.")
        {
            file, format, fetch, year, regions, snapshot,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var path = parse.GetValue(file);
            var requestedYear = parse.GetResult(year) is null ? (int?)null : parse.GetValue(year);
            ScbPopulation data;
            try
            {
                if (parse.GetValue(fetch))
                {
                    if (path is not null || requestedYear is null)
                    {
                        throw new CliException("Use either --scb FILE, or --fetch --year YEAR [--region CODES].");
                    }

                    var codes = parse.GetValue(regions)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var code in codes ?? [])
                    {
                        if (!Municipalities.IsMunicipality(code))
                        {
                            throw new CliException($"--region {code} is not a municipality code (four digits, e.g. 1980).");
                        }
                    }

                    data = await services.Get<ScbClient>().FetchAsync(requestedYear.Value, codes, cancellationToken);
                }
                else
                {
                    if (path is null)
                    {
                        throw new CliException("Say where the figures come from: --scb FILE, or --fetch --year YEAR.");
                    }

                    if (!File.Exists(path))
                    {
                        throw new CliException($"{path}: no such file.");
                    }

                    var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                    var name = Path.GetFileName(path);
                    data = (parse.GetValue(format) ?? "auto").ToLowerInvariant() switch
                    {
                        "json-stat2" or "json" => JsonStat2Reader.Read(bytes, name, null, requestedYear),
                        "csv" => ScbCsvReader.Read(bytes, name, requestedYear),
                        "auto" => bytes.AsSpan().TrimStart("\xEF\xBB\xBF \r\n\t"u8).StartsWith("{"u8)
                            ? JsonStat2Reader.Read(bytes, name, null, requestedYear)
                            : ScbCsvReader.Read(bytes, name, requestedYear),
                        var other => throw new CliException($"--format {other}: use json-stat2 or csv."),
                    };
                }

                var result = await services.Get<PopulationImport>().ImportAsync(data, parse.GetValue(snapshot), services.Get<CliSettings>().Scheme, cancellationToken);
                var s = result.Snapshot;
                Console.Out.WriteLine(result.Recorded
                    ? $"Recorded population snapshot {s.Id}: {s.Populations.Count} municipalities, {s.Source}, reference date {SwedishFormat.Date(s.ReferenceDate)}."
                    : $"Population snapshot {s.Id} is already recorded with these figures: nothing changed.");
                return CliAction.Ok;
            }
            catch (Exception e) when (e is ScbDataException or ScbUnavailableException)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static Command Show()
    {
        var snapshot = new Option<string>("--snapshot") { Description = "Snapshot id.", Required = true };
        var command = new Command("show", "A snapshot's figures with their source, reference date and provenance.") { snapshot, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var found = await FindAsync(services, parse.GetValue(snapshot)!, cancellationToken);
            var parties = await services.Get<PartyStore>().GetAllAsync(cancellationToken);
            string Name(PartyCode code) => parties.GetValueOrDefault(code)?.Name ?? Municipalities.Names.GetValueOrDefault(code.Value) ?? "";
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(new
                {
                    id = found.Id,
                    source = found.Source,
                    referenceDate = IsoDate.Format(found.ReferenceDate),
                    provenance = found.Provenance,
                    populations = found.Populations.OrderBy(p => p.Key).Select(p => new { code = p.Key.Value, name = Name(p.Key), population = p.Value }),
                });
                return CliAction.Ok;
            }

            var writer = Console.Out;
            writer.WriteLine($"Population snapshot {found.Id}: {found.Populations.Count} parties");
            writer.WriteLine($"  source:         {DisplayText.Escape(found.Source)}");
            writer.WriteLine($"  reference date: {SwedishFormat.Date(found.ReferenceDate)}");
            if (found.Provenance is { } p)
            {
                writer.WriteLine($"  table:          SCB {p.TableId}, content {p.ContentCode}, updated {(p.Updated is { } u ? u.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "not stated")}");
                writer.WriteLine($"  request:        {DisplayText.Escape(Shorten(p.Request))}");
            }
            else
            {
                writer.WriteLine("  provenance:     typed in (no SCB request recorded)");
            }

            writer.WriteLine();
            var table = new TextTable(("Code", false), ("Name", false), ("Population", true));
            foreach (var (code, population) in found.Populations.OrderBy(p => p.Key))
            {
                table.Add(code.Value, Name(code), SwedishFormat.Integer(population));
            }

            table.AddSeparator();
            table.Add("", "Sum", SwedishFormat.Integer(found.Populations.Values.Sum()));
            table.WriteTo(writer);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Compare()
    {
        var snapshots = new Option<string[]>("--snapshot") { Description = "Two snapshot ids: --snapshot A --snapshot B.", Required = true, AllowMultipleArgumentsPerToken = false };
        var command = new Command("compare", "Every municipality whose figure differs between two snapshots, and what that does to each pool split by either.") { snapshots, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var ids = parse.GetValue(snapshots) ?? [];
            if (ids.Length != 2)
            {
                throw new CliException("Name exactly two snapshots: --snapshot A --snapshot B.");
            }

            var a = await FindAsync(services, ids[0], cancellationToken);
            var b = await FindAsync(services, ids[1], cancellationToken);
            var parties = await services.Get<PartyStore>().GetAllAsync(cancellationToken);
            var budgets = await services.Get<BudgetStore>().ListAsync(services.Get<CliSettings>().Scheme, cancellationToken);
            var comparison = PopulationComparison.Compare(a, b, budgets, parties);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(PopulationComparisonOutput.Json(comparison));
            }
            else
            {
                PopulationComparisonOutput.Write(comparison, Console.Out);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static async Task<PopulationSnapshot> FindAsync(IServiceProvider services, string id, CancellationToken cancellationToken) =>
        await services.Get<PopulationStore>().FindAsync(id, cancellationToken)
        ?? throw new CliException($"There is no population snapshot '{id}'.");

    private static string Shorten(string request) => request.Length <= 400 ? request : request[..400] + $" … ({request.Length} characters; --json shows it all)";
}
