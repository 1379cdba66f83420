using System.CommandLine;
using System.Net;
using Invoicing.Web;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>./invoicing serve</c>: finance's page and API on this machine, over the same services as every other
/// command. It never runs without a way to tell callers apart: API keys (<c>Invoicing:Web:ApiKeys</c>) or an
/// explicitly requested development identity, which is refused on anything but loopback.
/// </summary>
internal static class ServeCommand
{
    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated. Default: {DefaultUrl} (this machine only).",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var devRole = new Option<string?>("--dev-role")
        {
            Description = $"Give EVERY request this role without a key ({InvoicingRoles.Finance} or {InvoicingRoles.Reader}); loopback only, for development.",
        };
        devRole.AcceptOnlyFromAmong(InvoicingRoles.Finance, InvoicingRoles.Reader);
        var command = new Command("serve", "Serve the finance page and API (docs/api.md) until stopped with Ctrl+C.") { urls, devRole };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await ServeAsync(parse, parse.GetValue(urls)!, parse.GetValue(devRole), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return await CliAction.ReportAsync(e, parse.GetValue(CliOptions.Verbose));
            }
        });
        return command;
    }

    private static async Task<int> ServeAsync(ParseResult parse, string urls, string? devRole, CancellationToken cancellationToken)
    {
        var addresses = ParseUrls(urls);
        var configuration = CliServices.BuildConfiguration();
        var mode = devRole is null ? WebIdentityMode.ApiKeys : WebIdentityMode.DevelopmentIdentity;
        var web = configuration.GetSection(InvoicingWebOptions.Section).Get<InvoicingWebOptions>() ?? new InvoicingWebOptions();
        web.DevelopmentRole = devRole;
        if (web.Problems(mode) is { Count: > 0 } problems)
        {
            throw new CliException(
                "serve needs a way to tell callers apart, and refuses to start without one: " + string.Join(" ", problems) +
                $" Or pass --dev-role {InvoicingRoles.Finance} (this machine only).");
        }

        if (mode == WebIdentityMode.DevelopmentIdentity && addresses.FirstOrDefault(a => !IsLoopback(a)) is { } exposed)
        {
            throw new CliException($"--dev-role gives every caller the role {devRole}; it is refused on {exposed}, which is not loopback.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

        // One configuration for the web host and the commands: the CLI's sources, and nothing of the web defaults.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);

        // After the sources are replaced: the listening addresses are themselves a configuration value.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. addresses.Select(a => a.ToString())]);
        if (devRole is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{InvoicingWebOptions.Section}:{nameof(InvoicingWebOptions.DevelopmentRole)}", devRole)]);
        }

        await CliServices.AddAsync(builder.Services, builder.Configuration, parse, cancellationToken);
        builder.Services.AddInvoicingWeb(builder.Configuration, mode);

        await using var app = builder.Build();
        if (addresses.All(IsLoopback))
        {
            app.UseLoopbackHostsOnly();
        }

        app.UseInvoicingWeb();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen on {urls}: {e.Message}");
        }

        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in listening)
        {
            Console.Out.WriteLine($"Invoicing finance page: {address.TrimEnd('/')}/");
        }

        if (mode == WebIdentityMode.DevelopmentIdentity)
        {
            Console.Error.WriteLine($"WARNING: development identity. EVERY request to this server has the role {devRole}, without any key. Use it on your own machine only.");
        }
        else
        {
            Console.Out.WriteLine($"Authenticate with an API key ({string.Join(", ", web.ApiKeys.Select(k => $"{k.Name}: {k.Role}"))}): the page asks for it; other clients send the header {ApiKeyAuthenticationHandler.HeaderName}.");
            if (addresses.Any(a => a.Scheme == Uri.UriSchemeHttp && !IsLoopback(a)))
            {
                Console.Error.WriteLine("WARNING: listening beyond this machine over plain http: API keys cross the network unencrypted.");
            }
        }

        Console.Out.WriteLine("Stop with Ctrl+C.");
        await app.WaitForShutdownAsync(cancellationToken);
        return CliAction.Ok;
    }

    private static Uri[] ParseUrls(string urls)
    {
        var parsed = new List<Uri>();
        foreach (var text in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.AbsolutePath != "/")
            {
                throw new CliException($"--urls: '{text}' is not an http:// or https:// address with a host and port, e.g. {DefaultUrl}.");
            }

            parsed.Add(uri);
        }

        return parsed.Count > 0 ? [.. parsed] : throw new CliException($"--urls is empty; e.g. {DefaultUrl}.");
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
