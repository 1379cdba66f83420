using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Dataset;

namespace Invoicing.Cli.Commands;

internal static class SeedCommand
{
    /// <summary>The dataset that ships with the CLI: Region Mitt's 2026 budget.</summary>
    public static string BundledDataset => Path.Combine(AppContext.BaseDirectory, "data", "region-mitt-2026");

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Dataset folder (parties.csv, populations.csv, budget.json). Default: the bundled Region Mitt 2026 data." };
        var command = new Command("seed", "Load a dataset into the tables; its budget as a draft.") { data };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var dataset = DatasetLoader.Load(parse.GetValue(data) ?? BundledDataset);
            await SeedAsync(services, dataset, Console.Out, cancellationToken);
            return CliAction.Ok;
        });
        return command;
    }

    public static async Task SeedAsync(IServiceProvider services, Dataset.Dataset dataset, TextWriter output, CancellationToken cancellationToken)
    {
        var outcome = await services.Get<DatasetSeeder>().SeedAsync(dataset, cancellationToken);
        await output.WriteLineAsync(outcome == SeedOutcome.Seeded
            ? $"Seeded {Counted.Of(dataset.Parties.Count, "party", "parties")}, {Counted.Of(dataset.Snapshots.Count, "population snapshot", "population snapshots")} and budget {dataset.Budget.Key} (draft)."
            : $"Budget {dataset.Budget.Key} is already approved: budget and populations left as they are; party details updated (the next run issues any reserved invoice with them).");
    }
}
