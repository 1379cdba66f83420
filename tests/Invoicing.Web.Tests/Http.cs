using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Invoicing.Web.Tests;

/// <summary>Small helpers for reading answers in assertions.</summary>
internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="expected"/> status; returns its detail.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }

    public static Task<HttpResponseMessage> PostPaymentAsync(this HttpClient client, string number, object body) =>
        client.PostAsJsonAsync($"/api/invoices/{WebWorld.Scheme}/2026/{number}/payments", body);

    public static Task<HttpResponseMessage> PostRefundAsync(this HttpClient client, string number, object body) =>
        client.PostAsJsonAsync($"/api/invoices/{WebWorld.Scheme}/2026/{number}/refunds", body);

    public static string Path(this string template) => template.Replace("{scheme}", WebWorld.Scheme, StringComparison.Ordinal).Replace("{year}", "2026", StringComparison.Ordinal);
}
