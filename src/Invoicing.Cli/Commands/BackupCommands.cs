using System.CommandLine;
using System.Globalization;
using Invoicing.Backup;
using Invoicing.Cli.Output;

namespace Invoicing.Cli.Commands;

/// <summary><c>backup --out DIR</c> and <c>restore --from DIR</c>: the whole store to a folder and back (docs/operations.md, "Restore drill").</summary>
internal static class BackupCommands
{
    public static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "A new or empty folder to write the backup to.", Required = true };
        var command = new Command(
            "backup",
            "Write every table row (all properties, their types exact) and every blob (bytes, headers, metadata) of the store to a folder, " +
            "with a manifest of each file's SHA-256 (docs/operations.md).")
        {
            output,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var folder = BackupFolder.CreateNew(parse.GetValue(output)!);
            var manifest = await services.Get<StoreBackup>().WriteAsync(folder, blobContents: true, cancellationToken);
            await Console.Out.WriteLineAsync(
                $"Wrote backup to {folder.Location}: {manifest.Tables.Sum(t => t.Rows)} rows in {manifest.Tables.Count} tables, " +
                $"{manifest.Containers.Sum(c => c.Blobs)} blobs ({Size(manifest.Containers.Sum(c => c.Bytes))}) in {manifest.Containers.Count} containers, " +
                $"taken {manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.");
            foreach (var table in manifest.Tables)
            {
                await Console.Out.WriteLineAsync($"  table {table.Name,-20} {table.Rows,7} {Counted.Noun(table.Rows, "row", "rows")}");
            }

            foreach (var container in manifest.Containers)
            {
                await Console.Out.WriteLineAsync($"  container {container.Name,-20} {container.Blobs,3} {Counted.Noun(container.Blobs, "blob", "blobs")}");
            }

            return CliAction.Ok;
        });
        return command;
    }

    public static Command Restore()
    {
        var from = new Option<string>("--from") { Description = "The folder ./invoicing backup --out wrote.", Required = true };
        var command = new Command(
            "restore",
            "Restore a backup into the store of --storage, which must be empty: the manifest's SHA-256 of every file is checked first, " +
            "and a damaged backup or a store that holds data is refused with nothing written.")
        {
            from,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var folder = BackupFolder.Open(parse.GetValue(from)!);
            var summary = await services.Get<StoreRestore>().RestoreAsync(folder, cancellationToken);
            await Console.Out.WriteLineAsync(
                $"Restored the backup of {summary.BackupCreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC from {summary.Source}: " +
                $"{summary.TotalRows} rows into {summary.Rows.Count} tables, {summary.TotalBlobs} blobs into {summary.Blobs.Count} containers.");
            return CliAction.Ok;
        });
        return command;
    }

    private static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB");
}
