using Invoicing.Budgets;
using Invoicing.Composition;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;

namespace Invoicing.Functions.Tests;

/// <summary>
/// The annual run's summary reaches the telemetry exporter as an event with its name: the alerts and the operations
/// guide query <c>EventName == "AnnualInvoicingRunCompleted"</c>, so a telemetry set-up that drops event names, or
/// keeps only warnings, would leave them blind. The exporter here is OpenTelemetry's in-memory one, registered on the
/// same pipeline as the Azure Monitor exporter in Azure (<see cref="InvoicingTelemetry"/>).
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task The_annual_runs_summary_reaches_the_exporter_with_its_event_name_and_counts()
    {
        var exported = new List<LogRecord>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestServices.ExampleIssuer()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddInvoicingTelemetry(configuration, credential: null).WithLogging(logging => logging.AddInMemoryExporter(exported));
        services.AddInvoicing(configuration);
        services.AddSingleton(new InvoicingStorage(
            new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString),
            new Azure.Storage.Blobs.BlobServiceClient(_azurite.ConnectionString),
            "tel" + Guid.NewGuid().ToString("N")[..8]));

        int created;
        await using (var provider = services.BuildServiceProvider())
        {
            var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
            await provider.GetRequiredService<DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
            await provider.GetRequiredService<BudgetApproval>().ApproveAsync(
                dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM, budgetmöte"), CancellationToken.None);

            var summary = await provider.GetRequiredService<AnnualInvoicingRun>().RunAsync(year: null, CancellationToken.None);
            created = summary.Created;
            Assert.True(created > 0);

            // Disposing the provider flushes the logging pipeline, as the worker does when it stops.
        }

        var record = Assert.Single(exported, r => r.EventId.Name == "AnnualInvoicingRunCompleted");
        Assert.Equal(1000, record.EventId.Id);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, record.LogLevel);
        var attributes = record.Attributes!.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(created, attributes["Created"]);
        Assert.Equal(0, attributes["Failed"]);
        Assert.StartsWith($"Annual invoicing run: 1 budgets, {created} invoices created", record.FormattedMessage, StringComparison.Ordinal);
    }
}
