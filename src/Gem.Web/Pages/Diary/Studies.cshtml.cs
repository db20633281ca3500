using System.Text;
using Gem.Core.Diary.Research;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// Diary studies for coordinators and admins (/dashboard/dagboek-onderzoek, decision 804): every loaded study, open or
/// closed, how many take part (disclosure control), close one, download the aggregate export (CSV or JSON) and see every
/// export made (who, when, which format). Studies are loaded with <c>gem diary-study load FILE</c>.
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class StudiesModel(DiaryStudies studies) : PageModel
{
    public IReadOnlyList<StudySummary> Studies { get; private set; } = [];
    public bool Closed { get; private set; }
    public bool NotFoundError { get; private set; }

    public async Task OnGetAsync(bool closed, CancellationToken ct)
    {
        Closed = closed;
        Studies = await studies.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(string studyId, CancellationToken ct)
    {
        try
        {
            await studies.CloseAsync(studyId ?? "", ct);
            return Redirect("/dashboard/dagboek-onderzoek?closed=true");
        }
        catch (NotFoundException)
        {
            NotFoundError = true;
            Studies = await studies.ListAsync(ct);
            return Page();
        }
    }

    /// <summary>The aggregate export as a file; a POST, so that only a deliberate click makes (and logs) an export.</summary>
    public async Task<IActionResult> OnPostExportAsync(string studyId, string format, CancellationToken ct)
    {
        try
        {
            var who = User.UserId();
            var file = await studies.ExportAsync(studyId ?? "", format ?? "csv", who, User.Identity?.Name ?? who.ToString(), ct);
            return File(Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName);
        }
        catch (Exception e) when (e is NotFoundException or ValidationException)
        {
            NotFoundError = true;
            Studies = await studies.ListAsync(ct);
            return Page();
        }
    }
}
