using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>
/// The demo region's consultation pool: fictional specialists of the demo GGZ and addiction partners (accounts
/// specialist1..6@demo.gem.example with the demo password), a weekly rota from a year back to eight weeks ahead
/// (two leads a week in turn, the ervaringsdeskundige as co-consultant every other week) and a case session every
/// other Thursday. Idempotent: does nothing when the pool has members.
/// </summary>
public static class ConsultationDemo
{
    public static readonly IReadOnlyList<(string Email, string Name, string PartnerKey, Discipline Discipline)> Specialists =
    [
        ("specialist1@demo.gem.example", "Demo-psychiater Noorderlicht (fictief)", "noorderlicht", Discipline.Psychiater),
        ("specialist2@demo.gem.example", "Demo-psycholoog Noorderlicht (fictief)", "noorderlicht", Discipline.Psycholoog),
        ("specialist3@demo.gem.example", "Demo-verpleegkundig specialist Eikenhorst (fictief)", "eikenhorst", Discipline.VerpleegkundigSpecialist),
        ("specialist4@demo.gem.example", "Demo-psycholoog Dennenrust (fictief)", "dennenrust", Discipline.Psycholoog),
        ("specialist5@demo.gem.example", "Demo-verslavingsarts De Vrije Vogel (fictief)", "vrijevogel", Discipline.Verslavingsarts),
        ("specialist6@demo.gem.example", "Demo-ervaringsdeskundige Nuchter en Nu (fictief)", "nuchter", Discipline.Ervaringsdeskundige),
    ];

    public static async Task<bool> EnsurePoolAsync(GemDbContext db, TimeProvider clock, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Set<Specialist>().AnyAsync(ct)) return false;
        var partnerIds = Specialists.Select(s => DemoHash.Id("partner", s.PartnerKey)).Distinct().ToList();
        var partners = await db.Partners.Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        if (partners.Count != partnerIds.Count) return false; // not the demo region
        var roleId = await db.Roles.Where(r => r.Name == Roles.Specialist).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null)
        {
            var role = new IdentityRole<Guid>(Roles.Specialist) { Id = Guid.NewGuid(), NormalizedName = Roles.Specialist.ToUpperInvariant() };
            db.Roles.Add(role);
            roleId = role.Id;
        }
        var hasher = new PasswordHasher<GemUser>();
        var pool = new List<Specialist>();
        foreach (var (email, name, key, discipline) in Specialists)
        {
            var partner = partners[DemoHash.Id("partner", key)];
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
            if (user is null)
            {
                user = new GemUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = name, PartnerId = partner.Id, LockoutEnabled = true,
                };
                user.PasswordHash = hasher.HashPassword(user, password);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId.Value });
            }
            var specialist = new Specialist { UserId = user.Id, PartnerId = partner.Id, RegionId = partner.RegionId, Name = name, Discipline = discipline };
            pool.Add(specialist);
            db.Set<Specialist>().Add(specialist);
        }
        var now = clock.GetUtcNow();
        var leads = pool.Where(s => s.Discipline != Discipline.Ervaringsdeskundige).ToList();
        var expert = pool.Single(s => s.Discipline == Discipline.Ervaringsdeskundige);
        var thisWeek = ConsultationPool.WeekOf(now);
        for (int w = -54; w <= 8; w++)
        {
            var week = thisWeek.AddDays(7 * w);
            var i = ((w % leads.Count) + leads.Count) % leads.Count;
            db.Set<DutyWeek>().Add(new DutyWeek { SpecialistId = leads[i].Id, WeekStart = week, Role = DutyRole.Lead });
            db.Set<DutyWeek>().Add(new DutyWeek { SpecialistId = leads[(i + 2) % leads.Count].Id, WeekStart = week, Role = DutyRole.Lead });
            if (w % 2 == 0) db.Set<DutyWeek>().Add(new DutyWeek { SpecialistId = expert.Id, WeekStart = week, Role = DutyRole.CoConsultant });
        }
        // Every other Thursday 12:30–13:30, from a year back to eight weeks ahead.
        var thursday = thisWeek.AddDays(3);
        for (int w = -52; w <= 8; w += 2)
        {
            var start = WorkingTime.At(thursday.AddDays(7 * w), new TimeOnly(12, 30));
            db.Set<CaseSession>().Add(new CaseSession { Title = "Casusbespreking consultatiepool Noordwest-Veluwe", Start = start, End = start.AddHours(1), Place = "Online (link in de uitnodiging)" });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
