using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// <c>POST /api/bank-files</c>: finance uploads the bank's file of incoming payments (camt.054 or BgMax), which is
/// archived once as it is booked; <c>GET /api/payments/files</c> lists the archived files and
/// <c>GET /api/payments/files/{id}</c> gives one back, byte for byte.
/// </summary>
public static partial class BankFileEndpoints
{
    /// <summary>A year of a scheme's payments is a few kilobytes; five mebibytes leaves room for any real file.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The multipart envelope around the file: boundaries and part headers.</summary>
    private const int EnvelopeBytes = 64 * 1024;

    public const string FormField = "file";

    /// <summary>
    /// Reads the <c>file</c> field (at most <see cref="MaxFileBytes"/>, else 413) into memory, reads it as a bank
    /// file (the format from its content; any problem is a 400 and nothing is booked or archived) and imports it
    /// (<see cref="BankFileIntake"/>), which books each entry once and archives the file once however often it comes,
    /// recording the signed-in principal as who imported it.
    /// </summary>
    public static async Task<Results<Ok<ImportReportView>, ProblemHttpResult>> ImportAsync(
        HttpRequest request,
        BankFileIntake intake,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!request.HasFormContentType)
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Skicka ett formulär.", $"Skicka bankfilen som multipart/form-data i fältet '{FormField}'.");
        }

        if (!RequestBodyLimit.TryApply(request, MaxFileBytes + EnvelopeBytes))
        {
            return TooLarge();
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile(FormField);
        }
        catch (RequestTooLargeException)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            // The framework's reason is English and about multipart boundaries; what to send is the useful part.
            return ApiProblems.BadRequest($"Formuläret gick inte att läsa; skicka bankfilen som multipart/form-data i fältet '{FormField}'.");
        }

        if (file is null || file.Length == 0)
        {
            return ApiProblems.BadRequest($"Ingen fil: skicka bankfilen i formulärfältet '{FormField}'.");
        }

        if (file.Length > MaxFileBytes)
        {
            return TooLarge();
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var name = SourceName(file.FileName);
        var user = MeEndpoints.NameOf(request.HttpContext.User);
        ImportedBankFile imported;
        try
        {
            imported = await intake.ImportAsync(BankFileContent.FromBytes(name, content), new BankFileOrigin(BankFileEntrance.Api, user), cancellationToken);
        }
        catch (Exception e) when (e is BankFileException or InvalidPaymentException)
        {
            return ApiProblems.BadRequest($"Inget bokfördes: {((ISwedishMessage)e).SwedishMessage}");
        }

        var logger = loggers.CreateLogger(typeof(BankFileEndpoints).FullName!);
        LogImported(logger, name, user, imported.Report.Booked, imported.Report.Unmatched, imported.Report.NotOurs);
        return TypedResults.Ok(ImportReportView.From(imported));
    }

    /// <summary><c>GET /api/payments/files</c>: every archived bank file, the latest first import first.</summary>
    public static async Task<Ok<BankFileView[]>> ListAsync(BankFileArchive archive, CancellationToken cancellationToken) =>
        TypedResults.Ok((await archive.ListAsync(cancellationToken)).Select(BankFileView.From).ToArray());

    /// <summary>
    /// <c>GET /api/payments/files/{id}</c>: the archived file byte for byte, as its format's content type and under the
    /// name it first came with. 400 when <paramref name="id"/> is not a SHA-256 in lower-case hex, 404 when no file
    /// with it was imported. The bytes are checked against the recorded SHA-256 as they go out; a file that does not
    /// match is cut short (the response fails) rather than delivered whole.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string id,
        BankFileArchive archive,
        CancellationToken cancellationToken)
    {
        if (!ArchivedBankFile.IsId(id))
        {
            return ApiProblems.BadRequest($"'{YearRoute.Shorten(id)}' är inget id för en bankfil: dess SHA-256, 64 hexadecimala siffror med små bokstäver, som GET /api/payments/files listar dem.");
        }

        var file = await archive.FindAsync(id, cancellationToken);
        if (file is null)
        {
            return ApiProblems.NotFound($"Det finns ingen arkiverad bankfil {id}.");
        }

        return TypedResults.Stream(body => archive.CopyToAsync(file, body, cancellationToken), file.ContentType, file.FileName);
    }

    /// <summary>
    /// The name the payments keep as their source: the uploaded file's own name without any folder, limited to
    /// characters that read well in a list, since it comes from the caller.
    /// </summary>
    internal static string SourceName(string? fileName)
    {
        var name = new string(Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').ToArray()).Trim();
        if (name.Length > 100)
        {
            name = name[..100];
        }

        return name.Trim('.').Length == 0 ? "uploaded-bank-file" : name;
    }

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "Filen är för stor.", $"En bankfil får vara högst {MaxFileBytes / (1024 * 1024)} MiB.");

    [LoggerMessage(EventId = 4101, EventName = "BankFileUploaded", Level = LogLevel.Information,
        Message = "Bank file {Source} uploaded on the page by {User}: {Booked} booked, {Unmatched} unmatched, {NotOurs} not ours")]
    private static partial void LogImported(ILogger logger, string source, string user, int booked, int unmatched, int notOurs);
}
