using Gem.Core.Consent;
using Gem.Core;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Plan;

/// <summary>
/// An invitation to someone's kring (resource group). Anyone holding the mailed link first reads what it means (who asks,
/// in which role, what they will see, that they can leave), then makes an account or signs in; both come back here
/// (ReturnUrl through registration, the confirmation mail and sign-in). Only the account whose confirmed address is
/// the invited one may accept; anyone else signed in sees for which (masked) address it is, answers 403 and changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(ResourceGroup group, UserManager<GemUser> users) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    /// <summary>The invited address, masked, so the reader knows which address to register with.</summary>
    public string MaskedAddress { get; private set; } = "";

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
            MaskedAddress = ResourceGroup.MaskAddress(member.Email);
            if (!SignedIn) return Page();
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
        if (!SignedIn) return Challenge();
        Guid owner;
        try
        {
            owner = (await group.InvitationAsync(token)).Member.OwnerId;
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
        // The shared items first: the plan page opens on the people whose kring one is in.
        return Redirect(User.IsInRole(Roles.Citizen) ? "/mijn?joined=" + owner.ToString() + "#kring" : "/plan/gedeeld");
    }

    private PageResult WrongAccount(ResourceMember member)
    {
        WrongAccountFor = ResourceGroup.MaskAddress(member.Email);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
