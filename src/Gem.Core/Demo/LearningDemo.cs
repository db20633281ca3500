using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Demo;

/// <summary>
/// The demo region's learning ecosystem: charter version 1 with a signature for every partner the demo table marks as
/// signed; one running workshop per GEM challenge (a staff member as local owner, the demo ervaringsdeskundige of the
/// consultation pool and a fictional citizen, burger@demo.gem.example); a meeting every four weeks with minutes; three
/// experiments measured on the simulated year (baseline the first six months, the change the last six); and one decided
/// proposal with its phase-out list. Idempotent: does nothing once the region has a charter.
/// </summary>
public static class LearningDemo
{
    public const string CitizenEmail = "burger@demo.gem.example";

    private static readonly string[] Commitments =
    [
        "We beginnen elk contact met de vraag wat iemand is overkomen en wie er om hem of haar heen staan.",
        "We bieden onze steun zoveel mogelijk in groepen aan, samen met ervaringsdeskundigen.",
        "We verwijzen niet door zonder warme overdracht en laten niemand wachten zonder iets.",
    ];

    private static readonly string[] Stops =
    [
        "We stoppen met intakes waarin eerst een diagnose nodig is.",
        "We stoppen met wachtlijsten zonder tussentijds aanbod.",
        "We stoppen met behandelplannen die zonder de persoon en diens netwerk worden gemaakt.",
    ];

    private static readonly (GemChallenge Challenge, string Title, string Aim)[] WorkshopRows =
    [
        (GemChallenge.Fragmentation, "Eén ecosysteem, geen loketten", "Werkers uit sociaal domein, ggz en herstelacademie werken als één team in de wijk."),
        (GemChallenge.Choice, "Zelf kiezen waar je begint", "Iedereen kan zonder verwijzing kiezen waar hij of zij begint, in elke sector."),
        (GemChallenge.Financing, "Samen inkopen", "Samenwerking in het ecosysteem als voorwaarde voor inkoop; ruimte voor consultatie."),
        (GemChallenge.Context, "Wat is je overkomen?", "Het eerste gesprek gaat over context en netwerk; de resource group vanaf het begin."),
        (GemChallenge.Groups, "Groepen als norm", "Meer dan 80% van alle steun in groepen, met vrije in- en uitstroom."),
        (GemChallenge.SocialHolding, "Social holding", "Een dragende omgeving voor mensen die moeilijk staande blijven."),
        (GemChallenge.RecoveryColleges, "Herstelacademie voor iedereen", "Meer ervaringsdeskundigheid, leergroepen in elke gemeente."),
        (GemChallenge.Consultation, "Van poortwachter naar scharnier", "Specialisten adviseren de mensen die het werk doen."),
        (GemChallenge.PublicMentalHealth, "Veerkracht voor jongeren", "Mentale gezondheidsvaardigheden en eCommunities voor jongeren."),
    ];

    public static async Task<bool> EnsureAsync(GemDbContext db, TimeProvider clock, string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Name == DemoRegion.Name, ct);
        if (region is null || await db.Set<ValuesCharter>().AnyAsync(c => c.RegionId == region.Id, ct)) return false;
        var now = clock.GetUtcNow();
        var today = LocalTime.Day(now);

        var charter = new ValuesCharter { RegionId = region.Id, Version = 1, Text = ValuesCharters.DefaultText, PublishedOn = new DateOnly(2024, 1, 15) };
        db.Add(charter);
        var signed = await db.Partners.Where(p => p.RegionId == region.Id && p.ValuesSignedOn != null).OrderBy(p => p.Name).ToListAsync(ct);
        for (int i = 0; i < signed.Count; i++)
        {
            var p = signed[i];
            db.Add(new CharterSignature
            {
                CharterId = charter.Id, PartnerId = p.Id, SignerName = "Directie " + p.Name, SignerRole = "bestuurder",
                SignedOn = p.ValuesSignedOn!.Value, Commitments = Commitments[i % Commitments.Length], StopsDoing = Stops[i % Stops.Length],
            });
            p.CharterVersion = charter.Version;
        }

