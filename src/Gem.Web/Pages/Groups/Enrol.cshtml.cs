using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>Join a session or group with a first name or alias and one way to be reached; no account. Full is never a dead end.</summary>
public sealed class EnrolModel(GemDbContext db, EnrolmentService enrolments, SeatWatches watches, GroupAlternatives alternatives, TimeProvider clock, AbuseLimits limits) : PageModel
{
    public Session Session { get; private set; } = null!;
    public Offer Offer { get; private set; } = null!;
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? WatchEmail { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<Alternative>? Alternatives { get; private set; }
    public bool Watching { get; private set; }
    /// <summary>This contact already has a place in this session.</summary>
    public bool Already { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) =>
        await LoadAsync(sessionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        await limits.EnrolAsync(HttpContext, sessionId, Email, Phone, ct);
        try
        {
            var e = await enrolments.EnrolAsync(sessionId, new EnrolmentRequest(Name, Email, Phone), ct);
            return Redirect($"/groups/enrolment/{e.Token}?new=true");
        }
        catch (SessionFullException full)
        {
            Alternatives = full.Alternatives;
        }
        catch (AlreadyEnrolledException)
        {
            Already = true;
        }
        catch (ValidationException v)
        {
            Errors = new Dictionary<string, string[]>(v.Errors);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostWatchAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        await limits.SeatWatchAsync(HttpContext, WatchEmail ?? "", ct);
        try
        {
            await watches.WatchAsync(sessionId, WatchEmail ?? "", ct);
            Watching = true;
        }
        catch (ValidationException v)
        {
            Errors = new Dictionary<string, string[]>(v.Errors);
        }
        Alternatives = await alternatives.FindAsync(Offer, clock.GetUtcNow(), ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Offer).ThenInclude(o => o!.Partner).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return false;
        (Session, Offer) = (session, session.Offer!);
        return true;
    }
}
