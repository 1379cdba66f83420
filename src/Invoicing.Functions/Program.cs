using Invoicing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Every behaviour lives in the Invoicing library, registered exactly as the CLI and the tests use it.
builder.Services.AddInvoicing(builder.Configuration);

builder.Build().Run();
