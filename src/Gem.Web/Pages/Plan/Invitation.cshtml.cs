using Gem.Core;
using Gem.Core.Plan;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Plan;

/// <summary>Accept an invitation to someone's resource group with one's own account (sign in or create one first).</summary>
[Authorize]
public sealed class InvitationModel(ResourceGroup group) : PageModel
{
    public string OwnerName { get; private set; } = "";
    public MemberRole Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        try
        {
            var (member, owner) = await group.InvitationAsync(token);
            (OwnerName, Role) = (owner, member.Role);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        try
        {
            await group.AcceptAsync(token, User.UserId());
        }
        catch (DomainException)
        {
            return NotFound();
        }
        return Redirect(User.IsInRole(Gem.Core.Identity.Roles.Citizen) ? "/mijn" : "/plan/gedeeld");
    }
}