        var citizen = await EnsureCitizenAsync(db, password, ct);
        var owner = await db.Users.Where(u => u.NormalizedEmail == "STAFF1@DEMO.GEM.EXAMPLE").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var expert = await db.Users.Where(u => u.NormalizedEmail == "SPECIALIST6@DEMO.GEM.EXAMPLE").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var coordinator = await db.Users.Where(u => u.NormalizedEmail == "COORDINATOR@DEMO.GEM.EXAMPLE").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var started = now.AddDays(-330);
        var workshops = new Dictionary<GemChallenge, Workshop>();
        foreach (var (challenge, title, aim) in WorkshopRows)
        {
            var w = new Workshop { Id = DemoHash.Id("workshop", challenge.ToString()), RegionId = region.Id, Challenge = challenge, Title = title, Aim = aim, CreatedAt = started.AddDays(-14) };
            if (owner is not null) w.Members.Add(new WorkshopMember { UserId = owner.Id, Name = owner.DisplayName ?? "staff1", Role = WorkshopRole.LocalOwner });
            if (expert is not null) w.Members.Add(new WorkshopMember { UserId = expert.Id, Name = expert.DisplayName ?? "specialist6", Role = WorkshopRole.ExperienceExpert });
            w.Members.Add(new WorkshopMember { UserId = citizen.Id, Name = citizen.DisplayName!, Role = WorkshopRole.Citizen });
            if (Workshops.HasLivedExperienceAndCitizen(w.Members)) (w.State, w.StartedAt) = (WorkshopState.Running, started);
            db.Add(w);
            workshops[challenge] = w;
            for (var at = started; at < now.AddDays(60); at = at.AddDays(28))
            {
                var start = LocalTime.StartOfDay(LocalTime.Day(at)).AddHours(17);
                db.Add(new WorkshopMeeting
                {
                    WorkshopId = w.Id, Start = start, End = start.AddHours(2), Place = "Herstelhuis Harderwijk (fictief)",
                    Minutes = start < now ? "We bespraken de ervaringen van de afgelopen weken en de cijfers van het experiment." : null,
                    Decisions = start < now ? "We gaan door met het experiment en kijken over vier weken opnieuw." : null,
                });
            }
        }

        var baseline = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var change = baseline.AddMonths(6);
        Experiment Add(GemChallenge c, string title, string changeText, string prediction, MeasureKind outcome, MeasureKind? process, MeasureKind? balancing, Sector? sector = null)
        {
            var e = new Experiment
            {
                Id = DemoHash.Id("experiment", title), WorkshopId = workshops[c].Id, Title = title, Change = changeText, Prediction = prediction,
                OutcomeMeasure = outcome, ProcessMeasure = process, BalancingMeasure = balancing, Sector = sector, Interval = PointInterval.Month,
                BaselineFrom = baseline, ChangeFrom = change, CreatedAt = started,
            };
            db.Add(e);
            return e;
        }
        Add(GemChallenge.Groups, "Elke nieuwe groep met een ervaringsdeskundige", "Nieuwe groepen starten alleen met een ervaringsdeskundige als co-begeleider.",
            "Het aandeel steun in groepen stijgt naar boven de 80%, zonder dat mensen langer wachten.", MeasureKind.GroupShare, MeasureKind.CoFacilitation, MeasureKind.MedianDaysToSupport);
        Add(GemChallenge.Choice, "Inloop in plaats van intake", "Wie via het voorportaal komt, kan dezelfde week bij een inloop terecht.",
            "Meer mensen zijn binnen 7 dagen ergens aanwezig.", MeasureKind.AttendedWithinWeek, MeasureKind.SectorStarts, MeasureKind.HopeChange, Sector.Herstelacademie);
        Add(GemChallenge.Consultation, "Vaste consultatiedienst per week", "Elke week twee specialisten op rooster voor vragen uit het ecosysteem.",
            "Vragen worden vaker binnen de afgesproken tijd beantwoord.", MeasureKind.ConsultationWithinDue, null, MeasureKind.ConsultationMedianHours);

        db.Add(new Proposal
        {
            WorkshopId = workshops[GemChallenge.Groups].Id, Title = "Groepen met ervaringsdeskundigen als standaard",
            Text = "Elke partner start nieuwe groepen met een ervaringsdeskundige als co-begeleider; de regio financiert de inzet.",
            PhaseOut = "Individuele intakegesprekken vóór deelname aan een groep\nWachtlijsten zonder tussentijds groepsaanbod",
            ProposedAt = now.AddDays(-40), Decision = ProposalDecision.Adopted, DecidedAt = now.AddDays(-20), DecidedByUserId = coordinator,
            DecisionText = "Aangenomen door de regietafel: vanaf het volgende kwartaal de standaard in de regio.",
        });
        db.Add(new Proposal
        {
            WorkshopId = workshops[GemChallenge.Context].Id, Title = "Resource group vanaf het eerste gesprek",
            Text = "Het voorportaal vraagt bij elke start wie er om iemand heen staan en nodigt die mensen uit, als de persoon dat wil.",
            PhaseOut = "Formulieren die beginnen met klachten en diagnose", ProposedAt = now.AddDays(-10),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The fictional citizen who sits in every demo workshop.</summary>
    private static async Task<GemUser> EnsureCitizenAsync(GemDbContext db, string password, CancellationToken ct)
    {
        var normalized = CitizenEmail.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is not null) return user;
        user = new GemUser
        {
            UserName = CitizenEmail, NormalizedUserName = normalized, Email = CitizenEmail, NormalizedEmail = normalized, EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = "Burger uit de regio (demo, fictief)", LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<GemUser>().HashPassword(user, password);
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Citizen).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (roleId is { } id) db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = id });
        return user;
    }

}
