using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Planning;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Agreements;

/// <summary>Stockholm's scheme (<c>data/stockholm-2026</c>) beside Region Mitt's, each with its own issuer, in one storage.</summary>
internal static class StockholmScenario
{
    public static readonly SchemeId Scheme = new("stockholm-pom");

    public static string Dataset => Path.Combine(TestPaths.RepositoryRoot, "data", "stockholm-2026");

    /// <summary>The test issuer for Region Mitt (no own party) and Stockholms stad's own, as app settings give them.</summary>
    public static Dictionary<string, string?> Settings()
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Schemes:0:Scheme"] = "stockholm-pom";
        settings["Invoicing:Schemes:0:Issuer:Id"] = "stockholms-stad";
        settings["Invoicing:Schemes:0:Issuer:Name"] = "Stockholms stad";
        settings["Invoicing:Schemes:0:Issuer:PartyCode"] = "0180";
        settings["Invoicing:Schemes:0:Issuer:AddressLines:0"] = "Socialförvaltningen";
        settings["Invoicing:Schemes:0:Issuer:AddressLines:1"] = "100 00 Stockholm";
        settings["Invoicing:Schemes:0:Issuer:OrganisationNumber"] = "212000-9002";
        settings["Invoicing:Schemes:0:Issuer:Bankgiro"] = "991-2353";
        settings["Invoicing:Schemes:0:Issuer:ContactName"] = "Ekonomienheten";
        settings["Invoicing:Schemes:0:Issuer:ContactPhone"] = "08-000 00 00";
        settings["Invoicing:Schemes:0:Issuer:ContactEmail"] = "faktura.stockholm@example.se";
        settings["Invoicing:Schemes:0:Issuer:IsExample"] = "true";
        return settings;
    }

    public static async Task SeedAndApproveStockholmAsync(this InvoicingScenario scenario)
    {
        var dataset = DatasetLoader.Load(Dataset);
        await scenario.Get<DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        await scenario.Get<BudgetApproval>().ApproveAsync(Scheme, 2026, new BudgetDecision(new DateOnly(2025, 12, 15), "Socialnämnden 2025-12-15 §12"), CancellationToken.None);
    }

    /// <summary>The bundled Stockholm files with <c>agreements.csv</c> changed by <paramref name="edit"/>.</summary>
    public static DatasetFiles WithAgreements(Func<string, string> edit)
    {
        var files = DatasetFiles.Read(Dataset);
        var agreements = edit(files.Agreements!);
        Assert.NotEqual(files.Agreements, agreements);
        return files with { Agreements = agreements };
    }
}
