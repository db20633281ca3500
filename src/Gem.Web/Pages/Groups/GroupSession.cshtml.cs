using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>One session for its facilitators: who is coming (first name or alias), attendance afterwards, and who co-facilitates.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class GroupSessionModel(GemDbContext db, Attendances attendances) : PageModel
{
    public Session Session { get; private set; } = null!;
    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];
    public IReadOnlyList<SessionFacilitator> Facilitators { get; private set; } = [];
    [BindProperty] public Dictionary<Guid, AttendanceMark> Marks { get; set; } = [];
    [BindProperty] public string? FacilitatorName { get; set; }
    [BindProperty] public FacilitatorRoles FacilitatorRole { get; set; } = FacilitatorRoles.ExperienceExpert;
    public string? Error { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await attendances.RecordAsync(User.ToActor(), id, Marks.Select(m => new AttendanceInput(m.Key, m.Value)).ToList(), ct);
            Saved = true;
        }
        catch (ValidationException e)
        {
            Error = e.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message; // the sentence itself, translated on the page
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFacilitatorAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(FacilitatorName) || FacilitatorName.Length > 100 || !Enum.IsDefined(FacilitatorRole) || FacilitatorRole == FacilitatorRoles.None)
        {
            Error = "Name (1-100 characters) and one role are required.";
            return Page();
        }
        db.SessionFacilitators.Add(new SessionFacilitator { SessionId = id, Name = FacilitatorName.Trim(), Role = FacilitatorRole });
        await db.SaveChangesAsync(ct);
        return Redirect($"/partner/groups/sessions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Attendees = await attendances.ListAsync(User.ToActor(), id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Session = await db.Sessions.AsNoTracking().Include(s => s.Offer).SingleAsync(s => s.Id == id, ct);
        Facilitators = await db.SessionFacilitators.AsNoTracking().Where(f => f.SessionId == id).OrderBy(f => f.Name).ToListAsync(ct);
        return true;
    }
}
