using System.Security.Cryptography;
using Invoicing.Testing.BankFiles;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>The finance page's list of archived bank files: an uploaded file is listed once and downloads byte for byte.</summary>
public sealed partial class FinancePageTests
{
    [Fact]
    public async Task An_uploaded_bank_file_is_listed_with_its_sha256_and_its_link_downloads_it_byte_for_byte()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        const string Name = "BGMAX-arkiv.txt";

        // A payment without a reference: it waits on the unmatched list and changes no invoice of the other tests.
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("", 100, "000000000971").Information("arkivtest för bankfilslistan").Name("Arkivtest AB")
            .Deposit(TodayInSweden().Replace("-", "", StringComparison.Ordinal), "00971")
            .End()
            .ToLatin1();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bgmax));

        await page.GetByLabel("Fil från banken").SetInputFilesAsync(new FilePayload { Name = Name, MimeType = "text/plain", Buffer = bgmax });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in och bokför" }).ClickAsync();

        await Expect(page.Locator("#status-message")).ToContainTextAsync("Filen är sparad oförändrad under Inlästa bankfiler.");
        var row = page.Locator("#bank-files-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Name, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(sha256);
        await Expect(row).ToContainTextAsync("sidan eller API:t");

        var download = await page.RunAndWaitForDownloadAsync(
            () => row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Hämta bankfilen {Name}") }).ClickAsync());

        Assert.Equal(Name, download.SuggestedFilename);
        Assert.Equal(bgmax, await SaveAsync(download));
        Assert.Empty(session.ScriptErrors);
    }
}
