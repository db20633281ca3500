using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Gem.Web.FrontDoor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>
/// One offer, from the front door: "kom gewoon langs" with the next sessions and a calendar file for walk-ins
/// and open offers; enrolment with a first name or alias and an e-mail address or phone number (no account) for
/// groups, courses and appointments. A full offer is never a dead end: it shows what can start this week instead.
/// </summary>
public sealed class OfferModel(GemDbContext db, FrontDoorService frontDoor, EnrolmentService enrolments, EnrolmentMail mail, FrontDoorCounter counter, FrontDoorCatalogCache catalogs) : PageModel
{
    public const int SessionsShown = 6;

    public CatalogOffer Item { get; private set; } = null!;
    public Offer Offer => Item.Offer;
    public FrontDoorQuery Query { get; private set; } = new();
    /// <summary>Sessions one can start or enrol at, soonest first.</summary>
    public IReadOnlyList<CatalogSession> Startable { get; private set; } = [];
    /// <summary>What can start within 7 days instead, when this offer is full.</summary>
    public IReadOnlyList<FrontDoorMatch> Instead { get; private set; } = [];
    public IReadOnlyList<Alternative> FullAlternatives { get; private set; } = [];
    public bool JustFull { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>A walk-in or open offer without a seat limit: just come.</summary>
    public bool IsWalkIn => Offer.Format == OfferFormat.WalkIn || (Offer.FlowPolicy == FlowPolicy.Open && Offer.Capacity is null);
    public bool CanEnrol => !IsWalkIn && Offer.Access == Access.NoReferral && Startable.Count > 0;

    [BindProperty] public Guid SessionId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Visit { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Query = FrontDoorQuery.From(Request.Query);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Query = FrontDoorQuery.From(Request.Query);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Item.Sessions.Any(s => s.Id == SessionId))
        {
            ModelState.AddModelError(nameof(SessionId), "Error.Session");
            return Page();
        }
        try
        {
            var visit = FrontDoorQuery.From([new("v", Visit ?? "")]).VisitDay;
            if (visit > LocalTime.Day(Now)) visit = null; // a day from a stale or edited link: not a visit we can measure from
            var created = await enrolments.EnrolAsync(SessionId, new EnrolmentRequest(Name ?? "", Email, Phone, FrontDoorVisit: visit), ct);
            catalogs.Invalidate(); // a seat fewer: the next search sees it
            var enrolment = await enrolments.FindByTokenAsync(created.Token, ct);
            await mail.SendConfirmationAsync(enrolment, ct);

            await counter.AddAsync([(CountKind.SectorStarted, Item.Sector.ToString())], ct);

            return Redirect("/voorportaal/aangemeld/" + created.Token);
        }
        catch (ValidationException e)
        {
            foreach (var (field, _) in e.Errors) ModelState.AddModelError(field, "Error." + field);
            return Page();
        }
        catch (SessionFullException e)
        {
            JustFull = true;
            FullAlternatives = e.Alternatives;
            await LoadInsteadAsync(ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Now = frontDoor.Now;
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return false;
        var until = Now + FrontDoorCatalog.Horizon;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.OfferId == id && s.Start >= Now && s.Start < until).ToListAsync(ct);
        Item = FrontDoorCatalog.Describe(offer, sessions, Now);
        Startable = Item.Sessions
            .Where(s => s.CanStartAt(offer.FlowPolicy))
            .Take(SessionsShown).ToList();
        Visit ??= Query.Visit;
        if (Item.IsFull) await LoadInsteadAsync(ct);
        return true;
    }

    private async Task LoadInsteadAsync(CancellationToken ct)
    {
        var answers = Query.ToAnswers();
        if (answers.Domains == LifeDomains.None) answers = answers with { Domains = Offer.LifeDomains };
        var result = await frontDoor.MatchAsync(answers, ct);
        Instead = result.StartThisWeek.Where(m => m.Offer.Id != Offer.Id).ToList();
    }
}
