using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Plan;

/// <summary>The people who share something with me or my organisation now, with links to what they share.</summary>
[Authorize]
public sealed class SharedModel(GemDbContext db, PlanAccess access) : PageModel
{
    public List<(Guid PersonId, string Name, IReadOnlyList<DataCategory> Categories)> People { get; } = [];

    public async Task OnGetAsync()
    {
        var me = User.UserId();
        var partnerId = await db.Users.Where(u => u.Id == me).Select(u => u.PartnerId).FirstOrDefaultAsync();
        var memberOwners = db.ResourceMembers.Where(m => m.MemberUserId == me).Select(m => m.OwnerId);
        var owners = await db.ConsentGrants.Where(c => c.WithdrawnAt == null
                && ((c.RecipientKind == RecipientKind.Partner && partnerId != null && c.RecipientId == partnerId) || memberOwners.Contains(c.OwnerId)))
            .Select(c => c.OwnerId).Distinct().ToListAsync();
        foreach (var owner in owners)
        {
            var categories = await access.SharedWithAsync(owner, me);
            if (categories.Count == 0) continue;
            var name = await db.Users.Where(u => u.Id == owner).Select(u => u.DisplayName ?? "").FirstOrDefaultAsync() ?? "";
            People.Add((owner, name, categories));
        }
    }
}
