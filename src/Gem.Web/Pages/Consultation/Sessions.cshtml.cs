using Gem.Core.Common;
using Gem.Core.Consultation;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>The recurring case sessions with their de-identified summaries; specialists of the pool write the summary afterwards.</summary>
[Authorize(Roles = Roles.PartnerStaff + "," + Roles.Specialist + "," + Roles.Coordinator + "," + Roles.Admin)]
public sealed class SessionsModel(CaseSessions sessions, ConsultationPool pool, TimeProvider clock) : PageModel
{
    public List<CaseSession> All { get; private set; } = [];
    public bool IsSpecialist => User.IsInRole(Roles.Specialist);
    public DateTimeOffset Now => clock.GetUtcNow();
    public bool Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => All = await sessions.AllAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? summary, CancellationToken ct)
    {
        if (await pool.OfUserAsync(User.UserId(), ct) is null) return NotFound();
        try
        {
            await sessions.SummariseAsync(id, summary, ct);
        }
        catch (Exception e) when (e is ValidationException or ConflictException)
        {
            Invalid = true;
            All = await sessions.AllAsync(ct);
            return Page();
        }
        return Redirect("/consultatie/sessies");
    }
}
