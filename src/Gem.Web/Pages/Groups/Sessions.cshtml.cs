using System.Globalization;
using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>
/// The sessions of one of the staff member's own offers: add one or a weekly / every-other-week series (local Dutch time,
/// with dates left out), and remove or call off one — always after a question that says what happens to the people enrolled.
/// </summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class SessionsModel(OfferEditor offers, SessionSeries series, SessionEditor editor, SessionCancellation cancellation, GemDbContext db, TimeProvider clock) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public IReadOnlyList<Session> Sessions { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public DateTime? Start { get; set; }
    [BindProperty] public DateTime? End { get; set; }
    [BindProperty] public int? Seats { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public bool IsCohortStart { get; set; }
    [BindProperty] public Repeat Repeat { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }
    /// <summary>Dates to leave out of a series, as typed: "24-12-2026, 31-12-2026".</summary>
    [BindProperty] public string? Except { get; set; }
    /// <summary>A delete refused because people are enrolled (a stale page): the page explains and offers to call the session off.</summary>
    public HasEnrolmentsException? Refused { get; private set; }
    /// <summary>How many people were told after a session was called off (shown once, from the address).</summary>
    [BindProperty(SupportsGet = true)] public int? Informed { get; set; }
    /// <summary>How many sessions were just saved (shown once, from the address).</summary>
    [BindProperty(SupportsGet = true)] public int? Added { get; set; }
    [BindProperty(SupportsGet = true)] public bool Removed { get; set; }
    /// <summary>The session staff asked to remove or call off: the page asks first.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Confirm { get; set; }
    public Session? Confirming { get; private set; }
    /// <summary>For the question: enrolments and attendance records of the session, and people who have it in their calendar.</summary>
    public (int Enrolments, int Coming) ConfirmingPeople { get; private set; }
    /// <summary>Whether the cohort-start box starts ticked (<see cref="SessionEditor.DefaultCohortStartAsync"/> for a session after every planned one).</summary>
    public bool CohortStartByDefault { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Confirm is { } sessionId)
        {
            Confirming = Sessions.FirstOrDefault(s => s.Id == sessionId);
            if (Confirming is null) return NotFound();
            try
            {
                await SessionCancellation.EnsureDeletableAsync(db, Confirming, Offer.FlowPolicy, ct);
            }
            catch (HasEnrolmentsException has)
            {
                ConfirmingPeople = (has.Enrolments, has.Coming);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Start is null || End is null)
        {
            Errors["Start"] = ["Start and end are required."];
            return Page();
        }
        var except = ParseDates(Except, out var bad);
        if (bad is not null)
        {
            Errors["Except"] = ["Write dates as day-month-year, separated by commas, e.g. 24-12-2026, 31-12-2026."];
            return Page();
        }
        IReadOnlyList<Session> added;
        try
        {
            added = await series.AddAsync(User.ToActor(), id,
                new SeriesInput(new SessionInput(ToUtc(Start.Value), ToUtc(End.Value), Place, null, Seats, IsCohortStart), Repeat, Until, except), ct);
        }
        catch (ValidationException e)
        {
            Errors = new Dictionary<string, string[]>(e.Errors);
            return Page();
        }
        return Redirect($"/partner/offers/{id}/sessions?added={added.Count}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        try
        {
            await editor.DeleteSessionAsync(User.ToActor(), sessionId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (HasEnrolmentsException refused)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Refused = refused;
            return Page();
        }
        return Redirect($"/partner/offers/{id}/sessions?removed=true");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        int informed;
        try
        {
            informed = await cancellation.CancelSessionAsync(User.ToActor(), sessionId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException e)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Errors["Start"] = [e.Message];
            return Page();
        }
        return Redirect($"/partner/offers/{id}/sessions?informed={informed}");
    }

    /// <summary>Dates typed as d-M-yyyy (or yyyy-MM-dd), separated by commas, semicolons or spaces; <paramref name="bad"/> is the first one that is not a date.</summary>
    public static IReadOnlyList<DateOnly> ParseDates(string? text, out string? bad)
    {
        bad = null;
        var dates = new List<DateOnly>();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(part, ["d-M-yyyy", "d/M/yyyy", "yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) dates.Add(day);
            else
            {
                bad = part;
                return [];
            }
        }
        return dates;
    }

    private static DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone), TimeSpan.Zero);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Offer = await offers.FindOwnAsync(User.ToActor(), id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        Sessions = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == id && s.Start >= now).ToListAsync(ct)).OrderBy(s => s.Start).ToList();
        CohortStartByDefault = await editor.DefaultCohortStartAsync(Offer, DateTimeOffset.MaxValue, ct);
        return true;
    }
}
