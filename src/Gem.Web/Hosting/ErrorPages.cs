using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Hosting;

/// <summary>
/// One answer for every error and status code (decision 622): people get the Dutch (or English) status page with the
/// site's navigation and the crisis bar (<c>/fout/{code}</c>, <c>Pages/Site/Status</c>); machines (<c>/api</c>,
/// <c>/fhir</c>, <c>/openapi</c>, or a request that accepts JSON and not HTML) get ProblemDetails with a Dutch/English title.
/// Covers unknown addresses, empty status answers (404, 403, 405 …) and exceptions (domain errors and 500).
/// </summary>
public static class ErrorPages
{
    public const string Path = "/fout";

    /// <summary>A request from a program rather than a person's browser.</summary>
    public static bool IsMachineRequest(HttpContext http)
    {
        // While an exception is handled the request path is already the handling path (/fout): judge by the original one.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/calendar")) return true;
        var accept = http.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Dutch/English title of a status code, for ProblemDetails.</summary>
    public static string Title(int status) => status switch
    {
        400 => "Dit verzoek klopt niet / Bad request",
        401 => "Niet ingelogd / Not signed in",
        403 => "Geen toegang / Forbidden",
        404 => "Niet gevonden / Not found",
        405 => "Deze methode kan hier niet / Method not allowed",
        409 => "Conflict met de huidige toestand / Conflict",
        413 => "Te groot / Too large",
        415 => "Dit formaat kan niet / Unsupported media type",
        429 => "Te vaak geprobeerd / Too many attempts",
        503 => "Even niet bereikbaar / Service unavailable",
        >= 500 => "Er ging iets mis / Something went wrong",
        _ => "Fout / Error",
    };

    /// <summary>Replaces UseExceptionHandler and UseStatusCodePages: machines get ProblemDetails, people the status page.</summary>
    public static void UseGemErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Reached only when ProblemDetailsExceptionHandler leaves the exception to the page (a person's request).
            ExceptionHandlingPath = Path,
            StatusCodeSelector = e => ProblemDetailsExceptionHandler.StatusOf(e) ?? StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(IsMachineRequest, machine => machine.UseStatusCodePages(WriteProblemAsync));
        app.UseWhen(http => !IsMachineRequest(http), people => people.UseStatusCodePagesWithReExecute(Path + "/{0}"));
    }

    private static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var status = http.Response.StatusCode;
        var details = new ProblemDetails { Status = status, Title = Title(status) };
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details }))
            await WriteProblemJsonAsync(http, details, http.RequestAborted);
    }

    /// <summary>Writes ProblemDetails as application/problem+json whatever the request's Accept header asked for.</summary>
    public static Task WriteProblemJsonAsync(HttpContext http, ProblemDetails details, CancellationToken ct) =>
        http.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
}
