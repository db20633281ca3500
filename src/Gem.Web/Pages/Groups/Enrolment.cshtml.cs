using Gem.Core;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Groups;

/// <summary>The person's own page for one enrolment, reached by the secret link in their mail: cancel, pause, come back.</summary>
public sealed class EnrolmentModel(EnrolmentService enrolments) : PageModel
{
    public Enrolment Enrolment { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool New { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        try
        {
            Enrolment = await enrolments.FindByTokenAsync(token, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct) => ActAsync(token, () => enrolments.CancelAsync(token, ct), ct);
    public Task<IActionResult> OnPostPauseAsync(string token, CancellationToken ct) => ActAsync(token, () => enrolments.PauseAsync(token, ct), ct);
    public Task<IActionResult> OnPostResumeAsync(string token, CancellationToken ct) => ActAsync(token, () => enrolments.ResumeAsync(token, ct), ct);

    private async Task<IActionResult> ActAsync(string token, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException e) when (e is ValidationException or ConflictException)
        {
            Enrolment = await enrolments.FindByTokenAsync(token, ct);
            Error = e.Message;
            return Page();
        }
        return Redirect($"/groups/enrolment/{token}");
    }
}
