using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Invoicing.Testing.Peppol;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Invoicing.Web.Tests;

/// <summary>
/// A member municipality sees its own party only (api/member/): its invoices, their PDFs and how its share was computed;
/// finance's routes are 403 to it, and what is not its own answers exactly as what does not exist.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MemberViewTests(WebFixture fixture, ITestOutputHelper output)
{
    private const string MemberInvoices = "/api/member/schemes/{scheme}/years/{year}/invoices";
    private const string MemberShare = "/api/member/schemes/{scheme}/years/{year}/share";

    [Fact]
    public async Task A_member_sees_exactly_its_own_partys_invoices_of_the_year()
    {
        var mine = await (await fixture.Shared.Member().GetAsync(MemberInvoices.Path())).JsonAsync();
        var all = await (await fixture.Shared.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/invoices".Path())).JsonAsync();

        var numbers = mine.EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        output.WriteLine($"GET {MemberInvoices.Path()} as Håbo kommun: {mine}");
        Assert.NotEmpty(numbers);
        Assert.All(mine.EnumerateArray(), i => Assert.Equal(WebWorld.MemberParty, i.GetProperty("debtorCode").GetString()));
        Assert.Equal(
            all.EnumerateArray().Where(i => i.GetProperty("debtorCode").GetString() == WebWorld.MemberParty).Select(i => i.GetProperty("number").GetString()),
            numbers);
    }

    [Fact]
    public async Task A_member_downloads_its_own_invoice_PDF()
    {
        var number = (await InvoiceOfAsync(WebWorld.MemberParty)).GetProperty("number").GetString();

        using var response = await fixture.Shared.Member().GetAsync($"/api/member/invoices/{WebWorld.Scheme}/2026/{number}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"faktura-{number}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_downloads_its_own_statement_which_is_finances_statement_of_its_party()
    {
        using var mine = await fixture.Shared.Member().GetAsync("/api/member/schemes/{scheme}/years/{year}/statement.pdf?asOf=2026-03-02".Path());
        using var finance = await fixture.Shared.Reader().GetAsync($"/api/schemes/{{scheme}}/years/{{year}}/parties/{WebWorld.MemberParty}/statement.pdf?asOf=2026-03-02".Path());

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"kontoutdrag-{WebWorld.Scheme}-2026-{WebWorld.MemberParty}.pdf", mine.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(await finance.Content.ReadAsByteArrayAsync(), await mine.Content.ReadAsByteArrayAsync());
        var text = string.Join(' ', UglyToad.PdfPig.PdfDocument.Open(await mine.Content.ReadAsByteArrayAsync()).GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Kontoutdrag", text, StringComparison.Ordinal);
        Assert.Contains("Håbo kommun", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_of_an_unknown_party_is_404_and_a_bad_party_code_400()
    {
        var unknown = await (await fixture.Shared.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/parties/NO-SUCH-PARTY/statement.xlsx".Path())).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Shared.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/parties/bad%20code/statement.pdf".Path())).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Parten NO-SUCH-PARTY finns inte i parttabellen.", unknown);
    }

    [Fact]
    public async Task Another_partys_invoice_PDF_is_the_same_404_as_an_invoice_that_does_not_exist()
    {
        var others = (await InvoiceOfAsync(WebWorld.OtherMemberParty)).GetProperty("number").GetString()!;
        var member = fixture.Shared.Member();

        using var theirs = await member.GetAsync($"/api/member/invoices/{WebWorld.Scheme}/2026/{others}/pdf");
        const string missing = "202600999";
        using var none = await member.GetAsync($"/api/member/invoices/{WebWorld.Scheme}/2026/{missing}/pdf");

        var theirsDetail = await theirs.ProblemAsync(HttpStatusCode.NotFound);
        var noneDetail = await none.ProblemAsync(HttpStatusCode.NotFound);
        output.WriteLine($"another party's invoice {others}: {theirsDetail}");
        output.WriteLine($"no such invoice: {noneDetail}");
        Assert.Equal(Problem(await theirs.Content.ReadAsStringAsync()), Problem(await none.Content.ReadAsStringAsync()).Replace(missing, others, StringComparison.Ordinal));
        Assert.DoesNotContain(WebWorld.OtherMemberParty, theirsDetail, StringComparison.Ordinal);
        Assert.Equal(theirs.Content.Headers.ContentLength, none.Content.Headers.ContentLength);

        // The other member itself gets the PDF: the 404 was about who asked.
        using var own = await fixture.Shared.WithKey(WebWorld.OtherMemberKey).GetAsync($"/api/member/invoices/{WebWorld.Scheme}/2026/{others}/pdf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData(MemberInvoices)]
    [InlineData(MemberShare)]
    public async Task A_year_without_a_budget_is_the_same_404_whether_or_not_it_exists_and_names_no_budget(string template)
    {
        var detail = await (await fixture.Shared.Member().GetAsync(template.Replace("{year}", "2031", StringComparison.Ordinal).Path())).ProblemAsync(HttpStatusCode.NotFound);
        var otherScheme = await (await fixture.Shared.Member().GetAsync(template.Replace("{scheme}", "no-such-scheme", StringComparison.Ordinal).Path())).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Part {WebWorld.MemberParty} har inget i samverkan {WebWorld.Scheme}, år 2031.", detail);
        Assert.Equal($"Part {WebWorld.MemberParty} har inget i samverkan no-such-scheme, år 2026.", otherScheme);
    }

    public static TheoryData<string, string> FinanceAndReaderRoutes()
    {
        var data = new TheoryData<string, string>();
        // api/me (SignedIn) answers everyone with a role: it tells a member who it is, which is how the pages send it to its own.
        foreach (var route in ApiRoutes.All.Where(r => r.Policy is not (InvoicingPolicies.Member or InvoicingPolicies.SignedIn)))
        {
            data.Add(route.Method, route.Template);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FinanceAndReaderRoutes))]
    public async Task Every_route_of_finance_and_readers_answers_a_member_with_403(string method, string template)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
        if (method == ApiRoutes.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Shared.Member().SendAsync(request);

        var detail = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(InvoicingRoles.Member, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MemberInvoices)]
    [InlineData(MemberShare)]
    [InlineData("/api/member/invoices/{scheme}/{year}/202600014/pdf")]
    [InlineData("/api/member/schemes/{scheme}/years/{year}/statement.pdf")]
    public async Task A_members_routes_answer_readers_and_finance_with_403_for_they_have_no_party(string template)
    {
        await (await fixture.Shared.Reader().GetAsync(template.Path())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Shared.Finance().GetAsync(template.Path())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Shared.Anonymous().GetAsync(template.Path())).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_share_shows_each_pool_with_every_participants_figures_that_sum_to_it_and_the_members_part_is_the_allocations()
    {
        var share = await (await fixture.Shared.Member().GetAsync(MemberShare.Path())).JsonAsync();
        var allocation = await (await fixture.Shared.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/allocation".Path())).JsonAsync();
        output.WriteLine($"GET {MemberShare.Path()} as Håbo kommun: {share}");

        Assert.Equal(WebWorld.MemberParty, share.GetProperty("party").GetString());
        Assert.Equal("Håbo kommun", share.GetProperty("partyName").GetString());
        var decision = share.GetProperty("decision");
        Assert.Equal("2025-12-15", decision.GetProperty("decidedOn").GetString());
        Assert.Equal("Samverkansforum PoM 2025-12-15", decision.GetProperty("reference").GetString());
        Assert.Equal(0, decision.GetProperty("revision").GetInt32());
        Assert.Equal("IssueAnnualInvoices", decision.GetProperty("approvedBy").GetString());
        Assert.Equal(WebWorld.RunTime, decision.GetProperty("approvedAt").GetDateTimeOffset());

        var pools = share.GetProperty("pools").EnumerateArray().ToList();
        Assert.NotEmpty(pools);
        var allocated = allocation.GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("line").GetInt32());
        foreach (var pool in pools)
        {
            var shares = pool.GetProperty("shares").EnumerateArray().ToList();
            Assert.True(shares.Count > 1, "the other participants' figures are shown");
            Assert.Equal(pool.GetProperty("amount").GetDecimal(), shares.Sum(s => s.GetProperty("amount").GetDecimal()));
            if (pool.GetProperty("key").GetString() != "equalSplit")
            {
                Assert.Equal(pool.GetProperty("totalPopulation").GetInt64(), shares.Sum(s => s.GetProperty("population").GetInt64()));
                Assert.False(string.IsNullOrEmpty(pool.GetProperty("source").GetString()));
                Assert.Equal(JsonValueKind.String, pool.GetProperty("referenceDate").ValueKind);
            }

            var own = pool.GetProperty("share");
            Assert.Equal(WebWorld.MemberParty, own.GetProperty("code").GetString());
            var expected = allocated[pool.GetProperty("line").GetInt32()];
            Assert.Equal(expected.GetProperty("amount").GetDecimal(), pool.GetProperty("amount").GetDecimal());
            Assert.Equal(expected.GetProperty("shares").ToString(), pool.GetProperty("shares").ToString());
            Assert.Equal(
                expected.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("code").GetString() == WebWorld.MemberParty).ToString(),
                own.ToString());
        }

        // Lines the member is not in are not shown, and the total is what its parts come to, and what it was invoiced.
        var inPools = allocated.Values.Count(p => p.GetProperty("shares").EnumerateArray().Any(s => s.GetProperty("code").GetString() == WebWorld.MemberParty));
        Assert.Equal(inPools, pools.Count);
        var fixedLines = share.GetProperty("fixed").EnumerateArray().ToList();
        Assert.All(fixedLines, f => Assert.Equal(WebWorld.MemberParty, f.GetProperty("code").GetString()));
        var total = share.GetProperty("total").GetDecimal();
        Assert.Equal(pools.Sum(p => p.GetProperty("share").GetProperty("amount").GetDecimal()) + fixedLines.Sum(f => f.GetProperty("amount").GetDecimal()), total);
        var invoiced = await (await fixture.Shared.Member().GetAsync(MemberInvoices.Path())).JsonAsync();
        Assert.Equal(total, invoiced.EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "invoice").Sum(i => i.GetProperty("net").GetDecimal()));
    }

    [Fact]
    public async Task After_a_revision_the_share_stands_on_the_revisions_decision_and_its_total_is_what_the_member_was_invoiced_net_of_credits()
    {
        const string gavleKey = "member-key-for-the-web-tests-2180";
        await using var world = await fixture.NewWorldAsync(settings: new Dictionary<string, string?>
        {
            ["Invoicing:Web:ApiKeys:5:Name"] = "Gävle kommun",
            ["Invoicing:Web:ApiKeys:5:Key"] = gavleKey,
            ["Invoicing:Web:ApiKeys:5:Role"] = InvoicingRoles.Member,
            ["Invoicing:Web:ApiKeys:5:Party"] = "2180",
        });
        var scheme = new SchemeId(WebWorld.Scheme);
        var revised = Testing.RevisedDataset.WriteTo(Directory.CreateTempSubdirectory("invoicing-revised-").FullName);
        await world.Get<Planning.BudgetRevisions>().ReviseAsync(scheme, 2026, Dataset.DatasetFiles.Read(revised), CancellationToken.None);
        Directory.Delete(revised, recursive: true);
        using (Audit.Actor.Acting(new Audit.Actor(Audit.ActorChannel.Cli, "os-user", "Eva Ekonom")))
        {
            await world.Get<Planning.BudgetRevisions>().ApproveAsync(scheme, 2026, new Budgets.BudgetDecision(new DateOnly(2026, 3, 2), "Samverkansforum PoM §4"), CancellationToken.None);
        }

        (await world.Get<Issuing.AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None)).EnsureSucceeded();
        var gavle = world.WithKey(gavleKey);

        var share = await (await gavle.GetAsync(MemberShare.Path())).JsonAsync();
        var invoices = await (await gavle.GetAsync(MemberInvoices.Path())).JsonAsync();

        var decision = share.GetProperty("decision");
        Assert.Equal(("2026-03-02", "Samverkansforum PoM §4", 1, "Eva Ekonom"), (
            decision.GetProperty("decidedOn").GetString(), decision.GetProperty("reference").GetString(), decision.GetProperty("revision").GetInt32(), decision.GetProperty("approvedBy").GetString()));
        var pool = Assert.Single(share.GetProperty("pools").EnumerateArray());
        Assert.Equal(90_000m, pool.GetProperty("amount").GetDecimal());
        Assert.Equal(90_000m, pool.GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal()));
        Assert.Contains(invoices.EnumerateArray(), i => i.GetProperty("corrects").ValueKind == JsonValueKind.String);
        var net = invoices.EnumerateArray().Sum(i => (i.GetProperty("kind").GetString() == "credit-note" ? -1 : 1) * i.GetProperty("net").GetDecimal());
        Assert.Equal(share.GetProperty("total").GetDecimal(), net);

        // The revision's document carries the share after the revision, on the revision's decision, as its specification.
        var changed = invoices.EnumerateArray().Last(i => i.GetProperty("corrects").ValueKind == JsonValueKind.String).GetProperty("number").GetString();
        var ubl = await (await world.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/{changed}/ubl")).Content.ReadAsByteArrayAsync();
        var attachment = AssertSpecificationIsTheShare(ubl, share, "2180");
        Assert.Contains("budgetrevision 1", attachment.Description, StringComparison.Ordinal);
        Assert.Contains("dokumentet avser skillnaden mot tidigare fakturerat", attachment.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_e_invoice_carries_as_its_specification_exactly_the_figures_of_the_members_share()
    {
        var number = (await InvoiceOfAsync(WebWorld.MemberParty)).GetProperty("number").GetString();
        using var response = await fixture.Shared.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/{number}/ubl");
        var share = await (await fixture.Shared.Member().GetAsync(MemberShare.Path())).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attachment = AssertSpecificationIsTheShare(await response.Content.ReadAsByteArrayAsync(), share, WebWorld.MemberParty);
        output.WriteLine($"{attachment.FileName} ({attachment.MimeCode}) of e-invoice {number}: {attachment.Description}");
        output.WriteLine(Encoding.UTF8.GetString(attachment.Content));
    }

    /// <summary>
    /// The e-invoice's one attachment, its CSV read back: every pool of the member's share with its figures and every
    /// participant's, row for row, summing to the pool; the fixed lines; the decision on every row; the member's rows
    /// coming to the share's total.
    /// </summary>
    private static UblAttachment AssertSpecificationIsTheShare(byte[] ubl, JsonElement share, string party)
    {
        var attachment = Assert.Single(UblAttachments.Read(ubl));
        Assert.Equal(("Specifikation", "text/csv"), (attachment.Id, attachment.MimeCode));
        var table = attachment.Csv();
        var keys = new Dictionary<string, string> { ["population"] = "folkmängd", ["perCapita"] = "per invånare", ["equalSplit"] = "lika delar" };
        var rows = table.Rows.ToLookup(r => int.Parse(table.Field(r, "Budgetrad"), CultureInfo.InvariantCulture));
        var pools = share.GetProperty("pools").EnumerateArray().ToList();
        foreach (var pool in pools)
        {
            var poolRows = rows[pool.GetProperty("line").GetInt32()].ToList();
            var shares = pool.GetProperty("shares").EnumerateArray().ToList();
            var key = pool.GetProperty("key").GetString()!;
            Assert.Equal(shares.Count, poolRows.Count);
            Assert.All(poolRows, r => Assert.Equal(
                (pool.GetProperty("text").GetString(), keys[key], pool.GetProperty("amount").GetDecimal(), pool.GetProperty("source").GetString() ?? "", pool.GetProperty("referenceDate").GetString() ?? ""),
                (table.Field(r, "Text"), table.Field(r, "Fördelning"), Kronor(table.Field(r, "Radens belopp")), table.Field(r, "Befolkning enligt"), table.Field(r, "Per datum"))));
            for (var i = 0; i < shares.Count; i++)
            {
                var (expected, row) = (shares[i], poolRows[i]);
                Assert.Equal(expected.GetProperty("code").GetString(), table.Field(row, "Kod"));
                Assert.Equal(expected.GetProperty("name").GetString(), table.Field(row, "Part"));
                Assert.Equal(expected.GetProperty("amount").GetDecimal(), Kronor(table.Field(row, "Belopp")));
                if (key != "equalSplit")
                {
                    Assert.Equal(expected.GetProperty("population").GetInt64().ToString(CultureInfo.InvariantCulture), table.Field(row, "Befolkning"));
                    Assert.Equal(expected.GetProperty("keyPercent").GetDecimal(), Kronor(table.Field(row, "Andel (%)")));
                    Assert.Equal(pool.GetProperty("totalPopulation").GetInt64().ToString(CultureInfo.InvariantCulture), table.Field(row, "Total befolkning"));
                }

                Assert.Equal(expected.GetProperty("code").GetString() == party ? "ja" : "", table.Field(row, "Er andel"));
            }

            Assert.Equal(pool.GetProperty("amount").GetDecimal(), poolRows.Sum(r => Kronor(table.Field(r, "Belopp"))));
        }

        var fixedLines = share.GetProperty("fixed").EnumerateArray().ToList();
        var fixedRows = table.Rows.Where(r => table.Field(r, "Fördelning") == "fast belopp").ToList();
        Assert.Equal(
            fixedLines.Select(f => (f.GetProperty("line").GetInt32(), f.GetProperty("amount").GetDecimal())),
            fixedRows.Select(r => (int.Parse(table.Field(r, "Budgetrad"), CultureInfo.InvariantCulture), Kronor(table.Field(r, "Belopp")))));
        Assert.Equal(pools.Sum(p => p.GetProperty("shares").GetArrayLength()) + fixedLines.Count, table.Rows.Count);

        var decision = share.GetProperty("decision");
        Assert.All(table.Rows, r => Assert.Equal(
            (decision.GetProperty("decidedOn").GetString(), decision.GetProperty("reference").GetString(), decision.GetProperty("revision").GetInt32().ToString(CultureInfo.InvariantCulture)),
            (table.Field(r, "Beslutsdatum"), table.Field(r, "Beslut"), table.Field(r, "Revision"))));
        Assert.Equal(share.GetProperty("total").GetDecimal(), table.Rows.Where(r => table.Field(r, "Er andel") == "ja").Sum(r => Kronor(table.Field(r, "Belopp"))));
        return attachment;
    }

    /// <summary>A figure as Swedish Excel reads it (<c>6051,00</c>, <c>8,1</c>).</summary>
    private static decimal Kronor(string field) => decimal.Parse(field.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [Fact]
    public void A_member_key_without_a_party_a_bad_party_or_a_party_on_another_role_is_refused_with_one_line_each()
    {
        var options = new InvoicingWebOptions
        {
            ApiKeys =
            [
                new ApiKeyOptions { Name = "Håbo", Key = WebWorld.MemberKey, Role = InvoicingRoles.Member },
                new ApiKeyOptions { Name = "Heby", Key = WebWorld.OtherMemberKey, Role = InvoicingRoles.Member, Party = "heby kommun" },
                new ApiKeyOptions { Name = "Eva", Key = WebWorld.FinanceKey, Role = InvoicingRoles.Finance, Party = "0305" },
                new ApiKeyOptions { Name = "Knivsta", Key = WebWorld.ReaderKey, Role = InvoicingRoles.Member, Party = "0330" },
            ],
        };

        var problems = options.Problems(WebIdentityMode.ApiKeys);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
        Assert.StartsWith("Invoicing:Web:ApiKeys:0:Party is empty", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Invoicing:Web:ApiKeys:1:Party 'heby kommun' is not a party code", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Invoicing:Web:ApiKeys:2:Party is set on a key with role Invoicing.Finance", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_whose_member_key_has_no_party_does_not_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Invoicing:Web:ApiKeys:0:Name"] = "Håbo kommun",
            ["Invoicing:Web:ApiKeys:0:Key"] = WebWorld.MemberKey,
            ["Invoicing:Web:ApiKeys:0:Role"] = InvoicingRoles.Member,
        });
        builder.Services.AddInvoicingWeb(builder.Configuration, WebIdentityMode.ApiKeys);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Invoicing:Web:ApiKeys:0:Party is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_identity_cannot_be_a_member_for_it_has_no_party()
    {
        var options = new InvoicingWebOptions { DevelopmentRole = InvoicingRoles.Member };

        Assert.Contains("is not Invoicing.Reader or Invoicing.Finance", Assert.Single(options.Problems(WebIdentityMode.DevelopmentIdentity)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_App_Service_Authentication_a_member_is_the_party_of_its_claim_and_two_parties_are_none()
    {
        await using var world = await fixture.NewWorldAsync(WebIdentityMode.AppServiceAuthentication);
        var habo = world.Anonymous();
        habo.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Hanna på Håbo"), ("roles", InvoicingRoles.Member), (InvoicingClaims.Party, WebWorld.MemberParty)));
        var extension = world.Anonymous();
        extension.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Älva"), ("roles", InvoicingRoles.Member), (InvoicingClaims.EntraParty, WebWorld.OtherMemberParty)));
        var two = world.Anonymous();
        two.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Tvåa"), ("roles", InvoicingRoles.Member), (InvoicingClaims.Party, WebWorld.MemberParty), (InvoicingClaims.Party, WebWorld.OtherMemberParty)));
        var none = world.Anonymous();
        none.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Ingen"), ("roles", InvoicingRoles.Member)));

        var haboInvoices = await (await habo.GetAsync(MemberInvoices.Path())).JsonAsync();
        var otherInvoices = await (await extension.GetAsync(MemberInvoices.Path())).JsonAsync();

        Assert.All(haboInvoices.EnumerateArray(), i => Assert.Equal(WebWorld.MemberParty, i.GetProperty("debtorCode").GetString()));
        Assert.All(otherInvoices.EnumerateArray(), i => Assert.Equal(WebWorld.OtherMemberParty, i.GetProperty("debtorCode").GetString()));
        Assert.NotEmpty(haboInvoices.EnumerateArray());
        Assert.NotEmpty(otherInvoices.EnumerateArray());
        await (await two.GetAsync(MemberInvoices.Path())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await none.GetAsync(MemberShare.Path())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await habo.GetAsync("/api/schemes/{scheme}/years/{year}/invoices".Path())).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<JsonElement> InvoiceOfAsync(string party)
    {
        var all = await (await fixture.Shared.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/invoices".Path())).JsonAsync();
        return all.EnumerateArray().First(i => i.GetProperty("debtorCode").GetString() == party && i.GetProperty("kind").GetString() == "invoice");
    }

    /// <summary>A problem body without its per-request trace id.</summary>
    private static string Problem(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    private static string Concrete(string template) => "/" + template
        .Replace("{scheme}", WebWorld.Scheme, StringComparison.Ordinal)
        .Replace("{year}", "2026", StringComparison.Ordinal)
        .Replace("{number}", "202600014", StringComparison.Ordinal)
        .Replace("{level}", "1", StringComparison.Ordinal)
        .Replace("{month}", "2026-01", StringComparison.Ordinal)
        .Replace("{party}", "1980", StringComparison.Ordinal)
        .Replace("{id}", new string('0', 64), StringComparison.Ordinal);

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));
}
