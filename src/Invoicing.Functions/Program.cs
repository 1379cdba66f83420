using Invoicing;
using Invoicing.Web;
using Invoicing.Web.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP triggers take ASP.NET Core's HttpRequest and return IResult, so they call the same handlers as ./invoicing serve.
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Scopes carry the run id. Event ids and names (AnnualInvoicingRunCompleted, …), which the alerts query, need no
// option: the 2.2x Application Insights logger always records them as the EventId and EventName properties.
builder.Services.Configure<ApplicationInsightsLoggerOptions>(options => options.IncludeScopes = true);

// The Application Insights provider otherwise keeps only warnings; the run's summary is an Information event.
builder.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null)
    {
        options.Rules.Remove(warningsOnly);
    }
});

// Every behaviour lives in the Invoicing library, registered exactly as the CLI and the tests use it.
builder.Services.AddInvoicing(builder.Configuration);

// Finance's API: callers are who App Service Authentication (Entra ID) says they are, with their app roles.
builder.Services.AddInvoicingWeb(builder.Configuration, WebIdentityMode.AppServiceAuthentication);

builder.Build().Run();
