using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Populations;
using Invoicing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Invoicing.Composition;

public static class InvoicingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the product's services for any host (Functions, CLI, tests). The Azure clients are
    /// singletons created once from <see cref="StorageOptions"/>: a connection string locally, the service
    /// URIs in Azure with the host's <see cref="TokenCredential"/> (the Functions app registers its user-assigned
    /// managed identity; without one, <see cref="DefaultAzureCredential"/> serves a person's <c>az login</c>).
    /// The storage and issuer settings are validated when the host starts (<see cref="InvoicingSettingsValidation"/>),
    /// so a misconfigured app refuses to start instead of failing at its first timer.
    /// </summary>
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddOptions<IssuerOptions>().Bind(configuration.GetSection(IssuerOptions.Section)).ValidateOnStart();
        services.AddOptions<List<SchemeOptions>>().Bind(configuration.GetSection(SchemeOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, InvoicingSettingsValidation.Storage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IssuerOptions>, InvoicingSettingsValidation.DefaultIssuer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<List<SchemeOptions>>, InvoicingSettingsValidation.SchemeIssuers>());
        services.AddOptions<Digests.FinanceDigestOptions>().Bind(configuration.GetSection(Digests.FinanceDigestOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Digests.FinanceDigestOptions>, InvoicingSettingsValidation.FinanceDigest>());
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.Configure<Mail.SmtpOptions>(configuration.GetSection(Mail.SmtpOptions.Section));
        services.Configure<Reminders.ReminderOptions>(configuration.GetSection(Reminders.ReminderOptions.Section));
        services.Configure<BatchingOptions>(configuration.GetSection(BatchingOptions.Section));
        services.Configure<Approvals.FourEyesOptions>(configuration.GetSection(Approvals.FourEyesOptions.Section));
        services.Configure<Accounting.SieOptions>(configuration.GetSection(Accounting.SieOptions.Section));
        services.Configure<Populations.Scb.ScbOptions>(configuration.GetSection(Populations.Scb.ScbOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => CreateStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp));
        services.AddSingleton<PartyStore>();
        services.AddSingleton<PopulationStore>();
        services.AddSingleton<BudgetStore>();
        services.AddSingleton<Agreements.AgreementStore>();
        services.AddSingleton<IssuerDirectory>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<PaymentHistory>();
        services.AddSingleton<InvoiceArchive>();
        services.AddSingleton<EInvoices.EInvoiceOutbox>();
        services.AddSingleton<InvoiceNumberSeries>();
        services.AddSingleton<InvoicePdfRenderer>();
        services.AddSingleton<InvoicePlanner>();
        services.AddSingleton<InvoiceIssuing>();
        services.AddSingleton<InvoiceFinder>();
        services.AddSingleton<InvoiceVoiding>();
        services.AddSingleton<Periods.AccountingPeriods>();
        services.AddSingleton<Payments.PaymentLedger>();
        services.AddSingleton<Payments.SuspenseList>();
        services.AddSingleton<Approvals.ChangeProposals>();
        services.AddSingleton<Payments.PaymentImport>();
        services.AddSingleton<Payments.BankFileArchive>();
        services.AddSingleton<Payments.BankFileIntake>();
        services.AddSingleton<Payments.BankFileInbox>();
        services.AddSingleton<Mail.SmtpMailSender>();
        services.AddSingleton<Mail.Outbox>();
        services.AddSingleton<Reminders.ReminderRun>();
        services.AddSingleton<Digests.FinanceDigestRun>();
        services.AddSingleton<ReminderHistory>();
        services.AddSingleton<Reports.Statements>();
        services.AddSingleton<Reports.StatementPdfRenderer>();
        services.AddSingleton<Reminders.StatementMail>();
        services.AddSingleton<AnnualInvoicingRun>();
        services.AddSingleton<BudgetApproval>();
        services.AddSingleton<BudgetRevisions>();
        services.AddSingleton<BudgetPreparation>();
        services.AddSingleton<Dataset.DatasetSeeder>();
        services.AddSingleton<Accounting.SieExport>();
        services.AddSingleton<Populations.Scb.ScbClient>();
        services.AddSingleton<Populations.Scb.PopulationImport>();
        services.AddSingleton<Backup.StoreBackup>();
        services.AddSingleton<Backup.StoreRestore>();
        services.AddSingleton<Backup.NightlyBackup>();
        services.AddSingleton<Documents.BudgetReport.BudgetReportRenderer>();
        return services;
    }

    private static InvoicingStorage CreateStorage(StorageOptions options, IServiceProvider services)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new InvoicingStorage(
                new TableServiceClient(options.ConnectionString),
                new BlobServiceClient(options.ConnectionString),
                options.NamePrefix);
        }

        if (options.TableServiceUri is null || options.BlobServiceUri is null)
        {
            throw new InvalidOperationException(StorageOptions.Incomplete);
        }

        var credential = services.GetRequiredService<TokenCredential>();
        return new InvoicingStorage(
            new TableServiceClient(options.TableServiceUri, credential),
            new BlobServiceClient(options.BlobServiceUri, credential),
            options.NamePrefix);
    }
}
