using Invoicing.Testing;

namespace Invoicing.Web.Tests;

/// <summary>
/// One Azurite for the assembly and one issued year on it that read-only tests share (seeding and issuing 30
/// invoices takes seconds). Tests that change data get a world of their own from <see cref="NewWorldAsync"/>.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    /// <summary>The bundled 2026 budget, approved and invoiced, seen on <see cref="WebWorld.Today"/>; never changed by a test.</summary>
    public WebWorld Shared { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Shared = await NewWorldAsync();
    }

    /// <summary>A world of one test's own, which that test disposes.</summary>
    public Task<WebWorld> NewWorldAsync(
        Identity.WebIdentityMode identity = Identity.WebIdentityMode.ApiKeys, bool issue = true, IDictionary<string, string?>? settings = null, DateTimeOffset? today = null) =>
        WebWorld.StartAsync(_azurite.ConnectionString, identity, issue, settings, today);

    public async Task DisposeAsync()
    {
        await Shared.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}
