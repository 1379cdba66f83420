using Invoicing.Audit;

namespace Invoicing.Tests.Audit;

public sealed class AuditEventTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 9, 30, 15, 123, TimeSpan.Zero);

    private static readonly Actor Anna = new(ActorChannel.Api, "entra-user", "Anna Andersson", "0f3c5a2e-0000-4000-8000-000000000001");

    private static readonly AuditEntry Payment = new("posting:region-mitt-pom:2026:202600014:bank:1", AuditActions.PaymentBooked, "paid 2026-12-01 from camt.xml")
    {
        Scheme = new SchemeId("region-mitt-pom"),
        Year = 2026,
        Invoice = InvoiceNumber.Parse("202600014"),
        Amount = Money.FromKronor(2_345),
        Before = Money.FromKronor(2_345),
        After = Money.Zero,
    };

    [Fact]
    public void Every_field_of_an_event_and_the_hash_before_it_take_part_in_its_hash()
    {
        var original = AuditEvent.HashOf(7, At, Anna, Payment, AuditEvent.Genesis);
        string[] changed =
        [
            AuditEvent.HashOf(8, At, Anna, Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At.AddMilliseconds(1), Anna, Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, new Actor(ActorChannel.Cli, Anna.Kind, Anna.Name, Anna.Id), Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, new Actor(Anna.Channel, "api-key", Anna.Name, Anna.Id), Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, new Actor(Anna.Channel, Anna.Kind, "Anna Anderson", Anna.Id), Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, new Actor(Anna.Channel, Anna.Kind, Anna.Name), Payment, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Key = Payment.Key + "x" }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Action = AuditActions.RefundBooked }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Details = Payment.Details + " " }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Scheme = new SchemeId("stockholm-pom") }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Year = 2027 }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Invoice = InvoiceNumber.Parse("202600015") }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Amount = new Money(234_501) }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { Before = null }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { After = new Money(1) }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment with { SwedishDetails = "betald 2026-12-01 från camt.xml" }, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, Payment, new string('1', 64)),
        ];

        Assert.All(changed, hash => Assert.NotEqual(original, hash));
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }

    [Fact]
    public void Swedish_details_take_part_in_the_hash_when_present_and_an_event_without_them_hashes_as_before()
    {
        var swedish = Payment with { SwedishDetails = "betald 2026-12-01 från camt.xml" };

        Assert.NotEqual(
            AuditEvent.HashOf(7, At, Anna, swedish, AuditEvent.Genesis),
            AuditEvent.HashOf(7, At, Anna, swedish with { SwedishDetails = "betald 2026-12-02 från camt.xml" }, AuditEvent.Genesis));
        // An event recorded before events carried Swedish text is hashed over the same fields as then.
        Assert.Equal(AuditEvent.HashOf(7, At, Anna, Payment, AuditEvent.Genesis), AuditEvent.HashOf(7, At, Anna, Payment with { SwedishDetails = null }, AuditEvent.Genesis));
        var recorded = AuditEvent.Chain(7, At, Anna, swedish, AuditEvent.Genesis);
        Assert.Equal(recorded, AuditEventDto.From(recorded).ToEvent());
        Assert.DoesNotContain("swedishDetails", AuditJson.Serialize(AuditEvent.Chain(7, At, Anna, Payment, AuditEvent.Genesis)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_moved_into_its_neighbour_changes_the_hash()
    {
        // Fields are JSON strings in an array, not text joined by a separator a value could contain.
        var a = AuditEvent.HashOf(1, At, new Actor(ActorChannel.Api, "api-key", "anna", "b"), Payment, AuditEvent.Genesis);
        var b = AuditEvent.HashOf(1, At, new Actor(ActorChannel.Api, "api-key", "anna\",\"b"), Payment, AuditEvent.Genesis);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void The_hash_rule_is_fixed_so_that_seals_written_by_an_earlier_version_still_verify()
    {
        Assert.StartsWith("6a42b33bc1070300ca33e65dd81bbe9bedd6971bd", AuditEvent.HashOf(7, At, Anna, Payment, AuditEvent.Genesis), StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_read_back_from_its_json_line_is_the_event_with_the_same_hash()
    {
        var recorded = AuditEvent.Chain(7, At, Anna, Payment, AuditEvent.Genesis);

        var line = AuditJson.Serialize(recorded);
        var read = AuditJson.Deserialize(line);

        Assert.Equal(recorded, read);
        Assert.Null(read.Problem());
        Assert.Contains("\"actor\":\"Anna Andersson\"", line, StringComparison.Ordinal);
        Assert.Contains("\"amountOre\":234500", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void A_changed_event_names_why_it_fails()
    {
        var recorded = AuditEvent.Chain(7, At, Anna, Payment, AuditEvent.Genesis);

        var changed = recorded with { Entry = Payment with { Amount = Money.FromKronor(1) } };

        Assert.Equal("its content does not match its hash (the event was changed after it was recorded)", changed.Problem());
    }

    [Fact]
    public async Task The_actor_named_by_a_host_holds_for_what_it_awaits_and_ends_with_its_scope()
    {
        var before = Actor.Current;
        Actor inside;
        using (Actor.Acting(Anna))
        {
            inside = await Task.Run(async () =>
            {
                await Task.Yield();
                return Actor.Current;
            });
        }

        Assert.Equal(Anna, inside);
        Assert.Equal(before, Actor.Current);
        Assert.Equal(ActorChannel.Process, before.Channel);
    }
}
