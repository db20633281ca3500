using Gem.Core.Data;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Learning;

/// <summary>The region's change workshops (signed-in partners, members, coordinators); the coordinator creates one per GEM challenge.</summary>
[Authorize]
public sealed class WorkshopsModel(Workshops workshops, GemDbContext db) : LearningPageModel
{
    public List<Workshop> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => All = await workshops.ListAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(GemChallenge challenge, string? title, string? aim, CancellationToken ct)
    {
        if (Me is not { } me) return Refused();
        var region = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (region is null) return NotFound();
        Workshop? created = null;
        var result = await RunAsync(async () => created = await workshops.CreateAsync(region.Value, challenge, title, aim, me, ct), "/leren/ateliers", () => OnGetAsync(ct));
        return created is not null ? Redirect("/leren/ateliers/" + created.Id) : result;
    }
}
