using System.Globalization;
using Gem.Core.Common;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Consultation;

/// <summary>For the regional coordinator: the pool's members (accounts with role specialist) and the rota of this week and the next three.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class PoolModel(ConsultationPool pool, GemDbContext db, TimeProvider clock) : PageModel
{
    public List<Specialist> Members { get; private set; } = [];
    public Dictionary<Guid, string> Organisations { get; private set; } = [];
    public List<DateOnly> Weeks { get; private set; } = [];
    public List<DutyWeek> Rota { get; private set; } = [];
    public bool Invalid { get; private set; }

    public bool IsOn(DateOnly week, Guid specialist, DutyRole role) => Rota.Any(r => r.WeekStart == week && r.SpecialistId == specialist && r.Role == role);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? email, Discipline discipline, CancellationToken ct)
    {
        var normal = (email ?? "").Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normal).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return await DoAsync(() => userId is { } id ? pool.AddAsync(id, discipline, ct) : throw new ValidationException("Email", "No account with this address."), ct);
    }

    public Task<IActionResult> OnPostRotaAsync(string week, List<Guid> leads, List<Guid> co, CancellationToken ct) =>
        DoAsync(() => DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w)
            ? pool.SetWeekAsync(w, leads, co, ct) : throw new ValidationException("week", "Not a date."), ct);

    private async Task<IActionResult> DoAsync(Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (Exception e) when (e is ValidationException or NotFoundException or ConflictException)
        {
            Invalid = true;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect("/consultatie/pool");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await pool.MembersAsync(ct);
        var ids = Members.Select(m => m.PartnerId).Distinct().ToList();
        Organisations = await db.Partners.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var first = ConsultationPool.WeekOf(clock.GetUtcNow());
        Weeks = [.. Enumerable.Range(0, 4).Select(i => first.AddDays(7 * i))];
        var last = Weeks[^1];
        Rota = await db.Set<DutyWeek>().AsNoTracking().Where(d => d.WeekStart >= first && d.WeekStart <= last).ToListAsync(ct);
    }
}
