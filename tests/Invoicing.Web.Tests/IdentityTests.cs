using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Tests;

/// <summary>No anonymous access, readers look, finance changes: for API keys, App Service's client principal and the development identity.</summary>
[Collection(WebCollection.Name)]
public sealed class IdentityTests(WebFixture fixture)
{
    public static TheoryData<string> ReadEndpoints => new()
    {
        "/api/me",
        "/api/schemes/{scheme}/years/{year}/invoices",
        "/api/schemes/{scheme}/years/{year}/summary",
        "/api/schemes/{scheme}/years/{year}/allocation",
        "/api/schemes/{scheme}/years/{year}/aging",
        "/api/schemes/{scheme}/years/{year}/invoices.zip",
        "/api/schemes/{scheme}/years/{year}/ledger.csv",
        "/api/schemes/{scheme}/years/{year}/ledger.xlsx",
        "/api/schemes/{scheme}/years/{year}/aging.xlsx",
        "/api/schemes/{scheme}/years/{year}/export.sie",
        "/api/export.sie?from=2026-01-01&to=2026-01-31",
        "/api/invoices/{scheme}/{year}/202600014",
        "/api/invoices/{scheme}/{year}/202600014/pdf",
        "/api/payments/files",
    };

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Every_endpoint_answers_a_caller_without_identity_with_401(string path)
    {
        var detail = await (await fixture.Shared.Anonymous().GetAsync(path.Path())).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Every_endpoint_answers_an_unknown_api_key_with_401(string path) =>
        await (await fixture.Shared.WithKey("not-a-key-of-this-server-000000").GetAsync(path.Path())).ProblemAsync(HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Every_endpoint_answers_a_reader(string path)
    {
        using var response = await fixture.Shared.Reader().GetAsync(path.Path());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Me_names_the_caller_with_its_roles_and_whether_it_may_book()
    {
        var reader = await (await fixture.Shared.Reader().GetAsync("/api/me")).JsonAsync();
        var finance = await (await fixture.Shared.Finance().GetAsync("/api/me")).JsonAsync();

        Assert.Equal(("Rut Läsare", InvoicingRoles.Reader, false), (reader.GetProperty("name").GetString(), reader.GetProperty("roles")[0].GetString(), reader.GetProperty("canBook").GetBoolean()));
        Assert.Equal(("Eva Ekonom", InvoicingRoles.Finance, true), (finance.GetProperty("name").GetString(), finance.GetProperty("roles")[0].GetString(), finance.GetProperty("canBook").GetBoolean()));
    }

    [Fact]
    public async Task Me_tells_a_member_its_party_and_that_it_may_not_book_and_gives_finance_and_readers_no_party()
    {
        var member = await (await fixture.Shared.Member().GetAsync("/api/me")).JsonAsync();
        var finance = await (await fixture.Shared.Finance().GetAsync("/api/me")).JsonAsync();

        Assert.Equal(
            ("Håbo kommun", InvoicingRoles.Member, false, WebWorld.MemberParty),
            (member.GetProperty("name").GetString(), member.GetProperty("roles")[0].GetString(), member.GetProperty("canBook").GetBoolean(), member.GetProperty("party").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, finance.GetProperty("party").ValueKind);
    }

    [Fact]
    public async Task A_reader_cannot_book_a_payment_or_upload_a_bank_file_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        await (await world.Reader().PostPaymentAsync("202600014", new { amount = "43035,00", date = "2026-03-01" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Reader().PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014"))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_caller_without_identity_cannot_post_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        await (await world.Anonymous().PostPaymentAsync("202600014", new { amount = "43035,00", date = "2026-03-01" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await world.Anonymous().PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014"))).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task Behind_App_Service_Authentication_the_client_principal_gives_the_user_and_app_roles()
    {
        await using var world = await fixture.NewWorldAsync(WebIdentityMode.AppServiceAuthentication, issue: false);
        var client = world.Anonymous();
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Eva Ekonom"), ("roles", InvoicingRoles.Finance), ("roles", "Some.Other.Role")));

        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal("Eva Ekonom", me.GetProperty("name").GetString());
        Assert.Equal([InvoicingRoles.Finance], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("canBook").GetBoolean());
    }

    [Fact]
    public async Task Behind_App_Service_Authentication_a_user_without_an_app_role_is_403_and_one_without_a_principal_401()
    {
        await using var world = await fixture.NewWorldAsync(WebIdentityMode.AppServiceAuthentication, issue: false);
        var signedInWithoutRole = world.Anonymous();
        signedInWithoutRole.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, Principal(("name", "Someone")));
        var keyOnly = world.Finance();

        await (await signedInWithoutRole.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await keyOnly.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOltdfQ==")]
    public async Task Behind_App_Service_Authentication_an_unreadable_client_principal_is_401(string header)
    {
        await using var world = await fixture.NewWorldAsync(WebIdentityMode.AppServiceAuthentication, issue: false);
        var client = world.Anonymous();
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, header);

        await (await client.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void The_client_principal_maps_roles_of_its_role_type_and_entra_roles_claims_and_keeps_the_name_type()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","val":"eva@example.se"},
                       {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Invoicing.Reader"},
                       {"typ":"roles","val":"Invoicing.Finance"},{"typ":"name","val":"Eva Ekonom"}]}
            """));

        var principal = ClientPrincipal.Parse(header, out var problem);

        Assert.Null(problem);
        Assert.Equal("eva@example.se", principal!.Identity!.Name);
        Assert.Equal("aad", principal.Identity.AuthenticationType);
        Assert.True(principal.IsInRole(InvoicingRoles.Reader));
        Assert.True(principal.IsInRole(InvoicingRoles.Finance));
        Assert.Equal("Eva Ekonom", principal.FindFirst("name")?.Value);
        Assert.Equal(2, principal.FindAll(ClaimTypes.Role).Count());
    }

    [Fact]
    public async Task The_development_identity_gives_every_request_its_role_without_a_key()
    {
        await using var world = await fixture.NewWorldAsync(
            WebIdentityMode.DevelopmentIdentity, issue: false, new Dictionary<string, string?> { ["Invoicing:Web:DevelopmentRole"] = InvoicingRoles.Reader });

        var me = await (await world.Anonymous().GetAsync("/api/me")).JsonAsync();

        Assert.Equal(DevelopmentIdentityHandler.IdentityName, me.GetProperty("name").GetString());
        Assert.False(me.GetProperty("canBook").GetBoolean());
        await (await world.Anonymous().PostPaymentAsync("202600014", new { amount = 1, date = "2026-03-01" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Settings_without_keys_short_keys_unknown_roles_or_a_bad_development_role_name_their_problems()
    {
        var none = new InvoicingWebOptions();
        var bad = new InvoicingWebOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "", Key = "short", Role = "Admin" }],
            DevelopmentRole = "Invoicing.Admin",
        };
        var good = new InvoicingWebOptions { ApiKeys = [new ApiKeyOptions { Name = "a", Key = WebWorld.FinanceKey, Role = InvoicingRoles.Finance }] };

        Assert.Contains("no API keys", Assert.Single(none.Problems(WebIdentityMode.ApiKeys)), StringComparison.Ordinal);
        Assert.Equal(3, bad.Problems(WebIdentityMode.ApiKeys).Count);
        Assert.Single(bad.Problems(WebIdentityMode.DevelopmentIdentity));
        Assert.Empty(good.Problems(WebIdentityMode.ApiKeys));
        Assert.Empty(none.Problems(WebIdentityMode.AppServiceAuthentication));
    }

    [Fact]
    public async Task A_host_with_api_keys_as_its_identity_and_no_keys_does_not_start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddInvoicingWeb(builder.Configuration, WebIdentityMode.ApiKeys);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("no API keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_middleware_checks_the_same_roles_and_sends_the_same_security_headers_through_EndpointAccess()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(WebWorld.ApiKeySettings());
        builder.Services.AddInvoicingWeb(builder.Configuration, WebIdentityMode.ApiKeys);
        await using var app = builder.Build();

        // As a Functions trigger calls it: no authentication or authorization middleware in front.
        app.MapGet("/look", (Func<HttpContext, Task<IResult>>)(context => EndpointAccess.RunAsync(context, InvoicingPolicies.Reader, () => TypedResults.Ok("looked"))));
        app.MapPost("/change", (Func<HttpContext, Task<IResult>>)(context => EndpointAccess.RunAsync(context, InvoicingPolicies.Finance, () => Task.FromResult(TypedResults.Ok("changed")))));
        await app.StartAsync();
        using var anonymous = app.GetTestClient();
        using var reader = app.GetTestClient();
        reader.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, WebWorld.ReaderKey);
        using var finance = app.GetTestClient();
        finance.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, WebWorld.FinanceKey);

        await (await anonymous.GetAsync("/look")).ProblemAsync(HttpStatusCode.Unauthorized);
        using var looked = await reader.GetAsync("/look");
        Assert.Equal("looked", await looked.Content.ReadFromJsonAsync<string>());
        Assert.Equal(ResponseHeaders.ContentSecurityPolicy, string.Join(",", looked.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", looked.Headers.GetValues("X-Content-Type-Options")));
        await (await reader.PostAsync("/change", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("changed", await (await finance.PostAsync("/change", null)).Content.ReadFromJsonAsync<string>());
    }

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));
}
