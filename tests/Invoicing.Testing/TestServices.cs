using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Invoicing.Composition;
using Invoicing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Testing;

/// <summary>The product's services over Azurite, as the hosts register them, with test settings.</summary>
public static class TestServices
{
    /// <summary>The bundled example issuer and SIE accounts, as the CLI's appsettings.json configures them.</summary>
    public static Dictionary<string, string?> ExampleIssuer() => new()
    {
        ["Invoicing:Issuer:Id"] = "vasteras-stad",
        ["Invoicing:Issuer:Name"] = "Västerås stad",
        ["Invoicing:Issuer:AddressLines:0"] = "Box 0000 (exempeladress)",
        ["Invoicing:Issuer:AddressLines:1"] = "721 00 Västerås",
        ["Invoicing:Issuer:OrganisationNumber"] = "212000-0001",
        ["Invoicing:Issuer:Bankgiro"] = "991-2346",
        ["Invoicing:Issuer:ReceivingAccounts:0"] = "SE45 5000 0000 0583 9825 7466",
        ["Invoicing:Issuer:ContactName"] = "Ekonomiservice",
        ["Invoicing:Issuer:ContactPhone"] = "021-00 00 00",
        ["Invoicing:Issuer:ContactEmail"] = "faktura@example.se",
        ["Invoicing:Issuer:IsExample"] = "true",
        ["Invoicing:Sie:Receivables:Number"] = "1510",
        ["Invoicing:Sie:Receivables:Name"] = "Kundfordringar",
        ["Invoicing:Sie:ContributionIncome:Number"] = "3490",
        ["Invoicing:Sie:ContributionIncome:Name"] = "Bidrag från kommuner och regioner",
        ["Invoicing:Sie:Bank:Number"] = "1930",
        ["Invoicing:Sie:Bank:Name"] = "Bank",
        ["Invoicing:Sie:RefundsOwed:Number"] = "2890",
        ["Invoicing:Sie:RefundsOwed:Name"] = "Övriga kortfristiga skulder",
        ["Invoicing:Sie:PartyDimension"] = "20",
    };

    public static ServiceProvider Create(
        string connectionString,
        string prefix,
        TimeProvider time,
        HttpPipelinePolicy? policy = null,
        IDictionary<string, string?>? settings = null,
        ILoggerProvider? log = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? ExampleIssuer())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (log is not null)
            {
                logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug);
            }
        });
        services.AddSingleton(time);
        services.AddInvoicing(configuration);

        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        if (policy is not null)
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        services.AddSingleton(new InvoicingStorage(
            new TableServiceClient(connectionString, tableOptions),
            new BlobServiceClient(connectionString, blobOptions),
            prefix));
        return services.BuildServiceProvider();
    }
}
