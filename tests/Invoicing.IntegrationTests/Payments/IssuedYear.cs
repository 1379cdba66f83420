using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>The bundled 2026 budget invoiced, with the clock in March when payments arrive; what the payment tests start from.</summary>
internal static class IssuedYear
{
    public static async Task<InvoicingScenario> IssuedAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var scenario = new InvoicingScenario(azurite, settings);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero));
        return scenario;
    }

    public static async Task<ImportReport> ImportAsync(InvoicingScenario scenario, string name, byte[] content) =>
        await scenario.Get<PaymentImport>().ImportAsync(BankFileReader.Read(name, content), CancellationToken.None);

    /// <summary>The year's invoices by debtor code.</summary>
    public static async Task<Dictionary<string, Invoice>> InvoicesAsync(InvoicingScenario scenario) =>
        (await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).ToDictionary(i => i.DebtorCode.Value);

    /// <summary>Each debtor's OCR reference.</summary>
    public static async Task<Dictionary<string, string>> OcrsAsync(InvoicingScenario scenario) =>
        (await InvoicesAsync(scenario)).ToDictionary(p => p.Key, p => p.Value.Ocr.Value);
}
