using System.Net;

namespace Invoicing.Web.Tests;

/// <summary>The page is served from the assembly at <c>/</c>, without an identity: it holds no data and asks for a key itself.</summary>
[Collection(WebCollection.Name)]
public sealed class PageTests(WebFixture fixture)
{
    [Fact]
    public async Task The_page_is_served_at_the_root_without_an_identity()
    {
        using var response = await fixture.Shared.Anonymous().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_page_files_come_with_their_content_types()
    {
        using var index = await fixture.Shared.Anonymous().GetAsync("/index.html");
        using var script = await fixture.Shared.Anonymous().GetAsync("/app.js");

        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_member_page_is_served_at_medlem_like_finances_page_and_its_data_answers_a_caller_without_identity_with_401()
    {
        using var anonymous = await fixture.Shared.Anonymous().GetAsync("/medlem");
        using var member = await fixture.Shared.Member().GetAsync("/medlem");
        using var script = await fixture.Shared.Anonymous().GetAsync("/medlem.js");
        var html = await member.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (anonymous.StatusCode, member.StatusCode, script.StatusCode));
        Assert.Equal(("text/html", "text/javascript"), (member.Content.Headers.ContentType?.MediaType, script.Content.Headers.ContentType?.MediaType));
        Assert.Equal(await anonymous.Content.ReadAsStringAsync(), html);
        Assert.Contains("<script src=\"medlem.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tillganglighet.html\">Tillgänglighetsredogörelse</a>", html, StringComparison.Ordinal);
        Assert.Equal(ResponseHeaders.ContentSecurityPolicy, member.Headers.GetValues("Content-Security-Policy").Single());

        // The page holds no data: what it shows comes from the member routes, which want a member.
        await (await fixture.Shared.Anonymous().GetAsync("/api/member/schemes/{scheme}/years/{year}/invoices".Path())).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await fixture.Shared.Anonymous().GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/no-such-file.css")]
    [InlineData("/..%2F..%2Fappsettings.json")]
    [InlineData("/%2e%2e/Invoicing.Web.dll")]
    [InlineData("/wwwroot/index.html")]
    public async Task Nothing_but_the_page_files_is_served(string path) =>
        await (await fixture.Shared.Anonymous().GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task Api_answers_are_not_to_be_cached()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/me");

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
