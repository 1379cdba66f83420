using Invoicing;
using Invoicing.Composition;
using Invoicing.Functions;
using Invoicing.Web;
using Invoicing.Web.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// HTTP triggers take ASP.NET Core's HttpRequest and return IResult, so they call the same handlers as ./invoicing serve.
builder.ConfigureFunctionsWebApplication();

// Every invocation names its actor for the audit trail: the function and its invocation id.
builder.UseMiddleware<FunctionActor>();

// One identity for storage and telemetry: the user-assigned managed identity the Bicep names.
var identity = AppIdentity.From(builder.Configuration);
identity.Register(builder.Services);
builder.Services.AddInvoicingTelemetry(builder.Configuration, identity.Credential);

// Every behaviour lives in the Invoicing library, registered exactly as the CLI and the tests use it.
builder.Services.AddInvoicing(builder.Configuration);

// Finance's API: callers are who App Service Authentication (Entra ID) says they are, with their app roles.
builder.Services.AddInvoicingWeb(builder.Configuration, WebIdentityMode.AppServiceAuthentication);

return StartUp.Run(builder.Build());
