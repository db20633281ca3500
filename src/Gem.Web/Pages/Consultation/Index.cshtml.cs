using Gem.Core.Consultation;
using Gem.Core.Identity;
using Gem.Web.Consultation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>The requests I may see now (asked by me or my organisation on consent, about me, or assigned to me): dates and status only, no text.</summary>
[Authorize]
public sealed class IndexModel(ConsultationService service) : PageModel
{
    public List<ConsultationLine> Lines { get; private set; } = [];
    public bool MayAsk => ConsultationModule.MayAsk(User);
    public bool IsSpecialist => User.IsInRole(Roles.Specialist);
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct) => Lines = await service.ListAsync(User.UserId(), ct);
}
