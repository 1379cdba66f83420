using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace Invoicing.Functions;

/// <summary>
/// The worker's telemetry: OpenTelemetry (logs, traces, metrics) with the Functions worker's resource and invocation
/// context, exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, with the app's managed
/// identity (Entra ID authentication; local authentication is off on the Application Insights resource). host.json
/// puts the host in the same mode (<c>"telemetryMode": "OpenTelemetry"</c>). Why OpenTelemetry and not Application
/// Insights 2.x: docs/operations.md, "Telemetry".
/// Event ids and names of the product's log messages (<c>AnnualInvoicingRunCompleted</c>, <c>OutboxMessageFailed</c>, …)
/// travel as the log record's EventId; the Azure Monitor exporter writes them as the properties <c>EventId</c> and
/// <c>EventName</c> of AppTraces, which the alerts query.
/// </summary>
internal static class InvoicingTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static OpenTelemetryBuilder AddInvoicingTelemetry(this IServiceCollection services, IConfiguration configuration, TokenCredential? credential)
    {
        var telemetry = services.AddOpenTelemetry();
        telemetry.UseFunctionsWorkerDefaults();
        telemetry.WithLogging(configureBuilder: null, configureOptions: options =>
        {
            // Scopes carry the run id; the formatted message is what a person reads in the portal.
            options.IncludeScopes = true;
            options.IncludeFormattedMessage = true;
            options.ParseStateValues = true;
        });

        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        return telemetry;
    }
}
