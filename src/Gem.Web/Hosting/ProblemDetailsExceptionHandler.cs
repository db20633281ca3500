using Gem.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Hosting;

/// <summary>Maps domain errors to ProblemDetails: validation 400, forbidden 403, not found 404, conflict 409.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? details = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors) { Status = StatusCodes.Status400BadRequest, Title = "Invalid input" },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = exception.Message },
            ForbiddenException => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = exception.Message },
            Gem.Core.Groups.HasEnrolmentsException h => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "People are enrolled", Detail = h.Message,
                Extensions = { ["enrolments"] = h.Enrolments, ["coming"] = h.Coming, ["action"] = h.Action },
            },
            ConflictException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = exception.Message },
            Microsoft.AspNetCore.Http.BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Detail = b.Message },
            _ => null,
        };
        if (details is null) return false;
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
