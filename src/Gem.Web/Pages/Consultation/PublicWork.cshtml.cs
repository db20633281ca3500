using Gem.Core.Common;
using Gem.Core.Consultation;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>For specialists of the pool: answer public questions, and publish a de-identified version to the library.</summary>
[Authorize(Roles = Roles.Specialist)]
public sealed class PublicWorkModel(PublicQuestions questions) : PageModel
{
    public List<PublicQuestion> Work { get; private set; } = [];
    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Work = await questions.WorkAsync(User.UserId(), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, CancellationToken ct) => DoAsync(() => questions.AnswerAsync(User.UserId(), id, answer, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, string? question, string? answer, CancellationToken ct) => DoAsync(() => questions.PublishAsync(User.UserId(), id, question, answer, ct), ct);

    private async Task<IActionResult> DoAsync(Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is ValidationException or ConflictException)
        {
            Invalid = true;
            Work = await questions.WorkAsync(User.UserId(), ct);
            return Page();
        }
        return Redirect("/consultatie/spreekuur");
    }
}
