using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Invoicing.Web.Identity;

namespace Invoicing.Web.Tests;

/// <summary>The aging report on the bundled 2026 data: issued 2026-01-20, due 2026-02-19, seen on 2026-03-02.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportEndpointTests(WebFixture fixture)
{
    private const string AgingPath = "/api/schemes/region-mitt-pom/years/2026/aging";

    [Fact]
    public async Task The_aging_report_is_as_of_today_by_default_and_puts_all_that_is_due_eleven_days_late_in_1_to_30()
    {
        var total = (await fixture.Shared.InvoicesAsync()).Sum(i => i.Total.Ore) / 100m;

        var aging = await (await fixture.Shared.Reader().GetAsync(AgingPath)).JsonAsync();

        Assert.Equal(("region-mitt-pom", 2026, "2026-03-02"), (aging.GetProperty("scheme").GetString(), aging.GetProperty("year").GetInt32(), aging.GetProperty("asOf").GetString()));
        Assert.Equal(
            ["notDue:Ej förfallet", "days1To30:1–30 dagar", "days31To60:31–60 dagar", "days61To90:61–90 dagar", "over90:Över 90 dagar"],
            aging.GetProperty("buckets").EnumerateArray().Select(b => $"{b.GetProperty("field").GetString()}:{b.GetProperty("name").GetString()}"));
        var rows = aging.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(30, rows.Length);
        var vasteras = rows.Single(r => r.GetProperty("debtorCode").GetString() == "1980");
        Assert.Equal("Västerås kommun", vasteras.GetProperty("debtorName").GetString());
        Assert.Equal(("0.00", "43035.00", "43035.00"), (vasteras.GetProperty("notDue").GetRawText(), vasteras.GetProperty("days1To30").GetRawText(), vasteras.GetProperty("total").GetRawText()));
        Assert.All(rows, r => Assert.Equal(r.GetProperty("total").GetDecimal(), Buckets(r).Sum()));
        var totals = aging.GetProperty("totals");
        Assert.Equal((total, total, 375_000m), (totals.GetProperty("total").GetDecimal(), totals.GetProperty("days1To30").GetDecimal(), total));
    }

    [Theory]
    [InlineData("2026-02-19", "notDue")]
    [InlineData("2026-02-20", "days1To30")]
    [InlineData("2026-03-21", "days1To30")]
    [InlineData("2026-03-22", "days31To60")]
    [InlineData("2026-05-20", "days61To90")]
    [InlineData("2026-05-21", "over90")]
    public async Task AsOf_names_the_day_the_days_past_due_are_counted_to(string asOf, string bucket)
    {
        var totals = (await (await fixture.Shared.Finance().GetAsync($"{AgingPath}?asOf={asOf}")).JsonAsync()).GetProperty("totals");

        Assert.Equal(375_000m, totals.GetProperty(bucket).GetDecimal());
        Assert.Equal(375_000m, totals.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_bad_asOf_or_year_is_400_and_a_year_without_budget_404()
    {
        var client = fixture.Shared.Reader();

        var badDate = await (await client.GetAsync($"{AgingPath}?asOf=2026-13-01")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/schemes/region-mitt-pom/years/26/aging")).ProblemAsync(HttpStatusCode.BadRequest);
        var noBudget = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2031/aging")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("asOf '2026-13-01' är inget datum på formen yyyy-MM-dd.", badDate);
        Assert.Equal("Det finns ingen budget för samverkan region-mitt-pom, år 2031.", noBudget);
    }

    [Fact]
    public async Task Partial_payments_and_credit_notes_count_and_the_report_adds_up_to_the_summarys_outstanding()
    {
        await using var world = await fixture.NewWorldAsync();
        var finance = world.Finance();
        await (await finance.PostPaymentAsync("202600014", new { amount = "10 000,00", date = "2026-03-01" })).JsonAsync(HttpStatusCode.Created);
        await (await finance.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600001/void", new { reason = "Fel mottagare" })).JsonAsync(HttpStatusCode.Created);
        var voided = (await world.InvoicesAsync()).Single(i => i.Number.ToString() == "202600001").DebtorCode.Value;

        var aging = await (await world.Reader().GetAsync(AgingPath)).JsonAsync();
        var summary = await (await world.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/summary")).JsonAsync();

        var rows = aging.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("debtorCode").GetString()!);
        Assert.Equal(29, rows.Count);
        Assert.DoesNotContain(voided, rows.Keys);
        Assert.Equal(33_035m, rows["1980"].GetProperty("days1To30").GetDecimal());
        Assert.Equal(summary.GetProperty("outstanding").GetDecimal(), aging.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Behind_App_Service_Authentication_a_user_without_an_app_role_gets_403_and_a_reader_the_report()
    {
        await using var world = await fixture.NewWorldAsync(WebIdentityMode.AppServiceAuthentication);
        var withoutRole = world.Anonymous();
        withoutRole.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Någon"), ("roles", "Some.Other.Role")));
        var reader = world.Anonymous();
        reader.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Rut Läsare"), ("roles", InvoicingRoles.Reader)));
        var finance = world.Anonymous();
        finance.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Eva Ekonom"), ("roles", InvoicingRoles.Finance)));

        await (await world.Anonymous().GetAsync(AgingPath)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await withoutRole.GetAsync(AgingPath)).ProblemAsync(HttpStatusCode.Forbidden);
        var asReader = await (await reader.GetAsync(AgingPath)).JsonAsync();
        var asFinance = await (await finance.GetAsync(AgingPath)).JsonAsync();

        Assert.Equal(375_000m, asReader.GetProperty("totals").GetProperty("total").GetDecimal());
        Assert.Equal(asReader.GetRawText(), asFinance.GetRawText());
    }

    private static IEnumerable<decimal> Buckets(JsonElement row) =>
        new[] { "notDue", "days1To30", "days31To60", "days61To90", "over90" }.Select(b => row.GetProperty(b).GetDecimal());

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));
}
