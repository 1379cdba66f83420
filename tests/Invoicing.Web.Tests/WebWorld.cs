using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Invoicing.Budgets;
using Invoicing.Composition;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Invoicing.Web.Tests;

/// <summary>
/// The web host exactly as <c>serve</c> builds it (<c>AddInvoicing</c>, <c>AddInvoicingWeb</c>, <c>UseInvoicingWeb</c>)
/// on a test server, over Azurite under a fresh name prefix, with a fake clock and API keys for a reader, finance and two members. With
/// <c>issue</c>, the bundled 2026 budget is seeded, approved and invoiced on 2026-01-20 (due 2026-02-19), and
/// the clock then stands at <see cref="Today"/> (or the day given).
/// </summary>
public sealed class WebWorld : IAsyncDisposable
{
    public const string ReaderKey = "reader-key-for-the-web-tests-0001";
    public const string FinanceKey = "finance-key-for-the-web-tests-0002";

    /// <summary>A second finance user's key, "Filip Finans", present only with <see cref="FourEyesOn"/>.</summary>
    public const string SecondFinanceKey = "finance-key-for-the-web-tests-0003";

    /// <summary>Four eyes on, as in Azure, and a second finance user to confirm what "Eva Ekonom" proposes.</summary>
    public static readonly Dictionary<string, string?> FourEyesOn = new()
    {
        ["Invoicing:FourEyes:Enabled"] = "true",
        ["Invoicing:Web:ApiKeys:2:Name"] = "Filip Finans",
        ["Invoicing:Web:ApiKeys:2:Key"] = SecondFinanceKey,
        ["Invoicing:Web:ApiKeys:2:Role"] = Identity.InvoicingRoles.Finance,
    };

    /// <summary>Håbo kommun's member key: sees party 0305 only (<see cref="InvoicingRoles.Member"/>).</summary>
    public const string MemberKey = "member-key-for-the-web-tests-0305";

    /// <summary>Älvkarleby kommun's member key: the other member, whose invoices Håbo must not see.</summary>
    public const string OtherMemberKey = "member-key-for-the-web-tests-0319";

    public const string MemberParty = "0305";

    public const string OtherMemberParty = "0319";

    public const string Scheme = "region-mitt-pom";

    public static readonly DateTimeOffset RunTime = new(2026, 1, 20, 5, 0, 0, TimeSpan.Zero);

    /// <summary>After every due date of the run (2026-02-19), so unpaid invoices are overdue.</summary>
    public static readonly DateTimeOffset Today = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private WebWorld(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public static Dictionary<string, string?> ApiKeySettings() => new()
    {
        ["Invoicing:Web:ApiKeys:0:Name"] = "Rut Läsare",
        ["Invoicing:Web:ApiKeys:0:Key"] = ReaderKey,
        ["Invoicing:Web:ApiKeys:0:Role"] = InvoicingRoles.Reader,
        ["Invoicing:Web:ApiKeys:1:Name"] = "Eva Ekonom",
        ["Invoicing:Web:ApiKeys:1:Key"] = FinanceKey,
        ["Invoicing:Web:ApiKeys:1:Role"] = InvoicingRoles.Finance,

        // Members after index 2, which FourEyesOn gives a second finance user.
        ["Invoicing:Web:ApiKeys:3:Name"] = "Håbo kommun",
        ["Invoicing:Web:ApiKeys:3:Key"] = MemberKey,
        ["Invoicing:Web:ApiKeys:3:Role"] = InvoicingRoles.Member,
        ["Invoicing:Web:ApiKeys:3:Party"] = MemberParty,
        ["Invoicing:Web:ApiKeys:4:Name"] = "Älvkarleby kommun",
        ["Invoicing:Web:ApiKeys:4:Key"] = OtherMemberKey,
        ["Invoicing:Web:ApiKeys:4:Role"] = InvoicingRoles.Member,
        ["Invoicing:Web:ApiKeys:4:Party"] = OtherMemberParty,
    };

    public static async Task<WebWorld> StartAsync(string connectionString, WebIdentityMode identity, bool issue, IDictionary<string, string?>? settings = null, DateTimeOffset? today = null)
    {
        var time = new FakeTimeProvider(RunTime);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(TestServices.ExampleIssuer());
        builder.Configuration.AddInMemoryCollection(ApiKeySettings());

        // The storage as serve configures it (validated when the host starts); the clients below use its prefix.
        builder.Configuration.AddInMemoryCollection([new("Invoicing:Storage:ConnectionString", connectionString)]);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddInvoicing(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new InvoicingStorage(
            new TableServiceClient(connectionString), new BlobServiceClient(connectionString), AzuriteFixture.NewPrefix()));
        builder.Services.AddInvoicingWeb(builder.Configuration, identity);

        var app = builder.Build();
        app.UseInvoicingWeb();
        await app.StartAsync();
        var world = new WebWorld(app, time);
        if (issue)
        {
            await world.IssueBundledYearAsync();
        }

        time.SetUtcNow(today ?? Today);
        return world;
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A client without any identity.</summary>
    public HttpClient Anonymous() => App.GetTestClient();

    public HttpClient Reader() => WithKey(ReaderKey);

    public HttpClient Finance() => WithKey(FinanceKey);

    /// <summary>Håbo kommun (0305) as a member.</summary>
    public HttpClient Member() => WithKey(MemberKey);

    public HttpClient WithKey(string key)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    public async Task<IReadOnlyList<Invoice>> InvoicesAsync() => await Get<InvoiceStore>().ListInvoicesAsync(new SchemeId(Scheme), 2026, CancellationToken.None);

    /// <summary>The year's documents, credit notes too.</summary>
    public async Task<IReadOnlyList<IssuedDocument>> DocumentsAsync() => await Get<InvoiceStore>().ListAsync(new SchemeId(Scheme), 2026, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task IssueBundledYearAsync()
    {
        // As in Azure: the annual timer issues the year.
        using var actor = Audit.Actor.Acting(Audit.Actor.Function(Audit.ActorChannel.Timer, "IssueAnnualInvoices", "web-tests"));
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        await Get<DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        await Get<BudgetApproval>().ApproveAsync(
            dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM 2025-12-15"), CancellationToken.None);
        (await Get<AnnualInvoicingRun>().RunAsync(null, CancellationToken.None)).EnsureSucceeded();
    }
}
