using Gem.Core;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>
/// The person's own page for one enrolment, reached by the secret link (mail, SMS, the confirmation, or code + contact at
/// <c>/aanmelding</c>): cancel, pause, come back; the code to keep; and when the group's staff looked up their contact details.
/// </summary>
public sealed class EnrolmentModel(EnrolmentService enrolments, GemDbContext db) : PageModel
{
    public Enrolment Enrolment { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool New { get; set; }
    public string? Error { get; private set; }
    /// <summary>When staff of the group viewed this enrolment's contact details (from the access log).</summary>
    public IReadOnlyList<AccessLogEntry> Viewed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        try
        {
            await LoadAsync(token, ct);
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

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Enrolment = await enrolments.FindByTokenAsync(token, ct);
        var subject = ParticipantContacts.SubjectOf(Enrolment);
        Viewed = await db.AccessLog.AsNoTracking().Where(x => x.SubjectUserId == subject && x.What == ParticipantContacts.What)
            .OrderByDescending(x => x.At).Take(20).ToListAsync(ct);
    }

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
            await LoadAsync(token, ct);
            Error = e is ValidationException v ? v.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message : e.Message;
            return Page();
        }
        return Redirect($"/groups/enrolment/{token}");
    }
}
