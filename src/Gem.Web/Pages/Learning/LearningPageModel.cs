using System.Globalization;
using Gem.Core.Dashboard;
using Gem.Core.Learning;
using Gem.Web.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Learning;

/// <summary>What the learning pages share: running a rule and turning its answer into the page's (403, 404, or a readable message), and writing figures.</summary>
public abstract class LearningPageModel : PageModel
{
    /// <summary>The rule's message when a form was refused (validation or conflict); the page shows it.</summary>
    public string? Error { get; protected set; }

    public LearningActor? Me => User.Identity?.IsAuthenticated == true ? User.Actor() : null;

    /// <summary>Runs <paramref name="action"/>; on success redirects to <paramref name="then"/>, otherwise answers 403/404 or shows the page with the message.</summary>
    protected async Task<IActionResult> RunAsync(Func<Task> action, string then, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reload);
        try
        {
            await action();
            return Redirect(then);
        }
        catch (ForbiddenException)
        {
            return Refused();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            Error = string.Join(" ", e.Errors.SelectMany(x => x.Value));
        }
        catch (ConflictException e)
        {
            Error = e.Message;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await reload();
        return Page();
    }

    /// <summary>403: signed in, but this rule does not let this account do it (not a redirect to the sign-in page).</summary>
    protected IActionResult Refused() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>A measure's figure as the page writes it: "&lt; 10" when suppressed, a share as a percentage, a mean without its interval.</summary>
    public static string Format(Figure f) => f.Kind switch
    {
        FigureKind.Share => (f.Value * 100).ToString("0", CultureInfo.CurrentCulture) + "%",
        FigureKind.Mean or FigureKind.Plain or FigureKind.Count => f.Value.ToString("0.##", CultureInfo.CurrentCulture),
        _ => f.ToString(),
    };

    public static string Period(DateOnly from, PointInterval interval) =>
        interval == PointInterval.Month ? from.ToString("MMM yyyy", CultureInfo.CurrentCulture) : from.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
