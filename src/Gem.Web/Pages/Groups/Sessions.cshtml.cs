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

/// <summary>The sessions of one of the staff member's own offers: add one (local Dutch time) or remove one.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class SessionsModel(OfferEditor offers, SessionEditor editor, GemDbContext db, TimeProvider clock) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public IReadOnlyList<Session> Sessions { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public DateTime? Start { get; set; }
    [BindProperty] public DateTime? End { get; set; }
    [BindProperty] public int? Seats { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public bool IsCohortStart { get; set; }
    /// <summary>Whether the cohort-start box starts ticked (<see cref="SessionEditor.DefaultCohortStartAsync"/> for a session after every planned one).</summary>
    public bool CohortStartByDefault { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Start is null || End is null)
        {
            Errors["Start"] = ["Start and end are required."];
            return Page();
        }
        try
        {
            await editor.AddSessionAsync(User.ToActor(), id, new SessionInput(ToUtc(Start.Value), ToUtc(End.Value), Place, null, Seats, IsCohortStart), ct);
        }
        catch (ValidationException e)
        {
            Errors = new Dictionary<string, string[]>(e.Errors);
            return Page();
        }
        return Redirect($"/partner/offers/{id}/sessions");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        try
        {
            await editor.DeleteSessionAsync(User.ToActor(), sessionId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Redirect($"/partner/offers/{id}/sessions");
    }

    private static DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone), TimeSpan.Zero);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Offer = await offers.FindOwnAsync(User.ToActor(), id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        Sessions = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == id && s.Start >= now).ToListAsync(ct)).OrderBy(s => s.Start).ToList();
        CohortStartByDefault = await editor.DefaultCohortStartAsync(Offer, DateTimeOffset.MaxValue, ct);
        return true;
    }
}
