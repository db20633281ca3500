using Gem.Core;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Groups;

/// <summary>The phone numbers and e-mail addresses of the people expected at one of our sessions; every view is in the access log.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class ContactsModel(ParticipantContacts contacts) : PageModel
{
    public Session Session { get; private set; } = null!;
    public IReadOnlyList<ParticipantContact> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            (Session, People) = await contacts.ListAsync(User.ToActor(), id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
