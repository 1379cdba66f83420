using System.Globalization;
using System.Text;
using Invoicing.Accounting;
using Invoicing.Audit;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Payments;
using Invoicing.Storage;

namespace Invoicing.Composition;

/// <summary>
/// The system documentation (systemdokumentation, LKBR 3 kap. 11 §), written from the code itself: the tables and
/// containers the product keeps (its storage lists), the accounts of the configured SIE export and its voucher rules —
/// shown by running the voucher builder on a sample year, not described by hand — the audit events, the retention, and
/// how to follow a document from invoice to voucher and back. <c>./invoicing systemdokumentation</c> prints it;
/// <c>docs/systemdokumentation.md</c> is that output, and a test fails when the two differ.
/// </summary>
public static class SystemDocumentation
{
    /// <summary>The days documents, bank files and audit seals are immutable in Azure (Bicep's <c>immutabilityRetentionDays</c>): seven years and the current one.</summary>
    public const int RetentionDays = 2922;

    public static string Write(SieChart chart)
    {
        var text = new StringBuilder();
        text.AppendLine("# Systemdokumentation")
            .AppendLine()
            .AppendLine("Written by `./invoicing systemdokumentation` from the code and the bundled settings (`src/Invoicing.Cli/appsettings.json`);")
            .AppendLine("do not edit by hand: `tests/Invoicing.EndToEndTests` fails when this file differs from what the command prints.")
            .AppendLine("The processing history (behandlingshistorik) is the audit trail below; the data model in detail is `docs/data-model.md`.")
            .AppendLine();

        text.AppendLine("## Tables (Azure Table Storage)").AppendLine().AppendLine("| table | what a row is |").AppendLine("|---|---|");
        foreach (var table in InvoicingStorage.TableNames)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{table}` | {Meaning(StorageNames.Meanings, table)} |");
        }

        text.AppendLine().AppendLine("## Blob containers").AppendLine().AppendLine("| container | what it holds |").AppendLine("|---|---|");
        foreach (var container in InvoicingStorage.ContainerNames)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{container}` | {Meaning(StorageNames.Meanings, container)} |");
        }

        text.AppendLine()
            .AppendLine("## Retention")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Documents (`{StorageNames.InvoicesContainer}`, `{StorageNames.EInvoicesContainer}`, `{StorageNames.RemindersContainer}`), archived bank files (`{StorageNames.ArchivedBankFilesContainer}`) and audit seals (`{StorageNames.AuditSealsContainer}`)")
            .AppendLine(CultureInfo.InvariantCulture, $"are immutable for {RetentionDays} days ({RetentionDays / 365} years: the seven years of bokföringslagen 7 kap. 2 § and the current one) by a")
            .AppendLine("time-based immutability policy in Azure. Table rows are never deleted by the product; an invoice issued by mistake is voided by a credit note.")
            .AppendLine();

        WriteAccounts(text, chart);
        WriteVouchers(text, chart);

