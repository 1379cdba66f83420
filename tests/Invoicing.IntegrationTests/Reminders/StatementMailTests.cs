using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Reminders;
using Invoicing.Reports;
using Invoicing.Storage;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Reminders;

/// <summary>
/// A party's statement e-mailed through the outbox against Azurite: the bundled year issued 2026-01-20 to parties
/// with an e-mail address (one without), the statement sent as of the issue day.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatementMailTests(AzuriteFixture azurite)
{
    private static readonly DateOnly IssueDay = new(2026, 1, 20);

    [Fact]
    public async Task Sending_a_statement_twice_queues_one_e_mail_to_the_partys_address_with_the_rendered_statement_attached()
    {
        await using var scenario = await IssuedAsync();
        var mail = scenario.Get<StatementMail>();
        var party = new PartyCode("1980");

        var first = await mail.SendAsync(InvoicingScenario.Scheme, 2026, party, IssueDay, CancellationToken.None);
        var second = await mail.SendAsync(InvoicingScenario.Scheme, 2026, party, IssueDay, CancellationToken.None);

        Assert.Equal((true, false), (first.QueuedNow, second.QueuedNow));
        Assert.Equal("statement-region-mitt-pom-2026-1980-20260120", first.MessageId);
        var entry = Assert.Single(await scenario.Get<Outbox>().ListByIdPrefixAsync("statement-", CancellationToken.None));
        Assert.Equal((first.MessageId, "statement", "1980@kommun.example.se", OutboxState.Pending), (entry.Id, entry.Kind, entry.To, entry.State));
        Assert.StartsWith("EXEMPEL: Kontoutdrag ", entry.Subject, StringComparison.Ordinal);
        Assert.Contains(" 2026 per 2026-01-20 från ", entry.Subject, StringComparison.Ordinal);
        var statement = first.Document.Statement;
        Assert.True(statement.Due > Money.Zero);
        Assert.Contains($"Att betala: {SwedishFormat.Amount(statement.Due)}.", entry.TextBody, StringComparison.Ordinal);

        var attachment = Assert.Single(entry.Attachments);
        Assert.Equal(
            (StorageNames.RemindersContainer, "statements/region-mitt-pom/2026/1980-20260120.pdf", "kontoutdrag-region-mitt-pom-2026-1980.pdf"),
            (attachment.Container, attachment.BlobName, attachment.FileName));
        using var stored = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(attachment.Container, attachment.BlobName, stored, CancellationToken.None);
        var rendered = scenario.Get<StatementPdfRenderer>().Render(
            await scenario.Get<Statements>().FindAsync(InvoicingScenario.Scheme, 2026, party, IssueDay, CancellationToken.None));
        Assert.Equal(rendered, stored.ToArray());
    }

    [Fact]
    public async Task A_party_without_an_invoice_e_mail_address_or_a_day_not_yet_come_is_refused_and_nothing_is_queued_or_written()
    {
        await using var scenario = await IssuedAsync();
        var mail = scenario.Get<StatementMail>();

        var refused = await Assert.ThrowsAsync<StatementAddressMissingException>(
            () => mail.SendAsync(InvoicingScenario.Scheme, 2026, new PartyCode("1984"), IssueDay, CancellationToken.None));
        var future = await Assert.ThrowsAsync<DateInFutureException>(
            () => mail.SendAsync(InvoicingScenario.Scheme, 2026, new PartyCode("1980"), IssueDay.AddDays(1), CancellationToken.None));

        Assert.Equal("Party 1984 has no invoice e-mail address (parties.csv, invoice_email); the statement was not queued.", refused.Message);
        Assert.Equal("a statement as of 2026-01-21, after today (2026-01-20), cannot be sent; nothing was queued.", future.Message);
        Assert.Equal("Parten 1984 har ingen e-postadress för fakturor (parties.csv, invoice_email); kontoutdraget köades inte.", refused.SwedishMessage);
        Assert.Equal("Ett kontoutdrag per 2026-01-21, efter i dag (2026-01-20), kan inte skickas; inget köades.", future.SwedishMessage);
        Assert.Empty(await scenario.Get<Outbox>().ListByIdPrefixAsync("statement-", CancellationToken.None));
        var archive = scenario.Get<InvoiceArchive>();
        Assert.False(await archive.ExistsAsync(StorageNames.RemindersContainer, "statements/region-mitt-pom/2026/1984-20260120.pdf", CancellationToken.None));
        Assert.False(await archive.ExistsAsync(StorageNames.RemindersContainer, "statements/region-mitt-pom/2026/1980-20260121.pdf", CancellationToken.None));
    }

    /// <summary>The bundled year issued, every municipality and region with an e-mail address but Arboga (1984).</summary>
    private async Task<InvoicingScenario> IssuedAsync()
    {
        var scenario = new InvoicingScenario(azurite);
        var dataset = InvoicingScenario.BundledDataset;
        await scenario.SeedAndApproveAsync(dataset with
        {
            Parties = dataset.Parties
                .Select(p => p.Kind == PartyKind.Agency || p.Code.Value == "1984" ? p : p with { InvoiceEmail = $"{p.Code}@kommun.example.se" })
                .ToArray(),
        });
        await scenario.RunAsync();
        return scenario;
    }
}
