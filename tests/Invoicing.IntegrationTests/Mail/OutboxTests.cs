using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Azure.Core;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Invoicing.IntegrationTests.Mail;

/// <summary>
/// The outbox against Azurite and a real SMTP server (scripts/test-smtp-server.mjs): every message is sent
/// once or accounted for (Cancelled, Failed, NeedsManualDelivery, Uncertain), never twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxTests(AzuriteFixture azurite)
{
    private const string InvoiceId = "invoice-region-mitt-pom-2026-202600014";

    private static readonly SchemeId Scheme = new("region-mitt-pom");

    [Fact]
    public async Task A_message_is_sent_once_with_its_pdf_attached()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var pdf = await mail.WriteBlobAsync(StorageNames.InvoicesContainer, "region-mitt-pom/2026/202600014.pdf");
        var outbox = mail.Outbox();

        Assert.True(await outbox.EnqueueAsync(
            InvoiceMail(InvoiceId, "Ekonomi Sala kommun <ekonomi@sala.example.se>",
                new OutboxAttachment(StorageNames.InvoicesContainer, "region-mitt-pom/2026/202600014.pdf", "Faktura 202600014.pdf")),
            CancellationToken.None));
        var first = await outbox.DeliverPendingAsync(CancellationToken.None);
        var second = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(1, 0, 0, 0, 0), first);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), second);
        var received = Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal(["ekonomi@sala.example.se"], received.Envelope.To);
        Assert.Equal("faktura@example.se", received.Envelope.From);
        Assert.Equal("invoicing-test", received.User);
        Assert.Equal("Faktura 202600014 från Västerås stad", received.Subject);
        Assert.Contains("förfallodag 2026-03-31", received.Text, StringComparison.Ordinal);
        Assert.Contains("ekonomiservice@example.se", received.ReplyTo, StringComparison.Ordinal);
        Assert.Equal($"<{InvoiceId}@invoicing>", received.MessageId);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal("Faktura 202600014.pdf", attachment.Filename);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(pdf.Length, attachment.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachment.Sha256);

        var entry = Assert.Single(await outbox.ListAsync(null, CancellationToken.None));
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(mail.Time.GetUtcNow(), entry.SentAt);
        Assert.Null(entry.LastError);
        await Assert.ThrowsAsync<OutboxStateException>(() => outbox.RetryAsync(InvoiceId, CancellationToken.None));
    }

    [Fact]
    public async Task Enqueueing_the_same_id_twice_sends_once()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var outbox = mail.Outbox();

        var first = await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi@sala.example.se"), CancellationToken.None);
        var again = await outbox.EnqueueAsync(new OutboxMessage(InvoiceId, "invoice", "annan@example.se", "Another subject", "Another text", []), CancellationToken.None);
        var delivered = await outbox.DeliverPendingAsync(CancellationToken.None);
        var afterSending = await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi@sala.example.se"), CancellationToken.None);
        var deliveredAgain = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        Assert.False(afterSending);
        Assert.Equal(1, delivered.Sent);
        Assert.Equal(0, deliveredAgain.Sent);
        var received = Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal("Faktura 202600014 från Västerås stad", received.Subject);
        Assert.Equal(OutboxState.Sent, Assert.Single(await outbox.ListAsync(null, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Two_concurrent_deliveries_send_each_message_once()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var ids = Enumerable.Range(1, 12).Select(i => $"invoice-region-mitt-pom-2026-2026{i:00000}").ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await mail.Outbox().EnqueueAsync(InvoiceMail(id, $"kommun{i}@example.se"), CancellationToken.None);
        }

        // Two processes, each with its own storage clients and outbox, delivering at the same moment.
        var (one, other) = (mail.Outbox(mail.NewServices()), mail.Outbox(mail.NewServices()));
        var results = await Task.WhenAll(
            Task.Run(() => one.DeliverPendingAsync(CancellationToken.None)),
            Task.Run(() => other.DeliverPendingAsync(CancellationToken.None)));

        Assert.Equal(12, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.Equal(0, r.Retrying + r.Failed + r.MarkedUncertain));
        var received = await mail.Smtp.ReceivedAsync();
        Assert.Equal(12, received.Count);
        Assert.Equal(ids.Select(id => $"<{id}@invoicing>").Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(await mail.Outbox().ListAsync(null, CancellationToken.None), e =>
        {
            Assert.Equal(OutboxState.Sent, e.State);
            Assert.Equal(1, e.Attempts);
        });
    }

    [Fact]
    public async Task A_message_for_an_invoice_paid_before_sending_is_cancelled()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var invoices = mail.Get<InvoiceStore>();
        var paid = InvoiceFor(14, PaymentStatus.Paid);
        var unpaid = InvoiceFor(15, PaymentStatus.Unpaid);
        await invoices.AddAsync(paid, CancellationToken.None);
        await invoices.AddAsync(unpaid, CancellationToken.None);
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(ReminderMail("reminder-region-mitt-pom-2026-202600014-1", "sala@example.se") with { CancelIfPaid = KeyOf(paid) }, CancellationToken.None);
        await outbox.EnqueueAsync(ReminderMail("reminder-region-mitt-pom-2026-202600015-1", "heby@example.se") with { CancelIfPaid = KeyOf(unpaid) }, CancellationToken.None);

        var result = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(1, 1, 0, 0, 0), result);
        var received = Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal(["heby@example.se"], received.Envelope.To);
        Assert.Equal("<reminder-region-mitt-pom-2026-202600015-1@invoicing>", received.MessageId);
        var cancelled = Assert.Single(await outbox.ListAsync(OutboxState.Cancelled, CancellationToken.None));
        Assert.Equal("reminder-region-mitt-pom-2026-202600014-1", cancelled.Id);
        Assert.Equal(KeyOf(paid), cancelled.CancelIfPaid);
        Assert.Contains("Paid", cancelled.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_recipient_needs_manual_delivery()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var outbox = mail.Outbox();

        Assert.True(await outbox.EnqueueAsync(InvoiceMail("invoice-region-mitt-pom-2026-202600001", null), CancellationToken.None));
        Assert.True(await outbox.EnqueueAsync(InvoiceMail("invoice-region-mitt-pom-2026-202600002", "  "), CancellationToken.None));
        var result = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), result);
        Assert.Empty(await mail.Smtp.ReceivedAsync());
        var manual = await outbox.ListAsync(OutboxState.NeedsManualDelivery, CancellationToken.None);
        Assert.Equal(2, manual.Count);
        Assert.All(manual, e => Assert.Null(e.To));
        Assert.Equal(2, mail.Log.Events("OutboxMessageNeedsManualDelivery").Count);
    }

    [Fact]
    public async Task A_temporary_failure_is_retried_and_then_succeeds()
    {
        // The server answers 451 to the first four RCPT TOs for this address: three quick tries in the first
        // delivery run fail, the next run (after RetryDelay) fails once more and then gets through.
        await using var mail = await MailScenario.StartAsync(azurite);
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "tempfail-4@example.se"), CancellationToken.None);

        var first = await outbox.DeliverPendingAsync(CancellationToken.None);
        var waiting = Assert.Single(await outbox.ListAsync(null, CancellationToken.None));
        var tooEarly = await outbox.DeliverPendingAsync(CancellationToken.None);
        mail.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(0, 0, 1, 0, 0), first);
        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(MailScenario.Start + TimeSpan.FromMinutes(5), waiting.NextAttemptAt);
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), tooEarly);
        Assert.Equal(new OutboxDeliveryResult(1, 0, 0, 0, 0), later);
        Assert.Equal(3, mail.Log.Events("OutboxSendTryFailed").Count);
        var received = Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal(["tempfail-4@example.se"], received.Envelope.To);
        var sent = Assert.Single(await outbox.ListAsync(null, CancellationToken.None));
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Temporary_failures_up_to_max_attempts_end_as_failed_and_a_person_can_retry()
    {
        await using var mail = await MailScenario.StartAsync(azurite, new() { ["Invoicing:Smtp:MaxAttempts"] = "2" });
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "tempfail@example.se"), CancellationToken.None);

        var first = await outbox.DeliverPendingAsync(CancellationToken.None);
        mail.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await outbox.DeliverPendingAsync(CancellationToken.None);
        var failed = Assert.Single(await outbox.ListAsync(OutboxState.Failed, CancellationToken.None));
        await outbox.RetryAsync(InvoiceId, CancellationToken.None);

        Assert.Equal(1, first.Retrying);
        Assert.Equal(1, second.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
        AssertFailedEvent(mail.Log, InvoiceId, "invoice");
        Assert.Empty(await mail.Smtp.ReceivedAsync());
        var retried = Assert.Single(await outbox.ListAsync(null, CancellationToken.None));
        Assert.Equal(OutboxState.Pending, retried.State);
        Assert.Equal(0, retried.Attempts);
        Assert.Equal(mail.Time.GetUtcNow(), retried.NextAttemptAt);
    }

    [Fact]
    public async Task A_permanent_rejection_is_recorded_as_failed_and_not_lost()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(ReminderMail("reminder-region-mitt-pom-2026-202600014-1", "reject@example.se"), CancellationToken.None);

        var result = await outbox.DeliverPendingAsync(CancellationToken.None);
        mail.Time.Advance(TimeSpan.FromHours(1));
        var later = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 1, 0), result);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), later);
        Assert.Empty(mail.Log.Events("OutboxSendTryFailed"));
        Assert.Empty(await mail.Smtp.ReceivedAsync());
        var failed = Assert.Single(await outbox.ListAsync(OutboxState.Failed, CancellationToken.None));
        Assert.Equal("reminder-region-mitt-pom-2026-202600014-1", failed.Id);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Equal("Påminnelse: faktura 202600014", failed.Subject);
        AssertFailedEvent(mail.Log, "reminder-region-mitt-pom-2026-202600014-1", "reminder");
    }

    [Fact]
    public async Task A_malformed_address_is_a_permanent_failure()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi at sala"), CancellationToken.None);

        var result = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, result.Failed);
        Assert.Empty(await mail.Smtp.ReceivedAsync());
        Assert.Contains("ekonomi at sala", Assert.Single(await outbox.ListAsync(OutboxState.Failed, CancellationToken.None)).LastError, StringComparison.Ordinal);
        AssertFailedEvent(mail.Log, InvoiceId, "invoice");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_later_not_lost()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        var closed = mail.Outbox(mail.NewServices(new() { ["Invoicing:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await closed.EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi@sala.example.se"), CancellationToken.None);

        var refused = await closed.DeliverPendingAsync(CancellationToken.None);
        var waiting = Assert.Single(await closed.ListAsync(null, CancellationToken.None));
        var tooEarly = await mail.Outbox().DeliverPendingAsync(CancellationToken.None);
        mail.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await mail.Outbox().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(0, 0, 1, 0, 0), refused);
        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("Transient", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(MailScenario.Start + TimeSpan.FromMinutes(5), waiting.NextAttemptAt);
        Assert.Equal(0, tooEarly.Sent);
        Assert.Equal(1, later.Sent);
        var received = Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal($"<{InvoiceId}@invoicing>", received.MessageId);
        Assert.Equal(OutboxState.Sent, Assert.Single(await closed.ListAsync(null, CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_retried_later_not_lost()
    {
        // Accepts connections (the kernel's backlog does) but never says hello: each try times out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var mail = await MailScenario.StartAsync(azurite, new()
        {
            ["Invoicing:Smtp:Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Invoicing:Smtp:TimeoutSeconds"] = "1",
            ["Invoicing:Smtp:SendTries"] = "2",
        });
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi@sala.example.se"), CancellationToken.None);

        var result = await outbox.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(new OutboxDeliveryResult(0, 0, 1, 0, 0), result);
        var waiting = Assert.Single(await outbox.ListAsync(null, CancellationToken.None));
        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.Single(mail.Log.Events("OutboxSendTryFailed"));
    }

    [Fact]
    public async Task A_message_left_sending_by_a_dead_process_becomes_uncertain_and_is_not_resent()
    {
        await using var mail = await MailScenario.StartAsync(azurite);
        await mail.Outbox().EnqueueAsync(InvoiceMail(InvoiceId, "ekonomi@sala.example.se"), CancellationToken.None);

        // The process dies after the server took the message and before the row says Sent: the first write to
        // the row is the claim, the second would have recorded Sent.
        var faults = new FaultInjectionPolicy();
        using var process = new CancellationTokenSource();
        faults.Arm(r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + mail.Prefix + "Outbox(", StringComparison.Ordinal),
            FaultTiming.BeforeSending, skip: 1, beforeThrow: process.Cancel);
        var dying = mail.Outbox(mail.NewServices(faults: faults));
        var died = await Record.ExceptionAsync(() => dying.DeliverPendingAsync(process.Token));

        var survivor = mail.Outbox();
        var soonAfter = await survivor.DeliverPendingAsync(CancellationToken.None);
        var stillSending = Assert.Single(await survivor.ListAsync(null, CancellationToken.None));
        mail.Time.Advance(TimeSpan.FromMinutes(11));
        var afterTenMinutes = await survivor.DeliverPendingAsync(CancellationToken.None);
        mail.Time.Advance(TimeSpan.FromHours(1));
        var later = await survivor.DeliverPendingAsync(CancellationToken.None);

        Assert.True(faults.Fired);
        Assert.IsType<InjectedFaultException>(died);
        Assert.Equal(OutboxState.Sending, stillSending.State);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), soonAfter);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 1), afterTenMinutes);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), later);
        Assert.Single(await mail.Smtp.ReceivedAsync());
        var uncertain = Assert.Single(await survivor.ListAsync(OutboxState.Uncertain, CancellationToken.None));
        Assert.Contains("may have been sent", uncertain.LastError, StringComparison.Ordinal);
        Assert.Single(mail.Log.Events("OutboxMessageUncertain"));
    }

    [Fact]
    public async Task A_reply_lost_after_the_message_was_handed_over_is_uncertain_and_not_resent()
    {
        // The server keeps the message but answers only after the client has given up waiting (slow@).
        var slowReply = TimeSpan.FromSeconds(3);
        await using var mail = await MailScenario.StartAsync(azurite, new() { ["Invoicing:Smtp:TimeoutSeconds"] = "1" }, slowReply);
        var outbox = mail.Outbox();
        await outbox.EnqueueAsync(InvoiceMail(InvoiceId, "slow@example.se"), CancellationToken.None);

        var result = await outbox.DeliverPendingAsync(CancellationToken.None);
        var kept = await mail.Smtp.WaitForAsync(1);
        mail.Time.Advance(TimeSpan.FromHours(1));
        var later = await outbox.DeliverPendingAsync(CancellationToken.None);
        await Task.Delay(slowReply + TimeSpan.FromSeconds(1));

        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 1), result);
        Assert.Equal(new OutboxDeliveryResult(0, 0, 0, 0, 0), later);
        Assert.Equal($"<{InvoiceId}@invoicing>", Assert.Single(kept).MessageId);
        Assert.Single(await mail.Smtp.ReceivedAsync());
        Assert.Equal(OutboxState.Uncertain, Assert.Single(await outbox.ListAsync(null, CancellationToken.None)).State);
    }

    private static void AssertFailedEvent(CapturedLog log, string id, string kind)
    {
        var failed = Assert.Single(log.Events("OutboxMessageFailed"));
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.StartsWith("OutboxMessageFailed:", failed.Message, StringComparison.Ordinal);
        Assert.Equal(id, failed.Property("MessageId"));
        Assert.Equal(kind, failed.Property("Kind"));
    }

    private static OutboxMessage InvoiceMail(string id, string? to, params OutboxAttachment[] attachments) => new(
        id,
        "invoice",
        to,
        "Faktura 202600014 från Västerås stad",
        "Hej!\n\nHär kommer fakturan för ert bidrag 2026 till Region Mitt PoM, 12 345,00 kr med förfallodag 2026-03-31.\n\n" +
        "Med vänliga hälsningar\nEkonomiservice, Västerås stad\n",
        attachments);

    private static OutboxMessage ReminderMail(string id, string to) => new(
        id, "reminder", to, "Påminnelse: faktura 202600014", "Hej!\n\nVi har ännu inte fått betalt för faktura 202600014.\n", []);

    private static Invoice InvoiceFor(int sequence, PaymentStatus status)
    {
        var number = new InvoiceNumber(2026, sequence);
        var total = Money.FromKronor(12_345);
        return new Invoice(
            Scheme, 2026, number, new PartyCode("1981"), "Sala kommun", number.ToOcrReference(),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 31), [new InvoiceLine(1, "Bidrag 2026", total)],
            total, Money.Zero, total, Invoice.BlobNameFor(Scheme, 2026, number), new string('0', 64))
        {
            Status = status,
            AmountPaid = status == PaymentStatus.Paid ? total : Money.Zero,
        };
    }

    private static InvoiceKey KeyOf(Invoice invoice) => new(invoice.Scheme, invoice.Year, invoice.Number);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One test's world for the outbox: Azurite under a fresh prefix, a fake clock, a test SMTP server of its own,
