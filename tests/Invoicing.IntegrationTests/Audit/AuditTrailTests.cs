using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.IntegrationTests.Payments;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Audit;

/// <summary>The audit trail: every change with who, when, what and from where; chained, sealed, verified.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditTrailTests(AzuriteFixture azurite)
{
    private static readonly Actor Anna = new(ActorChannel.Api, "api-key", "anna");
    private static readonly Actor Bertil = new(ActorChannel.Api, "entra-user", "Bertil Berg", "0f3c5a2e-0000-4000-8000-000000000001");

    [Fact]
    public async Task The_event_of_a_key_is_the_one_the_trail_recorded_under_it_and_an_unknown_key_has_none()
    {
        await using var scenario = new InvoicingScenario(azurite);
        using (Actor.Acting(Bertil))
        {
            await scenario.SeedAndApproveAsync();
        }

        var trail = scenario.Get<AuditTrail>();
        var found = await trail.FindAsync(Planning.BudgetApproval.AuditKey(InvoicingScenario.Scheme, 2026), CancellationToken.None);
        var listed = (await trail.ListAsync(new AuditQuery(), CancellationToken.None)).Single(e => e.Entry.Action == AuditActions.BudgetApproved);

        Assert.Equal(listed, found);
        Assert.Equal("Bertil Berg", found!.Actor.Name);
        Assert.Null(await trail.FindAsync("approve:no-such-scheme:2026", CancellationToken.None));
    }

    [Fact]
    public async Task An_invoice_from_issue_to_payment_to_refund_has_each_change_in_its_history_with_its_actor_and_amounts()
    {
        await using var scenario = new InvoicingScenario(azurite);
        using (Actor.Acting(Actor.Function(ActorChannel.Timer, "IssueAnnualInvoices", "inv-1")))
        {
            await scenario.SeedAndApproveAsync();
            await scenario.RunAsync();
        }

        var vasteras = (await IssuedYear.InvoicesAsync(scenario))["1980"];
        var ledger = scenario.Get<PaymentLedger>();
        var paidOn = new DateOnly(2026, 1, 20);
        using (Actor.Acting(Anna))
        {
            await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(500), paidOn), CancellationToken.None);
        }

        using (Actor.Acting(Bertil))
        {
            await ledger.RefundAsync(vasteras.Key, PaymentBooking.ManualRefund(vasteras.Number, Money.FromKronor(500), paidOn, "utbetalning 7", null), CancellationToken.None);
        }

        var history = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery { Invoice = vasteras.Number }, CancellationToken.None);

        Assert.Equal(
            [
                (AuditActions.DocumentIssued, "IssueAnnualInvoices [inv-1] (timer)", (Money?)vasteras.Total, (Money?)null, (Money?)null),
                (AuditActions.PaymentBooked, "anna (api)", vasteras.Total + Money.FromKronor(500), vasteras.Total, Money.FromKronor(-500)),
                (AuditActions.RefundBooked, "Bertil Berg [0f3c5a2e-0000-4000-8000-000000000001] (api)", Money.FromKronor(-500), Money.FromKronor(-500), Money.Zero),
            ],
            history.Select(e => (e.Entry.Action, e.Actor.ToString(), e.Entry.Amount, e.Entry.Before, e.Entry.After)));
        Assert.All(history, e => Assert.Equal((InvoicingScenario.Scheme, (int?)2026), (e.Entry.Scheme!.Value, e.Entry.Year)));
        Assert.Contains("utbetalning 7", history[2].Entry.Details, StringComparison.Ordinal);
        var all = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Equal(
            [AuditActions.DatasetSeeded, AuditActions.BudgetApproved],
            all.Take(2).Select(e => e.Entry.Action));
        Assert.Equal(30, all.Count(e => e.Entry.Action == AuditActions.DocumentIssued));
        Assert.True((await scenario.Get<AuditTrail>().VerifyAsync(CancellationToken.None)).Holds);
    }

    [Fact]
    public async Task A_change_repeated_after_it_finished_is_recorded_once()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var vasteras = (await IssuedYear.InvoicesAsync(scenario))["1980"];
        var payment = new PaymentBooking("bank:9", "camt.xml", Money.FromKronor(100), new DateOnly(2026, 3, 1));
        var ledger = scenario.Get<PaymentLedger>();

        await ledger.BookAsync(vasteras.Key, payment, CancellationToken.None);
        await ledger.BookAsync(vasteras.Key, payment, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ledger.BookAsync(vasteras.Key, payment, CancellationToken.None)));
        await scenario.RunAsync();

        var events = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery { Invoice = vasteras.Number }, CancellationToken.None);
        Assert.Equal([AuditActions.DocumentIssued, AuditActions.PaymentBooked], events.Select(e => e.Entry.Action));
    }

    [Fact]
    public async Task A_bank_files_postings_on_one_invoice_are_one_event_per_page_of_records_and_a_rerun_records_none_again()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var vasteras = (await IssuedYear.InvoicesAsync(scenario))["1980"];
        var ledger = scenario.Get<PaymentLedger>();
        var postings = Enumerable.Range(1, 250)
            .Select(i => new PaymentPosting(new PaymentBooking($"bank:{i}", "camt.xml", Money.FromKronor(10), new DateOnly(2026, 3, 1))))
            .ToArray();
        var audit = scenario.Get<AuditTrail>();
        var before = (await audit.ListAsync(new AuditQuery(), CancellationToken.None)).Count;

        using (Actor.Acting(Anna))
        {
            await ledger.PostAsync(vasteras.Key, postings, CancellationToken.None);
            await ledger.PostAsync(vasteras.Key, postings, CancellationToken.None);
        }

        var booked = (await audit.ListAsync(new AuditQuery { Invoice = vasteras.Number }, CancellationToken.None))
            .Where(e => e.Entry.Action == AuditActions.PaymentsBooked).ToArray();
        // 100 records to a page: pages 1, 2 and 3 of 100, 100 and 50 postings.
        Assert.Equal([100, 100, 50], booked.Select(e => int.Parse(e.Entry.Details.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([Money.FromKronor(1000), Money.FromKronor(1000), Money.FromKronor(500)], booked.Select(e => e.Entry.Amount!.Value));
        Assert.Equal(vasteras.Total, booked[0].Entry.Before);
        Assert.Equal(vasteras.Total - Money.FromKronor(2500), booked[^1].Entry.After);
        Assert.All(booked, e => Assert.Equal("anna (api)", e.Actor.ToString()));
        Assert.Contains("entries bank:1 to bank:100", booked[0].Entry.Details, StringComparison.Ordinal);
        Assert.Equal(before + 3, (await audit.ListAsync(new AuditQuery(), CancellationToken.None)).Count);
        Assert.True((await audit.VerifyAsync(CancellationToken.None)).Holds);
    }

    [Fact]
    public async Task Events_recorded_at_the_same_moment_by_many_writers_are_numbered_without_a_gap_and_chained()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var writers = Enumerable.Range(0, 4).Select(_ => scenario.NewServices().GetRequiredService<AuditTrail>()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            writers[i % writers.Length].RecordAsync(new AuditEntry($"test:{i}", AuditActions.MailRetried, $"message {i}"), CancellationToken.None)));

        var audit = scenario.Get<AuditTrail>();
        var events = await audit.ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(40, events.Select(e => e.Entry.Key).Distinct().Count());
        var verification = await audit.VerifyAsync(CancellationToken.None);
        Assert.True(verification.Holds, verification.FirstBroken?.ToString());
        Assert.Equal(40, verification.Events);
    }

    [Fact]
    public async Task Appends_waiting_in_one_process_are_written_together_each_key_once_numbered_without_a_gap()
    {
        await using var scenario = new InvoicingScenario(azurite);
        var audit = scenario.Get<AuditTrail>();

        // 60 writers at once on one instance, each key twice, some in pairs: written in groups, each key once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => i % 3 == 0
            ? audit.RecordAllAsync([new AuditEntry($"group:{i % 30}", AuditActions.MailRetried, $"message {i % 30}"), new AuditEntry($"group:pair:{i % 30}", AuditActions.MailRetried, "its pair")], CancellationToken.None)
            : audit.RecordAllAsync([new AuditEntry($"group:{i % 30}", AuditActions.MailRetried, $"message {i % 30}")], CancellationToken.None))));

        var events = await audit.ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Equal(events.Count, answers.Sum());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(events.Count, events.Select(e => e.Entry.Key).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"group:{i}").Order(), events.Select(e => e.Entry.Key).Where(k => !k.Contains("pair", StringComparison.Ordinal)).Order());
        var verification = await audit.VerifyAsync(CancellationToken.None);
        Assert.True(verification.Holds, verification.FirstBroken?.ToString());
    }

    [Fact]
    public async Task Verify_names_the_event_whose_row_was_edited_in_the_table()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var table = scenario.Get<InvoicingStorage>().Table(StorageNames.AuditTrail);
        var row = (await table.GetEntityAsync<TableEntity>("chain", "e000000000010")).Value;
        var amount = row.GetInt64("AmountOre");
        row["AmountOre"] = 1L;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var verification = await scenario.Get<AuditTrail>().VerifyAsync(CancellationToken.None);

        Assert.False(verification.Holds);
        Assert.Equal(10, verification.FirstBroken!.Sequence);
        Assert.StartsWith("Event 10 (document.issued ", verification.FirstBroken.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("its content does not match its hash (the event was changed after it was recorded).", verification.FirstBroken.ToString(), StringComparison.Ordinal);
        Assert.NotNull(amount);
    }

    [Fact]
    public async Task A_table_rewritten_with_recomputed_hashes_no_longer_agrees_with_the_sealed_day()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var audit = scenario.Get<AuditTrail>();
        var sealedDays = await audit.SealAsync(CancellationToken.None);
        Assert.Equal([new DateOnly(2026, 1, 20)], sealedDays);
        Assert.Empty(await audit.SealAsync(CancellationToken.None));

        // A forger who knows the hash rule rewrites event 5 and every hash after it: the chain holds again …
        var table = scenario.Get<InvoicingStorage>().Table(StorageNames.AuditTrail);
        var rows = new List<TableEntity>();
        await foreach (var r in table.QueryAsync<TableEntity>("PartitionKey eq 'chain' and RowKey ge 'e' and RowKey lt 'f'"))
        {
            rows.Add(r);
        }

        var previous = rows[3].GetString("Hash")!;
        foreach (var r in rows.Skip(4))
        {
            if (r.RowKey == "e000000000005")
            {
                r["Details"] = "forged";
            }

            var e = AuditTrail.FromEntity(r);
            var hash = AuditEvent.HashOf(e.Sequence, e.At, e.Actor, e.Entry, previous);
            r["PreviousHash"] = previous;
            r["Hash"] = hash;
            previous = hash;
            await table.UpdateEntityAsync(r, r.ETag, TableUpdateMode.Replace);
        }

        var head = (await table.GetEntityAsync<TableEntity>("chain", "head")).Value;
        head["Hash"] = previous;
        await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);

        // … but not with the seal written before.
        var verification = await audit.VerifyAsync(CancellationToken.None);
        Assert.Equal(5, verification.FirstBroken?.Sequence);
        Assert.Contains("it differs from the copy sealed in 2026-01-20.jsonl", verification.FirstBroken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_void_records_who_voided_it_and_why_beside_the_credit_note_it_issued()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var sala = (await IssuedYear.InvoicesAsync(scenario))["1981"];

        using (Actor.Acting(Anna))
        {
            await scenario.Get<InvoiceVoiding>().VoidAsync(sala.Key, "Utfärdad av misstag", CancellationToken.None);
        }

        var events = await scenario.Get<AuditTrail>().ListAsync(new AuditQuery { Year = 2026 }, CancellationToken.None);
        var voided = Assert.Single(events, e => e.Entry.Action == AuditActions.InvoiceVoided);
        Assert.Equal((sala.Number, "anna (api)", -sala.Total, sala.Total, Money.Zero), (voided.Entry.Invoice!.Value, voided.Actor.ToString(), voided.Entry.Amount!.Value, voided.Entry.Before!.Value, voided.Entry.After!.Value));
        Assert.EndsWith(": Utfärdad av misstag", voided.Entry.Details, StringComparison.Ordinal);
        var creditNote = events.Last(e => e.Entry.Action == AuditActions.DocumentIssued);
        Assert.Equal(("anna (api)", -sala.Total), (creditNote.Actor.ToString(), creditNote.Entry.Amount!.Value));
        Assert.Contains($"correcting {sala.Number}", creditNote.Entry.Details, StringComparison.Ordinal);
    }
}
