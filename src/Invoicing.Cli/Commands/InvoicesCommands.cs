using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuing;

namespace Invoicing.Cli.Commands;

internal static class InvoicesCommands
{
    public static Command Create()
    {
        var command = new Command("invoices", "List and download issued invoices.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Download());
        command.Subcommands.Add(Void());
        return command;
    }

    private static Command Void()
    {
        var number = new Argument<string>("number") { Description = "The invoice issued by mistake, e.g. 202600014." };
        var year = CliOptions.Year();
        var reason = new Option<string>("--reason") { Description = $"Why it is voided (at most {InvoiceVoiding.MaxReasonLength} characters): printed on the credit note.", Required = true };
        var command = new Command("void", "Void an invoice issued by mistake: a full credit note naming it and the reason, in the same number series (PDF and e-invoice). Never a deletion; an invoice is voided once.") { number, year, reason };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var invoice = await FindAsync(services, parse.GetValue(number)!, parse.GetValue(year), cancellationToken);
            var voided = await services.Get<InvoiceVoiding>().VoidAsync(invoice.Key, parse.GetValue(reason)!, cancellationToken);
            var credit = voided.CreditNote;
            var writer = Console.Out;
            writer.WriteLine($"Voided invoice {invoice.Number} ({invoice.DebtorCode} {DisplayText.Escape(invoice.DebtorName)}, {SwedishFormat.Amount(invoice.Total)}) by credit note {credit.Number} of {SwedishFormat.Date(credit.IssueDate)}, {SwedishFormat.Amount(credit.Total)}: {DisplayText.Escape(credit.Reason)}");
            writer.WriteLine($"Credit note PDF invoices/{credit.BlobName}; " + (credit.EInvoiceBlobName is { } ubl ? $"e-invoice (UBL CreditNote) einvoices/{ubl}." : InvoiceOutput.EInvoiceColumn(credit) + "."));
            writer.WriteLine(voided.Invoice.RefundOwed > Money.Zero
                ? $"Invoice {invoice.Number} is {voided.Invoice.Status}: {SwedishFormat.Amount(voided.Invoice.RefundOwed)} paid on it is owed back (book it when paid out: ./invoicing payments refund {invoice.Number} --year {invoice.Year} --amount A --date D --reference R)."
                : $"Invoice {invoice.Number} is {voided.Invoice.Status}: nothing is due on it and it gets no reminder.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var year = CliOptions.Year();
        var command = new Command("list", "A year's invoices with their payment status.") { year, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var documents = DocumentChain.BalancesOf(await services.Get<InvoiceStore>().ListAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken));
            if (parse.GetValue(CliOptions.Json))
            {
                // The same contract as the API's invoice list (docs/api.md), so a script can read either.
                var today = SwedishCalendar.Today(services.Get<TimeProvider>());
                var corrections = Web.Contracts.InvoiceSummary.Corrections(documents);
                CliJson.Write(documents.Select(d => Web.Contracts.InvoiceSummary.From(d, today, corrections)));
            }
            else
            {
                InvoiceOutput.WriteTable(documents, Console.Out);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var number = new Argument<string>("number") { Description = "Invoice number, e.g. 202600014." };
        var command = new Command("show", "One invoice: its lines, payment status, every payment and reminder.") { number };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var invoice = await PaymentsCommands.FindInvoiceAsync(services, parse.GetValue(number)!, parse.GetValue(CliOptions.Scheme), cancellationToken);
            var payments = await services.Get<PaymentHistory>().ListAsync(invoice.Key, cancellationToken);
            var reminders = await services.Get<Invoicing.Invoices.ReminderHistory>().ListAsync(invoice.Key, cancellationToken);
            var writer = Console.Out;
            switch (invoice)
            {
                case CreditNote creditNote:
                    writer.WriteLine($"Credit note {creditNote.Number} to {creditNote.DebtorCode} {DisplayText.Escape(creditNote.DebtorName)} ({creditNote.Scheme} {creditNote.Year})");
                    writer.WriteLine($"Issued {SwedishFormat.Date(creditNote.IssueDate)}, PDF {creditNote.BlobName}");
                    writer.WriteLine($"Credits invoice {creditNote.Credits.Number} of {SwedishFormat.Date(creditNote.Credits.IssueDate)}: {DisplayText.Escape(creditNote.Reason)}");
                    break;
                case Invoice shown:
                    writer.WriteLine($"Invoice {shown.Number} to {shown.DebtorCode} {DisplayText.Escape(shown.DebtorName)} ({shown.Scheme} {shown.Year})");
                    writer.WriteLine($"Issued {SwedishFormat.Date(shown.IssueDate)}, due {SwedishFormat.Date(shown.DueDate)}, OCR {shown.Ocr}, PDF {shown.BlobName}");
                    if (shown.AddsTo is { } adds)
                    {
                        writer.WriteLine($"Adds to invoice {adds.Number} of {SwedishFormat.Date(adds.IssueDate)}: {DisplayText.Escape(shown.Reason)}");
                    }

                    break;
            }

            writer.WriteLine(invoice.EInvoiceBlobName is { } ubl ? $"E-invoice (Peppol BIS 3.0 UBL) einvoices/{ubl}" : InvoiceOutput.EInvoiceColumn(invoice));
            writer.WriteLine();
            var lines = new TextTable(("Line", false), ("Amount", true));
            foreach (var line in invoice.Lines)
            {
                lines.Add(line.Description, SwedishFormat.Amount(line.Amount));
            }

            lines.AddSeparator();
            lines.Add("Total", SwedishFormat.Amount(invoice.Total));
            lines.WriteTo(writer);
            writer.WriteLine();
            var chain = await services.Get<InvoiceStore>().FindChainAsync(invoice.Key, cancellationToken)
                ?? throw new CliException($"There is no issued invoice {invoice.Number}.");
            writer.WriteLine(chain.BalanceOf(invoice.Number) switch
            {
                CreditNoteBalance credit => $"Status {credit.Status}: {SwedishFormat.Amount(credit.CreditNote.Total)} credited to invoice {credit.CreditNote.Credits.Number}",
                var balance => $"Status {balance.Status}: paid {SwedishFormat.Amount(balance.Paid)}, credited {SwedishFormat.Amount(balance.Credited)}, due {SwedishFormat.Amount(balance.Due)}" +
                    (balance.Settled != Money.Zero ? $", settled within the chain {SwedishFormat.Amount(balance.Settled)}" : "") +
                    (balance.Refunded > Money.Zero ? $"; refunded {SwedishFormat.Amount(balance.Refunded)}" : "") +
                    (balance.RefundOwed > Money.Zero ? $"; refund owed {SwedishFormat.Amount(balance.RefundOwed)}" : "") +
                    (balance is InvoiceBalance { Invoice.NeedsManualFollowUp: true } ? "; handed to manual follow-up" : ""),
            });
            WriteChain(chain, invoice, writer);
            if (payments.Count > 0)
            {
                writer.WriteLine();
                var table = new TextTable(("Paid on", false), ("Amount", true), ("Source", false), ("Entry", false), ("Status", false), ("Booked", false), ("Note", false));
                foreach (var p in payments)
                {
                    // A payment from a bank file names the archived file (payments files download ID).
                    table.Add(SwedishFormat.Date(p.PaidOn), SwedishFormat.Amount(p.Amount), p.FileId is { } file ? $"{p.Source} (file {Output.BankFileOutput.ShortId(file)})" : p.Source, p.EntryReference,
                        $"{p.StatusBefore} -> {p.StatusAfter}" + (p.Flag == Invoicing.Invoices.PaymentFlag.None ? "" : $" ({p.Flag})") + (p.PaidInAdvance ? " (paid in advance)" : ""),
                        p.BookedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC",
                        p.Note ?? "");
                }

                table.WriteTo(writer);
            }

            if (reminders.Count > 0)
            {
                writer.WriteLine();
                var table = new TextTable(("Reminder", false), ("Date", false), ("New due date", false), ("Amount", true), ("PDF", false));
                foreach (var r in reminders)
                {
                    table.Add(r.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), SwedishFormat.Date(r.RemindedOn), SwedishFormat.Date(r.NewDueDate), SwedishFormat.Amount(r.Total), "reminders/" + r.BlobName);
                }

                table.WriteTo(writer);
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>The chain the document belongs to: the original, its supplements and credit notes, each with its status, and the chain as one debt.</summary>
    private static void WriteChain(DocumentChain chain, IssuedDocument invoice, TextWriter writer)
    {
        var documents = chain.Balances.ToArray();
        if (documents.Length < 2)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"Documents to {invoice.DebtorCode} {DisplayText.Escape(invoice.DebtorName)}, {invoice.Scheme} {invoice.Year}:");
        var table = new TextTable(("Number", false), ("Kind", false), ("Issued", false), ("Amount", true), ("Corrects", false), ("Revision", true), ("Status", false));
        foreach (var b in documents)
        {
            var d = b.Document;
            table.Add(d.Number.ToString() + (d.Number == invoice.Number ? " *" : ""), d.Kind.ToText(), SwedishFormat.Date(d.IssueDate),
                SwedishFormat.Amount(d.SignedTotal), d.Corrects?.Number.ToString() ?? "", d.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Status.ToString());
        }

        table.AddSeparator();
        table.Add("", "net", "", SwedishFormat.Amount(chain.Balance.Asked), "", "", chain.Balance.Status.ToString());
        table.WriteTo(writer);
        writer.WriteLine($"The chain: paid {SwedishFormat.Amount(chain.Balance.Paid)}, refunded {SwedishFormat.Amount(chain.Balance.Refunded)}, due {SwedishFormat.Amount(chain.Balance.Due)}, refund owed {SwedishFormat.Amount(chain.Balance.RefundOwed)}.");
    }

    /// <summary>The document with this number in the scheme's year (the scheme from --scheme or the default).</summary>
    internal static async Task<IssuedDocument> FindAsync(IServiceProvider services, string number, int year, CancellationToken cancellationToken)
    {
        var scheme = services.Get<CliSettings>().Scheme;
        var parsed = InvoiceNumber.TryParse(IdText.Check(number, "Invoice number"), out var n) ? n : throw new CliException($"'{DocumentText.Quote(number)}' is not an invoice number (nine digits, e.g. 202600001).");
        return await services.Get<InvoiceStore>().FindAsync(scheme, year, parsed, cancellationToken)
            ?? throw new CliException($"There is no invoice {number} for scheme {scheme}, year {year}.");
    }

    private static string OutputReason(IssuedDocument invoice) => InvoiceOutput.EInvoiceColumn(invoice);

    private static Command Download()
    {
        var year = CliOptions.Year();
        var number = new Argument<string?>("number") { Description = "Invoice number, e.g. 202600001.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every invoice of the year." };
        var output = new Option<string>("--out") { Description = "Folder to save the files in.", Required = true };
        var format = new Option<string>("--format") { Description = "pdf (default) or ubl: the Peppol BIS Billing 3.0 e-invoice, NUMBER.xml.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "ubl");
        var reminder = new Option<int?>("--reminder") { Description = $"The reminder of this level (1 or {Invoice.MaxReminderLevel}) of invoice NUMBER, as it was sent: paminnelse-NUMBER-LEVEL.pdf." };
        var command = new Command("download", "Save invoice PDFs, e-invoices or a reminder (NUMBER or --all) to a folder, checked against their recorded SHA-256.") { number, year, all, output, format, reminder };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var scheme = services.Get<CliSettings>().Scheme;
            var store = services.Get<InvoiceStore>();
            var wanted = parse.GetValue(number);
            if (wanted is null == !parse.GetValue(all))
            {
                throw new CliException("Name one invoice NUMBER or pass --all (not both).");
            }

            if (parse.GetValue(reminder) is { } level)
            {
                if (wanted is null || parse.GetValue(format) != "pdf")
                {
                    throw new CliException("--reminder LEVEL downloads one invoice's reminder: name the invoice NUMBER, without --all or --format ubl.");
                }

                var invoice = await FindAsync(services, wanted, parse.GetValue(year), cancellationToken);
                var sent = await services.Get<Invoicing.Invoices.ReminderHistory>().FindAsync(invoice.Key, level, cancellationToken)
                    ?? throw new CliException($"Invoice {invoice.Number} has no reminder {level}" +
                        (invoice is Invoice { ReminderLevel: > 0 and var reminded } ? $" (its reminders: 1{(reminded > 1 ? $"–{reminded}" : "")})." : "; none has been sent."));
                Console.Out.WriteLine(await InvoiceFiles.SaveReminderAsync(services.Get<InvoiceArchive>(), sent, parse.GetValue(output)!, cancellationToken));
                Console.Error.WriteLine($"Saved reminder {level} of invoice {invoice.Number} ({SwedishFormat.Amount(sent.Total)}, {SwedishFormat.Date(sent.RemindedOn)}) to {Path.GetFullPath(parse.GetValue(output)!)}.");
                return CliAction.Ok;
            }

            IReadOnlyList<IssuedDocument> invoices;
            if (wanted is null)
            {
                invoices = await store.ListAsync(scheme, parse.GetValue(year), cancellationToken);
            }
            else
            {
                var parsed = InvoiceNumber.TryParse(IdText.Check(wanted, "Invoice number"), out var n) ? n : throw new CliException($"'{DocumentText.Quote(wanted)}' is not an invoice number (nine digits, e.g. 202600001).");
                invoices = [await store.FindAsync(scheme, parse.GetValue(year), parsed, cancellationToken)
                    ?? throw new CliException($"There is no invoice {wanted} for scheme {scheme}, year {parse.GetValue(year)}.")];
            }

            var archive = services.Get<InvoiceArchive>();
            if (parse.GetValue(format) == "ubl")
            {
                // With --all, invoices issued as PDF only are listed with their reason instead of failing the rest.
                var saved = 0;
                foreach (var invoice in invoices)
                {
                    if (invoice.EInvoiceBlobName is null && wanted is null)
                    {
                        Console.Error.WriteLine($"{invoice.Number}: {OutputReason(invoice)}");
                        continue;
                    }

                    Console.Out.WriteLine(await InvoiceFiles.SaveEInvoiceAsync(archive, invoice, parse.GetValue(output)!, cancellationToken));
                    saved++;
                }

                Console.Error.WriteLine($"Saved {saved} e-invoices (UBL) to {Path.GetFullPath(parse.GetValue(output)!)}.");
                return CliAction.Ok;
            }

            foreach (var invoice in invoices)
            {
                Console.Out.WriteLine(await InvoiceFiles.SaveAsync(archive, invoice, parse.GetValue(output)!, cancellationToken));
            }

            Console.Error.WriteLine($"Saved {invoices.Count} invoice PDFs to {Path.GetFullPath(parse.GetValue(output)!)}.");
            return CliAction.Ok;
        });
        return command;
    }
}
