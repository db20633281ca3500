using Gem.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Hosting;

/// <summary>
/// Maps domain errors to ProblemDetails: validation 400, forbidden 403, not found 404, conflict 409, too many 429 (with
/// Retry-After), database unreachable 503; titles in Dutch and English. Only for machines (<see cref="ErrorPages.IsMachineRequest"/>):
/// a person's request is left to the status page, with the status from <see cref="StatusOf"/>.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>
    /// The database is down, restarting or unreachable (a transient provider error anywhere in the chain): answer 503 at
    /// once instead of 500; the connection pool reconnects by itself when the database is back.
    /// </summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException
                || (e is Npgsql.NpgsqlException and not Npgsql.PostgresException) // connection level: refused, reset, timed out
                || e is Npgsql.PostgresException { SqlState: ['5', '7', 'P', ..] or ['0', '8', ..] }) // shutting down, starting up, connection lost
                return true;
        return false;
    }

    /// <summary>The status an exception answers, or null for an unexpected one (500).</summary>
    public static int? StatusOf(Exception exception) => Map(exception)?.Status;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!ErrorPages.IsMachineRequest(context)) return false;
        var details = Map(exception) ?? new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ErrorPages.Title(500) };
        context.Response.StatusCode = details.Status!.Value;
        if (exception is TooManyAttemptsException refused) AbuseLimits.Answer429(context, refused);
        if (exception is TooManyRequestsException tooMany)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (details.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception })) return true;
        // A program that asked for something other than JSON still gets the documented problem, never the people's page.
        await ErrorPages.WriteProblemJsonAsync(context, details, ct);
        return true;
    }

    private static ProblemDetails? Map(Exception exception)
    {
        ProblemDetails? details = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors) { Status = StatusCodes.Status400BadRequest, Title = ErrorPages.Title(400) },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = ErrorPages.Title(404), Detail = exception.Message },
            ForbiddenException => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = ErrorPages.Title(403), Detail = exception.Message },
            Gem.Core.Groups.HasEnrolmentsException h => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Er zijn mensen aangemeld / People are enrolled", Detail = h.Message,
                Extensions = { ["enrolments"] = h.Enrolments, ["coming"] = h.Coming, ["action"] = h.Action },
            },
            ConflictException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = ErrorPages.Title(409), Detail = exception.Message },
            TooManyAttemptsException t => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests, Title = ErrorPages.Title(429),
                Detail = $"Te veel verzoeken. Probeer het over {t.Minutes} minuten opnieuw. / Too many requests. Try again in {t.Minutes} minutes.",
            },
            TooManyRequestsException => new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = ErrorPages.Title(429), Detail = exception.Message },
            _ when DatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = ErrorPages.Title(503),
                Detail = "De database is even niet bereikbaar; probeer het zo opnieuw. / The database cannot be reached right now; try again in a moment.",
            },
            Microsoft.AspNetCore.Http.BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = ErrorPages.Title(b.StatusCode), Detail = b.Message },
            _ => null,
        };
        return details;
    }
}
