using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Plan;

/// <summary>
/// A person with data in every category, and every kind of actor around them: another citizen, a resource-group
/// member with and without consent, partner staff with and without consent, a coordinator and anonymous.
/// </summary>
public sealed class PlanWorld
{
    public required GemWebFactory Factory { get; init; }
    public required GemUser Person { get; init; }
    /// <summary>Appears in every piece of the person's data; nobody without consent may see it.</summary>
    public required string Marker { get; init; }
    /// <summary>The person's display name (not the marker: members may know the name of whose group they are in).</summary>
    public required string Name { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }
    public required Dictionary<string, GemUser> Users { get; init; }
    public required Guid MemberWithConsentId { get; init; }
    public required Guid PartnerWithConsent { get; init; }

    public const string Self = "person", OtherCitizen = "other-citizen", MemberWith = "member-with-consent", MemberWithout = "member-without-consent",
        StaffWith = "staff-with-consent", StaffWithout = "staff-without-consent", Coordinator = "coordinator", Anonymous = "anonymous";

    public static readonly string[] Actors = [Self, OtherCitizen, MemberWith, MemberWithout, StaffWith, StaffWithout, Coordinator, Anonymous];

    public static async Task<PlanWorld> CreateAsync(GemWebFactory factory)
    {
        var marker = "Pmark" + Guid.NewGuid().ToString("N")[..10];
        var name = "Pname" + Guid.NewGuid().ToString("N")[..10];
        await using var db = factory.Database.CreateContext();
        var partners = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Take(2).Select(p => p.Id).ToListAsync();
        var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.PartnerId == partners[0]).OrderBy(s => s.Start).FirstAsync();

        var users = new Dictionary<string, GemUser>
        {
            [Self] = await factory.CreateUserAsync(Roles.Citizen),
            [OtherCitizen] = await factory.CreateUserAsync(Roles.Citizen),
            [MemberWith] = await factory.CreateUserAsync(Roles.Citizen),
            [MemberWithout] = await factory.CreateUserAsync(Roles.Citizen),
            [StaffWith] = await factory.CreateUserAsync(Roles.PartnerStaff, partners[0]),
            [StaffWithout] = await factory.CreateUserAsync(Roles.PartnerStaff, partners[1]),
            [Coordinator] = await factory.CreateUserAsync(Roles.Coordinator),
        };
        var person = users[Self];
        Guid memberWithId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var userManager = sp.GetRequiredService<UserManager<GemUser>>();
            var u = (await userManager.FindByIdAsync(person.Id.ToString()))!;
            u.DisplayName = name;
            await userManager.UpdateAsync(u);

            var plans = sp.GetRequiredService<PlanService>();
            await plans.SavePlanAsync(person.Id, new PlanText("Begon " + marker, "Helpt " + marker));
            await plans.AddGoalAsync(person.Id, "Doel " + marker);
            await plans.SaveStoryAsync(person.Id, new StoryText("Verhaal " + marker, true));
            await plans.SaveCrisisPlanAsync(person.Id, new CrisisPlanText("Signalen " + marker, "Ik " + marker, "Anderen " + marker, "Bel " + marker, "Niet " + marker));
            await plans.AddCheckInAsync(person.Id, new CheckInInput(5, 6, 7, 8, 4, 6, 3, 4));
            var gemDb = sp.GetRequiredService<GemDbContext>();
            gemDb.Enrolments.Add(new Enrolment
            {
                OfferId = session.OfferId, SessionId = session.Id, Name = "Naam " + marker, Email = person.Email, UserId = person.Id, CreatedAt = DateTimeOffset.UtcNow,
            });
            await gemDb.SaveChangesAsync();

            var group = sp.GetRequiredService<ResourceGroup>();
            var with = await group.InviteAsync(person.Id, name, users[MemberWith].Email!, "Lid " + marker, MemberRole.Naaste);
            await group.AcceptAsync(with.Token!, users[MemberWith].Id);
            var without = await group.InviteAsync(person.Id, name, users[MemberWithout].Email!, null, MemberRole.Vriend);
            await group.AcceptAsync(without.Token!, users[MemberWithout].Id);
            memberWithId = with.Id;

            var consents = sp.GetRequiredService<ConsentService>();
            foreach (var c in Enum.GetValues<DataCategory>())
            {
                await consents.GiveAsync(person.Id, RecipientKind.Member, with.Id, c);
                await consents.GiveAsync(person.Id, RecipientKind.Partner, partners[0], c);
            }
            // Given and withdrawn again: a withdrawn consent must count for nothing.
            await consents.GiveAsync(person.Id, RecipientKind.Member, without.Id, DataCategory.CrisisPlan);
            await consents.WithdrawAsync(person.Id, RecipientKind.Member, without.Id, DataCategory.CrisisPlan);
        }

        var clients = new Dictionary<string, HttpClient>();
        foreach (var (actor, user) in users) clients[actor] = await factory.SignedInClientAsync(user);
        clients[Anonymous] = factory.CreateClient(new() { AllowAutoRedirect = false });
        return new PlanWorld
        {
            Factory = factory, Person = person, Marker = marker, Name = name, Clients = clients, Users = users,
            MemberWithConsentId = memberWithId, PartnerWithConsent = partners[0],
        };
    }
}
