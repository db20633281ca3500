using Gem.Core.Atlas.Import;

namespace Gem.Web.Atlas;

/// <summary>
/// A file over the import limit never reaches the form reader (which would answer a bare 400/413): a POST to the
/// import page whose body is larger than the limit is sent back to the page, which says in words how large a file
/// may be. The request-size limit on the page still stops a body without a length.
/// </summary>
public static class ImportUploadLimit
{
    public const string Path = "/partner/import";
    /// <summary>The file plus room for the form's other fields and the multipart framing.</summary>
    public const long MaxRequestBytes = OfferImporter.MaxBytes + 64 * 1024;

    public static void UseImportUploadLimit(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
                && request.ContentLength > MaxRequestBytes)
            {
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = Path + "?tooLarge=true";
                return;
            }
            await next(context);
        });
}
