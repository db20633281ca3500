using System.Globalization;
using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>
/// One request: read through <see cref="ConsultationService.ReadAsync"/> (consent from the database, one access-log
/// record for anyone but the person, "not found" when refused); the assigned specialist answers, the asker closes out.
/// </summary>
[Authorize]
public sealed class DetailModel(ConsultationService service, CaseSessions sessions) : PageModel
{
    public ConsultationView View { get; private set; } = null!;
    public List<LifeDomains> Domains => [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None && View.Request.Domains.HasFlag(d))];
    public List<CaseSession> Sessions { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, AnswerKind kind, string? answer, string? meetingAt, Guid? caseSessionId, int minutes, CancellationToken ct)
    {
        DateTimeOffset? at = DateTime.TryParse(meetingAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone), TimeSpan.Zero) : null;
        return await ChangeAsync(id, () => service.AnswerAsync(id, User.UserId(), new AnswerInput(kind, answer, at, caseSessionId, minutes), ct), ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, bool useful, NextStep nextStep, CancellationToken ct) =>
        ChangeAsync(id, () => service.CloseAsync(id, User.UserId(), new CloseInput(useful, nextStep), ct), ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is ValidationException or ConflictException or ForbiddenException)
        {
            Invalid = true;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return Redirect($"/consultatie/{id}?saved=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            View = await service.ReadAsync(id, User.UserId(), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        if (View.ViewerIsSpecialist) Sessions = await sessions.ComingAsync(ct);
        return true;
    }
}
