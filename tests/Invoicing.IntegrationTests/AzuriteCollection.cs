using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>One Azurite for the assembly; each test works under its own name prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