        text.AppendLine("## Audit events").AppendLine()
            .AppendLine("Each event records who (an Entra principal's name and object id, an API key's name, the terminal's `user@host`, a function's name and")
            .AppendLine("invocation id), when (UTC), from where (`cli`, `api`, `timer`, `blob`), the scheme, year and document, the amount and what the document")
            .AppendLine("owed before and after. Events are numbered without gaps; each carries the SHA-256 of the one before it (`./invoicing audit verify`).")
            .AppendLine()
            .AppendLine("| action | what it records |").AppendLine("|---|---|");
        foreach (var (action, meaning) in AuditActions.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{action}` | {meaning} |");
        }

        var key = new InvoiceKey(new SchemeId("region-mitt-pom"), 2026, InvoiceNumber.Parse("202600014"));
        text.AppendLine()
            .AppendLine("## Following a document")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"From invoice {key.Number} ({key.Scheme}, {key.Year}) to its vouchers and back:")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"1. The invoice: `./invoicing invoices show {key.Number}`, row `{key.Number}` of the ledger table (`Invoices`); its PDF `{StorageNames.InvoicesContainer}/{key.Scheme}/{key.Year}/{key.Number}.pdf` (SHA-256 on the row), its UBL `{StorageNames.EInvoicesContainer}/{Invoice.EInvoiceBlobNameFor(key.Scheme, key.Year, key.Number)}`.")
            .AppendLine(CultureInfo.InvariantCulture, $"2. Its voucher: series `{VoucherBuilder.InvoiceSeries}`, dated the issue date, text `Faktura {key.Number} …` in the SIE file (`./invoicing export sie`); each payment's voucher is series `{VoucherBuilder.PaymentSeries}`, text `Inbetalning {key.Number} …`.")
            .AppendLine(CultureInfo.InvariantCulture, $"3. Each payment's record names its source: the bank file's SHA-256 (`./invoicing payments files download ID`, `{StorageNames.ArchivedBankFilesContainer}/ID`) or `manual`.")
            .AppendLine(CultureInfo.InvariantCulture, $"4. Who did each step and when: `./invoicing audit --invoice {key.Number}` (the page's \"Historik\").")
            .AppendLine("5. Back from a voucher: its text names the document number; from a bank file: `payments files` lists what it booked.");
        return text.ToString();
    }

    private static string Meaning(IReadOnlyDictionary<string, string> meanings, string name) =>
        meanings.TryGetValue(name, out var meaning) ? meaning : throw new InvalidOperationException($"{name} has no meaning in the system documentation: add it to {nameof(StorageNames)}.{nameof(StorageNames.Meanings)}.");

    private static void WriteAccounts(StringBuilder text, SieChart chart)
    {
        text.AppendLine("## Accounts of the SIE export (as configured)").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Chart of accounts `{chart.ChartType}`; party dimension {(chart.PartyDimension is { } d ? $"{d} ({chart.PartyDimensionName})" : "none")}.")
            .AppendLine()
            .AppendLine("| role | account |").AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| receivables | {chart.Receivables.Number} {chart.Receivables.Name} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| contribution income | {chart.ContributionIncome.Number} {chart.ContributionIncome.Name} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| bank | {chart.Bank.Number} {chart.Bank.Name} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| refunds owed | {chart.RefundsOwed.Number} {chart.RefundsOwed.Name} |")
            .AppendLine();
    }

    /// <summary>The voucher rules, shown by the voucher builder itself on one party's sample year.</summary>
    private static void WriteVouchers(StringBuilder text, SieChart chart)
    {
        var party = new PartyCode("1981");
        var invoice = SampleInvoice(InvoiceNumber.Parse("202600014"), party, new DateOnly(2026, 1, 20), Money.FromKronor(1_000));
        var credit = SampleCreditNote(InvoiceNumber.Parse("202600031"), party, new DateOnly(2026, 4, 15), Money.FromKronor(300), new DocumentReference(invoice.Number, invoice.IssueDate));
        var bookedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        PaymentRecord Paid(string reference, long kronor, DateOnly on, PaymentFlag flag) =>
            new(invoice.Number, reference, "bank.xml", Money.FromKronor(kronor), on, bookedAt.AddDays(on.DayNumber - 739_000), PaymentStatus.Unpaid, PaymentStatus.Paid, flag, null, null);
        AccountingEvent[] events =
        [
            new InvoiceIssued(invoice) { DueBefore = Money.Zero },
            new PaymentReceived(invoice, Paid("bank:1", 1_000, new DateOnly(2026, 2, 10), PaymentFlag.None), Money.FromKronor(1_000)),
            new CreditNoteIssued(credit, [new DueChange(invoice.Number, Money.Zero, Money.FromKronor(-300))]),
            new PaymentReceived(invoice, Paid("bank:2", 200, new DateOnly(2026, 5, 4), PaymentFlag.InvoiceAlreadyPaid), Money.FromKronor(-300)),
            new PaymentReceived(invoice, Paid("bank:2-rev", -200, new DateOnly(2026, 5, 6), PaymentFlag.Reversal), Money.FromKronor(-500)),
            new PaymentReceived(invoice, Paid("refund:1", -300, new DateOnly(2026, 5, 20), PaymentFlag.Refund), Money.FromKronor(-300)),
        ];
        text.AppendLine("## Voucher rules")
            .AppendLine()
            .AppendLine("One party's sample year, booked by the export's own voucher builder: an invoice of 1 000 kr, paid in full; a credit note of")
            .AppendLine("300 kr on the paid invoice (a refund owed); a second payment of 200 kr, which the bank then reverses; the 300 kr refunded.")
            .AppendLine("Debit positive, credit negative. Every voucher balances; the receivable and the refund owed end at what the chain still asks and owes back.")
            .AppendLine()
            .AppendLine("| series | date | text | account | debit | credit |").AppendLine("|---|---|---|---|---:|---:|");
        foreach (var voucher in VoucherBuilder.Build(events, chart))
        {
            var first = true;
            foreach (var row in voucher.Rows)
            {
                var (debit, credit2) = row.Amount > Money.Zero ? (SwedishFormat.Amount(row.Amount), "") : ("", SwedishFormat.Amount(-row.Amount));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {(first ? voucher.Series : "")} | {(first ? IsoDate.Format(voucher.Date) : "")} | {(first ? voucher.Text : "")} | {row.Account.Number} {row.Account.Name} | {debit} | {credit2} |");
                first = false;
            }
        }

        text.AppendLine();
    }

    private static Invoice SampleInvoice(InvoiceNumber number, PartyCode party, DateOnly issued, Money total) =>
        new(new SchemeId("region-mitt-pom"), 2026, number, party, "Sala kommun", OcrReference.Create(number.ToString()), issued, issued.AddDays(30),
            [new InvoiceLine(1, "Bidrag", total)], total, Money.Zero, total, $"region-mitt-pom/2026/{number}.pdf", new string('0', 64));

    private static CreditNote SampleCreditNote(InvoiceNumber number, PartyCode party, DateOnly issued, Money total, DocumentReference credits) =>
        new(new SchemeId("region-mitt-pom"), 2026, number, party, "Sala kommun", issued,
            [new InvoiceLine(1, "Bidrag", total)], total, Money.Zero, total, $"region-mitt-pom/2026/{number}.pdf", new string('0', 64), credits);
}