/// and the mail services registered as <see cref="AddMail"/> shows (the lines <c>AddInvoicing</c> is to get).
/// </summary>
internal sealed class MailScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly Dictionary<string, string?> _overrides;
    private readonly List<ServiceProvider> _providers = [];

    private MailScenario(AzuriteFixture azurite, SmtpServerFixture smtp, Dictionary<string, string?> overrides)
    {
        _azurite = azurite;
        _overrides = overrides;
        Smtp = smtp;
        Services = NewServices();
    }

    public string Prefix { get; } = AzuriteFixture.NewPrefix();

    public FakeTimeProvider Time { get; } = new(Start);

    public SmtpServerFixture Smtp { get; }

    public CapturedLog Log { get; } = new();

    public ServiceProvider Services { get; }

    public static async Task<MailScenario> StartAsync(AzuriteFixture azurite, Dictionary<string, string?>? overrides = null, TimeSpan? slowReply = null)
    {
        var smtp = await SmtpServerFixture.StartAsync(slowReply);
        return new MailScenario(azurite, smtp, overrides ?? []);
    }

    /// <summary>
    /// Another process's view of the same storage and SMTP server: its own storage clients (with
    /// <paramref name="faults"/>) and its own outbox, registered as the product registers them, with a log the
    /// tests can read; <paramref name="overrides"/> change its settings.
    /// </summary>
    public ServiceProvider NewServices(Dictionary<string, string?>? overrides = null, FaultInjectionPolicy? faults = null)
    {
        var settings = TestServices.ExampleIssuer();
        foreach (var (key, value) in SmtpSettings().Concat(_overrides).Concat(overrides ?? []))
        {
            settings[key] = value;
        }

        var provider = TestServices.Create(_azurite.ConnectionString, Prefix, Time, faults, settings, Log);
        _providers.Add(provider);
        return provider;
    }

    public Outbox Outbox(ServiceProvider? services = null) => (services ?? Services).GetRequiredService<Outbox>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Writes a PDF-like blob of some size and returns its bytes.</summary>
    public async Task<byte[]> WriteBlobAsync(string container, string blobName)
    {
        var storage = Get<InvoicingStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var bytes = new byte[48_000];
        new Random(14).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        await storage.Container(container).GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), CancellationToken.None);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await ((IAsyncDisposable)Smtp).DisposeAsync();
    }

    private Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Invoicing:Smtp:Host"] = "127.0.0.1",
        ["Invoicing:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Invoicing:Smtp:Security"] = "None",
        ["Invoicing:Smtp:UserName"] = "invoicing-test",
        ["Invoicing:Smtp:Password"] = "test-server-accepts-any",
        ["Invoicing:Smtp:From"] = "Västerås stad <faktura@example.se>",
        ["Invoicing:Smtp:ReplyTo"] = "Ekonomiservice <ekonomiservice@example.se>",
        ["Invoicing:Smtp:TimeoutSeconds"] = "5",
        ["Invoicing:Smtp:MaxAttempts"] = "5",
        ["Invoicing:Smtp:RetryDelay"] = "00:05:00",
        ["Invoicing:Smtp:SendTries"] = "3",

        // Polly waits on the injected clock, which is fake here: the quick tries follow each other at once.
        ["Invoicing:Smtp:SendRetryBackoff"] = "00:00:00",
    };
}

/// <summary>Keeps every log event with its structured properties, so tests can check what operations would see.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedEvent> _events = new();

    public IReadOnlyList<CapturedEvent> Events(string eventName) => _events.Where(e => e.EventName == eventName).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(_events);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<CapturedEvent> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue(new CapturedEvent(
                eventId.Name, logLevel, formatter(state, exception),
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}

internal sealed record CapturedEvent(string? EventName, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Properties)
{
    public object? Property(string name) => Properties.FirstOrDefault(p => p.Key == name).Value;
}
