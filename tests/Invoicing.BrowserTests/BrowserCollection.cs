namespace Invoicing.BrowserTests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<FinancePageFixture>
{
    public const string Name = "Browser";
}
