using System.CommandLine;
using System.Security.Cryptography;
using Invoicing.Cli.Output;
using Invoicing.Payments;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>payments files</c>: the archived bank files, each imported file once (whatever the entrance), and
/// <c>payments files download ID --out DIR</c>, which writes one back byte for byte, checked against its SHA-256.
/// </summary>
internal static class PaymentFilesCommands
{
    public static Command Create()
    {
        var command = new Command("files", "The archived bank files: every imported file once, byte for byte, with its SHA-256, format, entrance, who imported it and what the import did.") { CliOptions.Json };
        command.Subcommands.Add(Download());
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var files = await services.Get<BankFileArchive>().ListAsync(cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(files.Select(Web.Contracts.BankFileView.From));
                return CliAction.Ok;
            }

            BankFileOutput.WriteList(files, Console.Out);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Download()
    {
        var id = new Argument<string>("id") { Description = "The file's SHA-256, as payments files lists it, or enough of its start to name one file." };
        var output = new Option<string>("--out") { Description = "Folder to save the file in, under the name it was first imported with.", Required = true };
        var command = new Command("download", "Write an archived bank file back byte for byte (checked against its SHA-256 on the way out).") { id, output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var archive = services.Get<BankFileArchive>();
            var file = await FindAsync(archive, parse.GetValue(id)!, cancellationToken);
            var target = await SaveAsync(archive, file, parse.GetValue(output)!, cancellationToken);
            Console.Out.WriteLine(target is null
                ? $"{Path.Combine(parse.GetValue(output)!, FileName(file))} is already this file (SHA-256 {file.Sha256}); nothing was written."
                : $"Saved {target}: {SwedishFormat.Integer(file.Size)} bytes, SHA-256 {file.Sha256} (checked), {file.FormatName}, first imported {BankFileOutput.Time(file.ImportedAt)}.");
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>The one file whose SHA-256 is <paramref name="wanted"/> or starts with it.</summary>
    private static async Task<ArchivedBankFile> FindAsync(BankFileArchive archive, string wanted, CancellationToken cancellationToken)
    {
        var text = IdText.Check(wanted, "Bank file id").ToLowerInvariant();
        if (ArchivedBankFile.IsId(text))
        {
            return await archive.FindAsync(text, cancellationToken) ?? throw NotFound(wanted);
        }

        var matches = text.Length == 0 ? [] : (await archive.ListAsync(cancellationToken)).Where(f => f.Id.StartsWith(text, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw NotFound(wanted),
            _ => throw new CliException($"'{DocumentText.Quote(wanted)}' is the start of {matches.Length} archived bank files' SHA-256; give more of it."),
        };
    }

    private static CliException NotFound(string wanted) => new($"There is no archived bank file {DocumentText.Quote(wanted)} (see ./invoicing payments files).");

    /// <summary>
    /// Writes the file into <paramref name="directory"/> under its own name, as a part file moved into place only when
    /// whole and checked. Returns the path written; null when the file is there already with the same bytes. Another
    /// file of that name is not replaced: banks give many files one name.
    /// </summary>
    private static async Task<string?> SaveAsync(BankFileArchive archive, ArchivedBankFile file, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, FileName(file));
        if (File.Exists(target))
        {
            await using var existing = File.OpenRead(target);
            if (Convert.ToHexStringLower(await SHA256.HashDataAsync(existing, cancellationToken)) == file.Sha256)
            {
                return null;
            }

            throw new CliException($"{target} exists and is another file; nothing was written. Give another --out.");
        }

        var temporary = target + ".part";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
            {
                await archive.CopyToAsync(file, stream, cancellationToken);
            }

            File.Move(temporary, target, overwrite: false);
            return target;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The name the file came with, as a plain file name here; its SHA-256 when nothing of it is usable.</summary>
    private static string FileName(ArchivedBankFile file)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string(Path.GetFileName(file.FileName.Replace('\\', '/')).Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return name.Trim('.').Length == 0 ? file.Id + (file.Format == Payments.BankFiles.BankFileFormat.Camt054 ? ".xml" : ".txt") : name;
    }
}
