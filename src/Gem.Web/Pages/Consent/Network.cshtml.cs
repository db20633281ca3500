using Gem.Core;
using Gem.Core.Consent;
using Gem.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Consent;

/// <summary>
/// My resource group and who sees what. One grid: a row per recipient (members, and partner organisations I am
/// enrolled with or have shared with), a column per category; every cell is one button, "delen" or "niet meer
/// delen", so giving and withdrawing take the same single step.
/// </summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class NetworkModel(ResourceGroup group, ConsentService consents, GemDbContext db, Gem.Web.Hosting.AbuseLimits limits) : PageModel
{
    public sealed record Recipient(RecipientKind Kind, Guid Id, string Label, string? Detail);

    public List<ResourceMember> Members { get; private set; } = [];
    public List<Recipient> Recipients { get; } = [];
    public List<ConsentGrant> Active { get; private set; } = [];
    public List<(Guid Id, string Name)> AllPartners { get; private set; } = [];
    public bool Invalid { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public MemberRole Role { get; set; } = MemberRole.Naaste;
    [BindProperty(SupportsGet = true)] public Guid? Partner { get; set; }

    public bool IsShared(Recipient r, DataCategory c) => Active.Any(a => a.RecipientKind == r.Kind && a.RecipientId == r.Id && a.Category == c);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        await limits.InviteAsync(HttpContext, User.UserId(), Email ?? "", HttpContext.RequestAborted);
        try
        {
            var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == User.UserId());
            await group.InviteAsync(me.Id, me.DisplayName ?? me.Email ?? "", Email ?? "", Name, Role);
        }
        catch (ValidationException)
        {
            Invalid = true;
            await LoadAsync();
            return Page();
        }
        return Redirect("/mijn/kring");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid memberId)
    {
        await group.RemoveAsync(User.UserId(), memberId);
        return Redirect("/mijn/kring");
    }

    public async Task<IActionResult> OnPostShareAsync(RecipientKind kind, Guid recipient, DataCategory category, bool give)
    {
        if (give) await consents.GiveAsync(User.UserId(), kind, recipient, category);
        else await consents.WithdrawAsync(User.UserId(), kind, recipient, category);
        return Redirect(kind == RecipientKind.Partner ? $"/mijn/kring?partner={recipient}" : "/mijn/kring");
    }

    private async Task LoadAsync()
    {
        var me = User.UserId();
        Members = await group.MembersAsync(me);
        Active = await consents.ActiveForOwnerAsync(me);
        foreach (var m in Members) Recipients.Add(new Recipient(RecipientKind.Member, m.Id, m.Name ?? m.Email, m.MemberUserId is null ? "Network.Pending" : null));
        var partnerIds = await db.Enrolments.Where(e => e.UserId == me).Select(e => e.Offer!.PartnerId).Distinct().ToListAsync();
        partnerIds.AddRange(Active.Where(a => a.RecipientKind == RecipientKind.Partner).Select(a => a.RecipientId));
        if (Partner is { } extra) partnerIds.Add(extra);
        var distinct = partnerIds.Distinct().ToList();
        foreach (var p in await db.Partners.AsNoTracking().Where(p => distinct.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync())
            Recipients.Add(new Recipient(RecipientKind.Partner, p.Id, p.Name, "Network.Organisation"));
        AllPartners = (await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name)).ToList();
    }
}
