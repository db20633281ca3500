using Gem.Core.Common;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>The region's consultation pool across organisations and its weekly rota: who is on duty, and who gets the next request.</summary>
public sealed class ConsultationPool(GemDbContext db)
{
    /// <summary>The Monday of the (Amsterdam) week of a moment.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = WorkingTime.LocalDay(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public Task<List<Specialist>> MembersAsync(CancellationToken ct = default) =>
        db.Set<Specialist>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    public Task<Specialist?> OfUserAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<Specialist>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.Active, ct);

    /// <summary>Adds an account with role <c>specialist</c> and an organisation to the pool of that organisation's region.</summary>
    public async Task<Specialist> AddAsync(Guid userId, Discipline discipline, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(discipline)) throw new ValidationException("Discipline", "Choose a discipline.");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("Account not found.");
        var isSpecialist = await (from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Roles on ur.RoleId equals r.Id
                                  where ur.UserId == userId && r.Name == Roles.Specialist select r).AnyAsync(ct);
        if (!isSpecialist) throw new ValidationException("UserId", "The account does not have the role specialist.");
        if (user.PartnerId is not { } partnerId) throw new ValidationException("UserId", "A specialist works for an organisation.");
        var regionId = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.RegionId).FirstAsync(ct);
        if (await db.Set<Specialist>().AnyAsync(s => s.UserId == userId, ct)) throw new ConflictException("Already in the pool.");
        var specialist = new Specialist { UserId = userId, PartnerId = partnerId, RegionId = regionId, Name = user.DisplayName ?? user.Email ?? "", Discipline = discipline };
        db.Set<Specialist>().Add(specialist);
        await db.SaveChangesAsync(ct);
        return specialist;
    }

    /// <summary>Sets who is on duty in one week (replacing that week's rota). An ervaringsdeskundige can only be co-consultant.</summary>
    public async Task SetWeekAsync(DateOnly weekStart, IReadOnlyCollection<Guid> leads, IReadOnlyCollection<Guid> coConsultants, CancellationToken ct = default)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday) throw new ValidationException("WeekStart", "A rota week starts on Monday.");
        var ids = leads.Concat(coConsultants).Distinct().ToList();
        var members = await db.Set<Specialist>().Where(s => ids.Contains(s.Id) && s.Active).ToDictionaryAsync(s => s.Id, ct);
        if (members.Count != ids.Count) throw new ValidationException("Specialists", "Everyone on the rota is an active member of the pool.");
        if (leads.Any(l => members[l].Discipline == Discipline.Ervaringsdeskundige))
            throw new ValidationException("Leads", "An ervaringsdeskundige joins as co-consultant.");
        await db.Set<DutyWeek>().Where(d => d.WeekStart == weekStart).ExecuteDeleteAsync(ct);
        foreach (var l in leads.Distinct()) db.Set<DutyWeek>().Add(new DutyWeek { SpecialistId = l, WeekStart = weekStart, Role = DutyRole.Lead });
        foreach (var c in coConsultants.Distinct().Except(leads)) db.Set<DutyWeek>().Add(new DutyWeek { SpecialistId = c, WeekStart = weekStart, Role = DutyRole.CoConsultant });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<(Specialist Specialist, DutyRole Role)>> OnDutyAsync(DateTimeOffset at, CancellationToken ct = default)
    {
        var week = WeekOf(at);
        var rows = await (from d in db.Set<DutyWeek>() join s in db.Set<Specialist>() on d.SpecialistId equals s.Id
                          where d.WeekStart == week && s.Active select new { s, d.Role }).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.s.Name, StringComparer.Ordinal).Select(r => (r.s, r.Role)).ToList();
    }

    /// <summary>
    /// Who answers a request that comes in now: of the leads on duty, the one with the fewest open requests (ties by
    /// name); with nobody on the rota, the least busy active non-ervaringsdeskundige of the pool, so no question is
    /// ever left without an owner. The co-consultant on duty (if any) reads along.
    /// </summary>
    public async Task<(Specialist? Lead, Specialist? CoConsultant)> PickAsync(DateTimeOffset at, Guid? regionId, Guid? except = null, CancellationToken ct = default)
    {
        var duty = (await OnDutyAsync(at, ct)).Where(d => regionId is null || d.Specialist.RegionId == regionId).ToList();
        var leads = duty.Where(d => d.Role == DutyRole.Lead && d.Specialist.Id != except).Select(d => d.Specialist).ToList();
        if (leads.Count == 0)
            leads = await db.Set<Specialist>().AsNoTracking()
                .Where(s => s.Active && s.Discipline != Discipline.Ervaringsdeskundige && s.Id != except && (regionId == null || s.RegionId == regionId))
                .ToListAsync(ct);
        var co = duty.Where(d => d.Role == DutyRole.CoConsultant).Select(d => d.Specialist).FirstOrDefault();
        if (leads.Count == 0) return (null, co);
        var ids = leads.Select(l => l.Id).ToList();
        var open = await db.Set<ConsultationRequest>().Where(r => r.Status == ConsultationStatus.Open && r.SpecialistId != null && ids.Contains(r.SpecialistId.Value))
            .GroupBy(r => r.SpecialistId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var lead = leads.OrderBy(l => open.GetValueOrDefault(l.Id)).ThenBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id).First();
        return (lead, co);
    }
}
