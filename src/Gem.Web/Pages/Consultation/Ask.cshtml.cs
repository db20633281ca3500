using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Web.Consultation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Consultation;

/// <summary>
/// Ask the pool: about a person who shares "Vragen aan de specialist" with me or my organisation, about myself
/// (citizens), or an anonymised case (staff). Crisis words send to /crisis and store nothing. No diagnosis field.
/// </summary>
[Authorize(Roles = Roles.PartnerStaff + "," + Roles.Citizen)]
public sealed class AskModel(ConsultationService service, GemDbContext db) : PageModel
{
    public List<(Guid Id, string Name)> People { get; } = [];
    public bool IsCitizen => User.IsInRole(Roles.Citizen);
    public bool IsStaff => User.IsInRole(Roles.PartnerStaff);
    public bool Invalid { get; private set; }

    [BindProperty(SupportsGet = true)] public string? About { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public List<LifeDomains> Domains { get; set; } = [];
    [BindProperty] public string? Tried { get; set; }
    [BindProperty] public string? PersonView { get; set; }
    [BindProperty] public string? NetworkView { get; set; }
    [BindProperty] public Urgency Urgency { get; set; } = Urgency.Normal;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Guid? subject = About switch
        {
            "self" => me,
            null or "" or "case" => null,
            _ when Guid.TryParse(About, out var id) => id,
            _ => Guid.Empty,
        };
        try
        {
            if (subject == Guid.Empty) throw new ValidationException("About", "Choose who the question is about.");
            var domains = Domains.Aggregate(LifeDomains.None, (a, b) => a | b);
            var request = await service.AskAsync(me, new AskInput(subject, Question, domains, Tried, PersonView, NetworkView, Urgency), ct);
            return Redirect("/consultatie/" + request.Id);
        }
        catch (CrisisException)
        {
            return Redirect("/crisis");
        }
        catch (Exception e) when (e is ValidationException or NotFoundException or ForbiddenException)
        {
            Invalid = true;
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>The people who share "Vragen aan de specialist" with me or my organisation now (names only).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var partnerId = IsStaff ? await db.Users.Where(u => u.Id == me).Select(u => u.PartnerId).FirstOrDefaultAsync(ct) : null;
        var memberIds = db.ResourceMembers.Where(m => m.MemberUserId == me).Select(m => m.Id);
        var owners = db.ConsentGrants.Where(c => c.WithdrawnAt == null && c.Category == DataCategory.Consultation
                && ((c.RecipientKind == RecipientKind.Partner && partnerId != null && c.RecipientId == partnerId) || (c.RecipientKind == RecipientKind.Member && memberIds.Contains(c.RecipientId))))
            .Select(c => c.OwnerId);
        var people = await db.Users.Where(u => owners.Contains(u.Id) && u.Id != me).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct);
        People.AddRange(people.Select(p => (p.Id, p.DisplayName ?? "—")));
        if (About is null && !IsStaff) About = People.Count > 0 ? People[0].Id.ToString() : "self";
    }
}
