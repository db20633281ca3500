using Gem.Core;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>The confirmation after enrolling: what, when, where, and how the group will reach you.</summary>
public sealed class EnrolledModel(EnrolmentService enrolments) : PageModel
{
    public Enrolment Enrolment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        try
        {
            Enrolment = await enrolments.FindByTokenAsync(token, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
