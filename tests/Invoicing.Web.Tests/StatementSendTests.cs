using System.Net;
using Invoicing.Audit;
using Invoicing.Mail;
using Invoicing.Parties;

namespace Invoicing.Web.Tests;

/// <summary>
/// Finance e-mails a party its statement from the API (<c>POST …/parties/{party}/statement/send</c>): once a day through
/// the outbox, recorded in the audit trail under the caller; refused with nothing written otherwise.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StatementSendTests(WebFixture fixture)
{
    private static readonly string SendPath = $"/api/schemes/{{scheme}}/years/{{year}}/parties/{WebWorld.MemberParty}/statement/send".Path();

    [Fact]
    public async Task Sending_queues_the_days_statement_once_and_a_second_send_the_same_day_says_it_was_queued_already()
    {
        await using var world = await fixture.NewWorldAsync();
        await WithAddressAsync(world, WebWorld.MemberParty, "ekonomi@habo.example.se");

        var first = await (await world.Finance().PostAsync(SendPath, null)).JsonAsync();
        var second = await (await world.Finance().PostAsync(SendPath, null)).JsonAsync();

        const string Id = "statement-region-mitt-pom-2026-0305-20260302";
        Assert.Equal(
            (Id, "ekonomi@habo.example.se", "Håbo kommun", "2026-03-02", "kontoutdrag-region-mitt-pom-2026-0305.pdf", true),
            (first.GetProperty("messageId").GetString(), first.GetProperty("to").GetString(), first.GetProperty("partyName").GetString(),
                first.GetProperty("asOf").GetString(), first.GetProperty("fileName").GetString(), first.GetProperty("queuedNow").GetBoolean()));
        Assert.Equal((Id, false), (second.GetProperty("messageId").GetString(), second.GetProperty("queuedNow").GetBoolean()));
        var queued = Assert.Single(await world.Get<Outbox>().ListByIdPrefixAsync("statement-", CancellationToken.None));
        Assert.Equal((Id, "statement", "ekonomi@habo.example.se", OutboxState.Pending), (queued.Id, queued.Kind, queued.To, queued.State));
    }

    [Fact]
    public async Task Sending_is_recorded_once_in_the_audit_trail_under_the_key_that_sent_it()
    {
        await using var world = await fixture.NewWorldAsync();
        await WithAddressAsync(world, WebWorld.MemberParty, "ekonomi@habo.example.se");

        (await world.Finance().PostAsync(SendPath, null)).EnsureSuccessStatusCode();
        (await world.Finance().PostAsync(SendPath, null)).EnsureSuccessStatusCode();

        var sent = Assert.Single(
            await world.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None), e => e.Entry.Action == AuditActions.StatementSent);
        Assert.Equal(("Eva Ekonom", ActorChannel.Api), (sent.Actor.Name, sent.Actor.Channel));
        Assert.Equal(
            "statement of party 0305 as of 2026-03-02 queued as statement-region-mitt-pom-2026-0305-20260302",
            sent.Entry.Details);
        Assert.Equal(2026, sent.Entry.Year);
    }

    [Fact]
    public async Task A_party_without_an_invoice_e_mail_address_is_409_with_the_reason_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        var detail = await (await world.Finance().PostAsync(SendPath, null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Parten 0305 har ingen e-postadress för fakturor (parties.csv, invoice_email); kontoutdraget köades inte.", detail);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task An_unknown_party_is_404_a_bad_party_code_400_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        var unknown = await (await world.Finance().PostAsync("/api/schemes/{scheme}/years/{year}/parties/NO-SUCH-PARTY/statement/send".Path(), null))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await world.Finance().PostAsync("/api/schemes/{scheme}/years/{year}/parties/bad%20code/statement/send".Path(), null))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Parten NO-SUCH-PARTY finns inte i parttabellen.", unknown);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_reader_a_member_and_a_page_of_another_site_are_refused_and_nothing_is_written()
    {
        await using var world = await fixture.NewWorldAsync();
        await WithAddressAsync(world, WebWorld.MemberParty, "ekonomi@habo.example.se");
        var crossSite = world.Finance();
        crossSite.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var before = await StorageSnapshot.TakeAsync(world);

        await (await world.Reader().PostAsync(SendPath, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Member().PostAsync(SendPath, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Anonymous().PostAsync(SendPath, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await crossSite.PostAsync(SendPath, null)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    /// <summary>The bundled parties have no e-mail address: one is given here, as parties.csv's invoice_email would.</summary>
    private static async Task WithAddressAsync(WebWorld world, string code, string email)
    {
        var parties = world.Get<PartyStore>();
        var party = (await parties.GetAllAsync(CancellationToken.None))[new PartyCode(code)];
        await parties.SaveAsync([party with { InvoiceEmail = email }], CancellationToken.None);
    }
}
