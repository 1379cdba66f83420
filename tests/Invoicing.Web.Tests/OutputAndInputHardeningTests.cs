using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace Invoicing.Web.Tests;

/// <summary>
/// What the page and the API answer with whatever is asked (the security headers, HEAD beside every GET), and input
/// that could hide something (a field named twice, an id with a line break) refused with one line.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OutputAndInputHardeningTests(WebFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/me")]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/invoices")]
    public async Task The_page_and_the_API_answer_with_a_strict_content_security_policy_nosniff_and_no_referrer(string path)
    {
        using var response = await fixture.Shared.Reader().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(ResponseHeaders.ContentSecurityPolicy, policy);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_page_needs_no_inline_script_or_style_so_the_policy_costs_it_nothing()
    {
        var html = await fixture.Shared.Anonymous().GetStringAsync("/");

        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\s(style|on[a-z]+)\s*=", html);
    }


    [Fact]
    public async Task Every_GET_route_of_the_endpoint_data_source_answers_HEAD_with_the_same_status_and_headers_and_no_body()
    {
        var templates = ((IEndpointRouteBuilder)fixture.Shared.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(ApiRoutes.Get) == true)
            .Select(endpoint => endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Superset(ApiRoutes.All.Where(r => r.Method == ApiRoutes.Get).Select(r => r.Template).ToHashSet(), templates.ToHashSet());

        var client = fixture.Shared.Reader();
        foreach (var template in templates)
        {
            var path = "/" + template
                .Replace("{scheme}", WebWorld.Scheme, StringComparison.Ordinal)
                .Replace("{year}", "2026", StringComparison.Ordinal)
                .Replace("{number}", "202600014", StringComparison.Ordinal)
                .Replace("{level}", "1", StringComparison.Ordinal)
                .Replace("{id}", new string('0', 64), StringComparison.Ordinal)
                .Replace("{*path}", "app.js", StringComparison.Ordinal);

            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Equal(Headers(get), Headers(head));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("""{"amount":"100","date":"2026-03-01","amount":"99999"}""", "amount")]
    [InlineData("""{"amount":"100","date":"2026-03-01","note":"a","note":"b"}""", "note")]
    [InlineData("""{"amount":"100","Date":"2026-03-01","date":"2026-02-01"}""", "date")]
    public async Task A_JSON_body_naming_a_field_twice_is_400_and_nothing_is_written(string body, string field)
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var detail = await (await world.Finance().PostAsync("/api/invoices/region-mitt-pom/2026/202600014/payments", content)).ProblemAsync(HttpStatusCode.BadRequest);

        // The parser's English reason is not passed on; where it stopped is: the field named the second time.
        Assert.StartsWith($"Innehållet är inte en betalning i JSON: fel vid $.{field} (rad 1, tecken ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Theory]
    [InlineData("/api/schemes/region-mitt-pom%0A/years/2026/invoices", "Samverkan 'region-mitt-pom\\u000A' har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.")]
    [InlineData("/api/schemes/region-mitt-pom%20/years/2026/summary", "Samverkan 'region-mitt-pom ' har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.")]
    [InlineData("/api/invoices/region-mitt-pom/2026/202600014%0A/pdf", "'202600014\\u000A' är inget fakturanummer: nio siffror, året och ett femsiffrigt löpnummer (t.ex. 202600014).")]
    [InlineData("/api/schemes/region%E2%80%AE-mitt/years/2026/invoices", "Samverkan 'region\\u202E-mitt' har ett styr- eller riktningstecken (U+202E) på position 7.")]
    public async Task An_id_in_a_route_with_a_line_break_space_or_direction_character_is_400_in_one_escaped_line_not_trimmed(string path, string expected)
    {
        var detail = await (await fixture.Shared.Reader().GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(expected, detail);
    }

    [Fact]
    public async Task An_id_in_a_JSON_field_with_a_line_break_or_trailing_space_is_400_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        var before = await StorageSnapshot.TakeAsync(world);
        var entry = $"/api/payments/unmatched/{new string('a', 40)}/book";

        var number = await (await client.PostAsJsonAsync(entry, new { invoice = "202600014\n" })).ProblemAsync(HttpStatusCode.BadRequest);
        var scheme = await (await client.PostAsJsonAsync(entry, new { invoice = "202600014", scheme = "region-mitt-pom " })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invoice '202600014\\u000A' är inget fakturanummer: nio siffror, året och ett femsiffrigt löpnummer (t.ex. 202600014).", number);
        Assert.Equal("Samverkan 'region-mitt-pom ' har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.", scheme);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];
}
