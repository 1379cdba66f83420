using System.CommandLine;
using Invoicing.Budgets;
using Invoicing.Composition;
using Invoicing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.Cli;

/// <summary>
/// The services a command runs on: the same registrations as the Functions app, configured from
/// appsettings.json beside the CLI, an optional settings file (<c>INVOICING_SETTINGS</c>), environment
/// variables (<c>Invoicing__Issuer__Bankgiro</c> …) and the command line.
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        await AddAsync(services, BuildConfiguration(), parse, cancellationToken);
        var provider = services.BuildServiceProvider();

        // What ValidateOnStart does in a hosted app (Functions, serve): a misconfigured CLI refuses every command.
        try
        {
            provider.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return provider;
    }

    /// <summary>The CLI's configuration: appsettings.json, <c>INVOICING_SETTINGS</c>, environment variables.</summary>
    public static IConfigurationRoot BuildConfiguration()
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false);
        if (Environment.GetEnvironmentVariable("INVOICING_SETTINGS") is { Length: > 0 } settingsFile)
        {
            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    /// <summary>
    /// Registers the product's services on <paramref name="services"/> from <paramref name="configuration"/> and the
    /// command line (starting the local Azurite when the storage is the development one): the commands' own
    /// container and the web host of <c>serve</c> are built the same way.
    /// </summary>
    public static async Task AddAsync(IServiceCollection services, IConfiguration configuration, ParseResult parse, CancellationToken cancellationToken)
    {
        var storageInput = parse.GetValue(CliOptions.Storage) ?? Environment.GetEnvironmentVariable("INVOICING_STORAGE");

        // An empty value is a mistake (an unset shell variable, a quoting slip), never a wish for the local emulator:
        // taken as "the default", a command meant for the production account would quietly run against Azurite.
        if (storageInput is not null && string.IsNullOrWhiteSpace(storageInput))
        {
            throw new CliException(parse.GetResult(CliOptions.Storage) is not null
                ? "--storage is empty: give a storage connection string or an https:// account URL, or leave the option out for the local Azurite."
                : "INVOICING_STORAGE is set but empty: give a storage connection string or an https:// account URL, or unset it for the local Azurite.");
        }

        var storage = StorageOptions.FromUserInput(storageInput ?? configuration[$"{StorageOptions.Section}:ConnectionString"]);
        storage.NamePrefix = configuration[$"{StorageOptions.Section}:NamePrefix"] ?? "";
        if (storage.ConnectionString is { } connectionString && connectionString != StorageOptions.DevelopmentStorage)
        {
            try
            {
                _ = new Azure.Data.Tables.TableServiceClient(connectionString);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                throw new CliException($"--storage (or INVOICING_STORAGE) is neither a storage connection string nor an https:// account URL: {e.Message}");
            }
        }
        if (storage.ConnectionString == StorageOptions.DevelopmentStorage)
        {
            await LocalAzurite.EnsureRunningAsync(Console.Error, cancellationToken);
        }

        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter(level => parse.GetValue(CliOptions.Verbose) || level >= LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddInvoicing(configuration);
        services.PostConfigure<StorageOptions>(o =>
        {
            o.ConnectionString = storage.ConnectionString;
            o.TableServiceUri = storage.TableServiceUri;
            o.BlobServiceUri = storage.BlobServiceUri;
            o.NamePrefix = storage.NamePrefix;
        });
        services.AddSingleton(new CliSettings(
            new SchemeId(parse.GetValue(CliOptions.Scheme) ?? configuration["Invoicing:DefaultScheme"] ?? "region-mitt-pom"),
            parse.GetValue(CliOptions.Scheme) is not null));
    }
}

/// <summary>Settings that only the CLI has.</summary>
/// <param name="SchemeGiven">Whether the user named the scheme with <c>--scheme</c>.</param>
internal sealed record CliSettings(SchemeId Scheme, bool SchemeGiven = false)
{
    /// <summary>
    /// <c> --scheme ID</c> when the user gave one, for the next command a hint suggests: without it, the suggested
    /// command would act on the default scheme instead.
    /// </summary>
    public string SchemeOption => SchemeGiven ? $" --scheme {Scheme}" : "";
}
