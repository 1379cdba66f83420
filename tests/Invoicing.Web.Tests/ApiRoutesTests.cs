using Microsoft.AspNetCore.Routing;

namespace Invoicing.Web.Tests;

/// <summary>
/// <see cref="ApiRoutes.All"/> is the one list of the API's endpoints: <c>serve</c> maps exactly that list (so an
/// endpoint mapped some other way would be missing from the Functions app, whose triggers the platform check
/// compares with the same list).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiRoutesTests(WebFixture fixture)
{
    [Fact]
    public void Serve_maps_exactly_the_API_routes_of_ApiRoutes_All()
    {
        var mapped = ((IEndpointRouteBuilder)fixture.Shared.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => (method, endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .Order()
            .ToList();
        var declared = ApiRoutes.All.Select(route => (route.Method, route.Template)).Order().ToList();
        Assert.Equal(declared, mapped);
    }

    [Fact]
    public void Every_API_route_is_under_api_and_needs_a_policy()
    {
        Assert.All(ApiRoutes.All, route =>
        {
            Assert.StartsWith("api/", route.Template, StringComparison.Ordinal);
            Assert.Contains(route.Policy, new[] { Identity.InvoicingPolicies.Reader, Identity.InvoicingPolicies.Finance, Identity.InvoicingPolicies.Member, Identity.InvoicingPolicies.SignedIn });
            Assert.Contains(route.Method, new[] { ApiRoutes.Get, ApiRoutes.Post });
        });
    }
}
