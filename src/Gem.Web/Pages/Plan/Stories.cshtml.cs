using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Plan;

/// <summary>
/// Stories people chose to share without their name for the region's evaluation (seed 004 §5.2: stories as a
/// full part of evaluation). No names, no ids, no dates; in random order. Each story read is still one record in
/// the person's access log, so they can see that their story was read.
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class StoriesModel(GemDbContext db, TimeProvider clock) : PageModel
{
    public const string What = "Story.Anonymous";
    public List<string> Stories { get; } = [];

    public async Task OnGetAsync()
    {
        var viewer = User.UserId();
        var shared = await db.PersonalPlans.AsNoTracking().Where(p => p.ShareStoryAnonymously && p.Story != null)
            .Select(p => new { p.UserId, p.Story }).ToListAsync();
        var role = User.IsInRole(Roles.Admin) ? Roles.Admin : Roles.Coordinator;
        foreach (var s in shared.OrderBy(_ => Random.Shared.Next()))
        {
            db.AccessLog.Add(new AccessLogEntry
            {
                At = clock.GetUtcNow(), ActorUserId = viewer, ActorRole = role, SubjectUserId = s.UserId, What = What, Action = AccessAction.Read, Allowed = true,
            });
            Stories.Add(s.Story!);
        }
        await db.SaveChangesAsync();
    }
}
