using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Site;

/// <summary>
/// The status page people see for every error (decision 622): reached by re-execution from <see cref="ErrorPages"/>
/// (an empty 4xx/5xx answer or an exception) or directly at <c>/fout/404</c>. It answers with the status it shows, so
/// a re-executed POST gets it too (no antiforgery: it changes nothing).
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public StatusView View { get; private set; } = new(404, null);

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var status = code is >= 400 and <= 599 ? code.Value : HttpContext.Response.StatusCode;
        if (status is < 400 or > 599) status = StatusCodes.Status404NotFound;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        int? minutes = null;
        if (error is TooManyAttemptsException refused)
        {
            AbuseLimits.Answer429(HttpContext, refused);
            minutes = refused.Minutes;
        }
        if (status == StatusCodes.Status503ServiceUnavailable) Response.Headers.RetryAfter = "5";
        Response.StatusCode = status;
        View = new StatusView(status, minutes);
    }
}

/// <summary>What the status page shows: the code and, for 429, the minutes to wait.</summary>
public sealed record StatusView(int Code, int? Minutes);
