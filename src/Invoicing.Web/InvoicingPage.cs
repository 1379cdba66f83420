using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Invoicing.Web;

/// <summary>
/// The finance page and the member municipalities' page (<c>/medlem</c>): the files of <c>wwwroot/</c>, embedded in this assembly with their manifest, so the
/// Functions app and <c>serve</c> serve the same bytes and nothing is read from disk.
/// </summary>
public static class InvoicingPage
{
    public static IFileProvider Files { get; } = new ManifestEmbeddedFileProvider(typeof(InvoicingPage).Assembly, "wwwroot");

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Pages with an address of their own, without <c>.html</c>: the member municipalities' page is <c>/medlem</c>.</summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal) { ["medlem"] = "medlem.html" };

    /// <summary>The file at <paramref name="path"/> (the page itself for <c>/</c> and folders) with its content type; null when there is none.</summary>
    public static (IFileInfo File, string ContentType)? Find(string? path)
    {
        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : Pages.GetValueOrDefault(path, path);
        var file = Files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        return (file, ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream");
    }
}
