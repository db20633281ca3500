using Gem.Core.Consent;
using Gem.Core;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Plan;

/// <summary>
/// Accept an invitation to someone's resource group with one's own account (sign in or create one first).
/// Only the account whose confirmed address is the invited one may accept; anyone else holding the link
/// sees for which (masked) address it is, answers 403 and changes nothing.
/// </summary>
[Authorize]
public sealed class InvitationModel(ResourceGroup group, UserManager<GemUser> users) : PageModel
{
    public string OwnerName { get; private set; } = "";
    public MemberRole Role { get; private set; }
    /// <summary>Set when the signed-in account is not the invited address: the invited address, masked.</summary>
    public string? WrongAccountFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        try
        {
            var (member, owner) = await group.InvitationAsync(token);
            (OwnerName, Role) = (owner, member.Role);
            var user = await users.GetUserAsync(User);
            if (user is null || !user.EmailConfirmed || !ResourceGroup.SameAddress(user.Email, member.Email))
                return WrongAccount(member);
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
        catch (ForbiddenException)
        {
            try
            {
                return WrongAccount((await group.InvitationAsync(token)).Member);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        catch (DomainException)
        {
            return NotFound();
        }
        return Redirect(User.IsInRole(Roles.Citizen) ? "/mijn" : "/plan/gedeeld");
    }

    private PageResult WrongAccount(ResourceMember member)
    {
        WrongAccountFor = ResourceGroup.MaskAddress(member.Email);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
