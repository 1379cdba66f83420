using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;

namespace Invoicing.Cli.Commands;

internal static class PaymentsCommands
{
    public static Command Create()
    {
        var command = new Command("payments", "Register payments, import bank files, and book what matched nothing.");
        command.Subcommands.Add(Register());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(PaymentFilesCommands.Create());
        command.Subcommands.Add(Unmatched());
        command.Subcommands.Add(Book());
        command.Subcommands.Add(Refund());
        return command;
    }

    private static Command Refund()
    {
        var number = new Argument<string>("number") { Description = "Invoice number the refund was owed on, e.g. 202600014." };
        var year = CliOptions.Year();
        var amount = new Option<string>("--amount") { Description = "Amount paid back in kronor, e.g. 6051 or 6051,00 (at most what is owed back).", Required = true };
        var date = new Option<string>("--date") { Description = "Date it was paid out, yyyy-MM-dd (not in the future).", Required = true };
        var reference = new Option<string>("--reference") { Description = "Your reference for the payment out (e.g. the payment order). The same invoice, amount, date and reference are booked once.", Required = true };
        var note = new Option<string?>("--note") { Description = "A note kept with the refund." };
        var command = new Command("refund", "Book money paid back to a party that paid more than it owes: the refund owed goes down.") { number, year, amount, date, reference, note };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var invoice = await InvoicesCommands.FindAsync(services, parse.GetValue(number)!, parse.GetValue(year), cancellationToken);
            // Parsed here; whether the amount and date are acceptable is the ledger's one rule (PaymentAcceptance).
            var money = Money.TryParseKronor(parse.GetValue(amount), out var m)
                ? m
                : throw new CliException($"--amount '{parse.GetValue(amount)}' is not an amount in kronor with at most two decimals.");
            var paidOn = IsoDate.TryParse(parse.GetValue(date), out var d) ? d : throw new CliException($"--date '{parse.GetValue(date)}' is not a date in the form yyyy-MM-dd.");
            var text = parse.GetValue(reference)!.Trim();
            if (text.Length is 0 or > PaymentReferenceLength || text.Any(char.IsControl))
            {
                throw new CliException($"--reference must be 1 to {PaymentReferenceLength} characters without control characters.");
            }

            var result = await services.Get<PaymentLedger>().RefundAsync(
                invoice.Key, PaymentBooking.ManualRefund(invoice.Number, money, paidOn, text, parse.GetValue(note)), cancellationToken);
            var chain = await services.Get<InvoiceStore>().FindChainAsync(invoice.Key, cancellationToken);
            var owed = chain?.BalanceOf(invoice.Number).RefundOwed ?? Money.Zero;
            Console.Out.WriteLine(result.Booked
                ? $"Refunded {SwedishFormat.Amount(money)} on invoice {invoice.Number} ({DisplayText.Escape(invoice.DebtorName)}): {result.Before} -> {result.After}; still owed back {SwedishFormat.Amount(owed)}."
                : $"This refund was already booked on invoice {invoice.Number}; nothing changed (status {result.After}, still owed back {SwedishFormat.Amount(owed)}).");
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>A reference fits a bank statement line or a payment order's number.</summary>
    private const int PaymentReferenceLength = 200;

    private static Command Register()
    {
        var number = new Argument<string>("number") { Description = "Invoice number, e.g. 202600014." };
        var amount = new Option<string>("--amount") { Description = "Amount in kronor, e.g. 43035 or 43035,50.", Required = true };
        var date = new Option<string>("--date") { Description = "Payment date, yyyy-MM-dd (not in the future).", Required = true };
        var note = new Option<string?>("--note") { Description = "A note kept with the payment." };
        var reference = new Option<string?>("--reference") { Description = "Your reference for this payment (e.g. the bank statement line). The same invoice, amount, date and reference are booked once." };
        var command = new Command("register", "Book a payment by hand on an invoice.") { number, amount, date, note, reference };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var invoice = await FindInvoiceAsync(services, parse.GetValue(number)!, parse.GetValue(CliOptions.Scheme), cancellationToken);
            // Parsed here; whether the amount and date are acceptable is the ledger's one rule (PaymentAcceptance).
            var money = Money.TryParseKronor(parse.GetValue(amount), out var m)
                ? m
                : throw new CliException($"--amount '{parse.GetValue(amount)}' is not an amount in kronor with at most two decimals.");
            var paidOn = IsoDate.TryParse(parse.GetValue(date), out var d) ? d : throw new CliException($"--date '{parse.GetValue(date)}' is not a date in the form yyyy-MM-dd.");
            var result = await services.Get<PaymentLedger>().BookAsync(
                invoice.Key, PaymentBooking.Manual(invoice.Number, money, paidOn, parse.GetValue(note), parse.GetValue(reference)), cancellationToken);
            Console.Out.WriteLine(result.Booked
                ? $"Booked {SwedishFormat.Amount(money)} on invoice {invoice.Number} ({DisplayText.Escape(invoice.DebtorName)}): {result.Before} -> {result.After}{ImportReportOutput.Flags(result)}."
                : $"This payment was already booked on invoice {invoice.Number}; nothing changed (status {result.After}).");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A camt.054 (ISO 20022) or BgMax file; the format is read from its content." };
        var command = new Command("import", "Book a bank file's payments by OCR reference; the rest goes to the unmatched list. The file is archived once, byte for byte; importing it again books nothing twice.") { file, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: file not found.");
            }

            // Streamed from disk on each pass (hash, read, archive): memory holds the entries, never the whole file.
            var imported = await services.Get<BankFileIntake>().ImportAsync(BankFileContent.FromFile(path), BankFileOrigin.Terminal(), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(Web.Contracts.ImportReportView.From(imported));
                return CliAction.Ok;
            }

            ImportReportOutput.Write(imported.Report, Console.Out);
            BankFileOutput.WriteArchived(imported, Console.Out);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Unmatched()
    {
        var command = new Command("unmatched", "Payments that matched no invoice, waiting to be booked by hand.") { CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var open = await services.Get<SuspenseList>().ListOpenAsync(cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(open.Select(Web.Contracts.UnmatchedPaymentView.From));
                return CliAction.Ok;
            }

            var table = new TextTable(("Id", false), ("Date", false), ("Amount", true), ("Reference", false), ("Payer", false), ("Text", false), ("Reason", false), ("Suggested", false), ("File", false));
            foreach (var p in open)
            {
                table.Add(p.Id[..12], SwedishFormat.Date(p.PaidOn), SwedishFormat.Amount(p.Amount), p.Reference ?? "", p.PayerName ?? "",
                    string.Join(" / ", p.Texts), p.Reason, p.Suggested is { } s ? $"{s.Invoice.Number} ({s.DebtorName})" : "", BankFileOutput.ShortId(p.FileId));
            }

            table.WriteTo(Console.Out);
            Console.Out.WriteLine($"{open.Count} unmatched payments, {SwedishFormat.Amount(Money.Sum(open.Select(p => p.Amount)))}. Book one with: ./invoicing payments book ID --invoice NUMBER (a suggested invoice is booked only when you name it).");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Book()
    {
        var id = new Argument<string>("id") { Description = "The unmatched payment's id (the first 12 characters are enough)." };
        var invoiceOption = new Option<string>("--invoice") { Description = "Invoice number to book it on.", Required = true };
        var command = new Command("book", "Book an unmatched payment by hand on an invoice.") { id, invoiceOption };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var suspense = services.Get<SuspenseList>();
            var wanted = IdText.Check(parse.GetValue(id)!, "Unmatched payment id");
            var matches = (await suspense.ListOpenAsync(cancellationToken)).Where(p => p.Id.StartsWith(wanted, StringComparison.Ordinal)).ToArray();
            var payment = matches.Length switch
            {
                1 => matches[0],
                0 => throw new CliException($"There is no open unmatched payment {wanted} (see ./invoicing payments unmatched)."),
                _ => throw new CliException($"'{wanted}' matches {matches.Length} unmatched payments; give more of the id."),
            };
            var invoice = await FindInvoiceAsync(services, parse.GetValue(invoiceOption)!, parse.GetValue(CliOptions.Scheme), cancellationToken);
            var result = await suspense.BookAsync(payment.Id, invoice.Key, cancellationToken);
            Console.Out.WriteLine(result.Flag == PaymentFlag.Deduction
                ? $"Settled the deduction of {SwedishFormat.Amount(-payment.Amount)} on invoice {invoice.Number} ({DisplayText.Escape(invoice.DebtorName)}): {result.Before} -> {result.After}."
                : $"Booked {SwedishFormat.Amount(payment.Amount)} on invoice {invoice.Number} ({DisplayText.Escape(invoice.DebtorName)}): {result.Before} -> {result.After}{ImportReportOutput.Flags(result)}.");
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>The invoice with this number: in the series of the scheme given with --scheme, else in any issuer's (refused when in two).</summary>
    internal static async Task<IssuedDocument> FindInvoiceAsync(IServiceProvider services, string number, string? scheme, CancellationToken cancellationToken)
    {
        var parsed = InvoiceNumber.TryParse(IdText.Check(number, "Invoice number"), out var n) ? n : throw new CliException($"'{DocumentText.Quote(number)}' is not an invoice number (nine digits, e.g. 202600014).");
        return await services.Get<InvoiceFinder>().FindAsync(parsed, cancellationToken, scheme is null ? null : new Invoicing.SchemeId(scheme))
            ?? throw new CliException($"There is no issued invoice {number}.");
    }
}
