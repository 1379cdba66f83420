using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Invoicing.Web.Endpoints;

/// <summary><c>POST /api/bank-files</c>: finance uploads the bank's file of incoming payments (camt.054 or BgMax).</summary>
public static partial class BankFileEndpoints
{
    /// <summary>A year of a scheme's payments is a few kilobytes; five mebibytes leaves room for any real file.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The multipart envelope around the file: boundaries and part headers.</summary>
    private const int EnvelopeBytes = 64 * 1024;

    public const string FormField = "file";

    /// <summary>
    /// Reads the <c>file</c> field (at most <see cref="MaxFileBytes"/>, else 413) into memory, reads it as a bank
    /// file (the format from its content; any problem is a 400 and nothing is booked) and imports it, which books
    /// each entry once however often the file comes.
    /// </summary>
    public static async Task<Results<Ok<ImportReportView>, ProblemHttpResult>> ImportAsync(
        HttpRequest request,
        PaymentImport import,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!request.HasFormContentType)
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send a form.", $"Send the bank file as multipart/form-data in the field '{FormField}'.");
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
        catch (InvalidDataException e)
        {
            return ApiProblems.BadRequest($"The form could not be read: {e.Message}");
        }

        if (file is null || file.Length == 0)
        {
            return ApiProblems.BadRequest($"No file: send the bank file in the form field '{FormField}'.");
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
        ImportReport report;
        try
        {
            report = await import.ImportAsync(BankFileReader.Read(name, content), cancellationToken);
        }
        catch (Exception e) when (e is BankFileException or InvalidPaymentException)
        {
            return ApiProblems.BadRequest($"Nothing was booked: {e.Message}");
        }

        var logger = loggers.CreateLogger(typeof(BankFileEndpoints).FullName!);
        LogImported(logger, name, request.HttpContext.User.Identity?.Name ?? "", report.Booked, report.Unmatched);
        return TypedResults.Ok(ImportReportView.From(report));
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
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "The file is too large.", $"A bank file is at most {MaxFileBytes / (1024 * 1024)} MiB.");

    [LoggerMessage(EventId = 4101, EventName = "BankFileUploaded", Level = LogLevel.Information,
        Message = "Bank file {Source} uploaded on the page by {User}: {Booked} booked, {Unmatched} unmatched")]
    private static partial void LogImported(ILogger logger, string source, string user, int booked, int unmatched);
}
