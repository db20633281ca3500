using Gem.Core.Atlas;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Learning;

/// <summary>
/// One change workshop: members by role, start (only with an experience expert and a citizen), meetings (.ics) with minutes
/// and decisions, experiments and proposals. Every signed-in partner reads it; only members edit; a coordinator gathers the
/// members and records the decision on a proposal. Names of members are shown to members and coordinators only.
/// </summary>
[Authorize]
public sealed class WorkshopModel(Workshops workshops, TimeProvider clock) : LearningPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public WorkshopView View { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();
    public bool MaySeeNames => View.IsMember || Me?.IsCoordinator == true;
    private string Here => "/leren/ateliers/" + Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct) => View = await workshops.ReadAsync(Id, Me, ct);

    public Task<IActionResult> OnPostMemberAsync(string? email, WorkshopRole role, CancellationToken ct) =>
        RunAsync(() => workshops.AddMemberAsync(Id, email, role, Me!, ct), Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostRemoveAsync(Guid memberId, CancellationToken ct) =>
        RunAsync(() => workshops.RemoveMemberAsync(Id, memberId, Me!, ct), Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        RunAsync(() => workshops.StartAsync(Id, Me!, ct), Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostMeetingAsync(DateOnly? date, TimeOnly? time, int minutes, string? place, CancellationToken ct) =>
        RunAsync(() =>
        {
            if (date is null || time is null) throw new ValidationException("Date", "Give the date and time of the meeting.");
            var local = date.Value.ToDateTime(time.Value);
            var start = new DateTimeOffset(local, LocalTime.Zone.GetUtcOffset(local)).ToUniversalTime();
            return workshops.PlanMeetingAsync(Id, start, TimeSpan.FromMinutes(minutes), place, Me!, ct);
        }, Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostMinutesAsync(Guid meetingId, string? minutes, string? decisions, CancellationToken ct) =>
        RunAsync(() => workshops.RecordMinutesAsync(meetingId, minutes, decisions, Me!, ct), Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostExperimentAsync(string? title, string? change, string? prediction, MeasureKind outcome, MeasureKind? process, MeasureKind? balancing,
        Sector? sector, PointInterval interval, DateOnly? baselineFrom, DateOnly? changeFrom, CancellationToken ct) =>
        RunAsync(() =>
        {
            if (baselineFrom is null || changeFrom is null) throw new ValidationException("BaselineFrom", "Give the start of the baseline and of the change.");
            return workshops.StartExperimentAsync(Id, new ExperimentInput(title, change, prediction, outcome, process, balancing, sector, interval, baselineFrom.Value, changeFrom.Value), Me!, ct);
        }, Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostProposeAsync(string? title, string? text, string? phaseOut, CancellationToken ct) =>
        RunAsync(() => workshops.ProposeAsync(Id, title, text, phaseOut, Me!, ct), Here, () => LoadAsync(ct));

    public Task<IActionResult> OnPostDecideAsync(Guid proposalId, ProposalDecision decision, string? decisionText, CancellationToken ct) =>
        RunAsync(() => workshops.DecideAsync(proposalId, decision, decisionText, Me!, ct), Here, () => LoadAsync(ct));
}
