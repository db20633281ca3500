using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Community;

/// <summary>
/// A community with every kind of actor: a member, a naaste, a member enrolled in an online group, a moderator, staff of
/// the group's partner, staff of another partner, a signed-in citizen without a handle, and anonymous; and a thread
/// with its own marker word in each kind of space (theme, the offer's thread, the group's closed room, naasten).
/// First posts are not held here (FirstPostsApproval 0), so every marker post is visible; one more post waits.
/// </summary>
public sealed class CommunityWorld
{
    public const string Member = "member", Naaste = "naaste", Enrolled = "enrolled", Moderator = "moderator", StaffOwn = "staff-own",
        StaffOther = "staff-other", NoHandle = "no-handle", Anonymous = "anonymous";
    public static readonly string[] Actors = [Member, Naaste, Enrolled, Moderator, StaffOwn, StaffOther, NoHandle, Anonymous];

    public required GemWebFactory Factory { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }
    public required Dictionary<string, GemUser> Users { get; init; }
    public required Guid OfferId { get; init; }
    /// <summary>Per space kind: the slug, a thread id and the marker word in its post.</summary>
    public required Dictionary<SpaceKind, (string Slug, Guid Thread, string Marker)> Threads { get; init; }
    /// <summary>A word in a post that waits for a moderator.</summary>
    public required string WaitingMarker { get; init; }

    public static async Task<GemWebFactory> FactoryAsync(DatabaseProvider provider)
    {
        var factory = await GemWebFactory.CreateAsync(provider, start: false);
        factory.Settings["Gem:Community:FirstPostsApproval"] = "0";
        _ = factory.Services;
        return factory;
    }

    public static string Word(string prefix) => prefix + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());

    public static async Task<CommunityWorld> CreateAsync(GemWebFactory factory)
    {
        Guid offerId, partnerId, otherPartner;
        await using (var db = factory.Database.CreateContext())
        {
            var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.Partner!.IsFictional).OrderBy(s => s.Start).FirstAsync();
            offerId = session.OfferId;
            partnerId = session.Offer!.PartnerId;
            otherPartner = await db.Partners.Where(p => p.Id != partnerId && p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            await db.Offers.Where(o => o.Id == offerId).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsOnline, true));
        }
        var users = new Dictionary<string, GemUser>
        {
            [Member] = await factory.CreateUserAsync(Roles.Citizen),
            [Naaste] = await factory.CreateUserAsync(Roles.Citizen),
            [Enrolled] = await factory.CreateUserAsync(Roles.Citizen),
            [Moderator] = await factory.CreateUserAsync(Roles.Citizen),
            [StaffOwn] = await factory.CreateUserAsync(Roles.PartnerStaff, partnerId),
            [StaffOther] = await factory.CreateUserAsync(Roles.PartnerStaff, otherPartner),
            [NoHandle] = await factory.CreateUserAsync(Roles.Citizen),
        };
        var threads = new Dictionary<SpaceKind, (string, Guid, string)>();
        var waiting = Word("wacht");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<GemDbContext>();
            var session = await db.Sessions.Where(s => s.OfferId == offerId).OrderBy(s => s.Start).FirstAsync();
            db.Enrolments.Add(new Enrolment { OfferId = offerId, SessionId = session.Id, Name = "Deelnemer", UserId = users[Enrolled].Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var community = sp.GetRequiredService<CommunityService>();
            await community.JoinAsync(users[Member].Id, Word("Lid"), false);
            await community.JoinAsync(users[Naaste].Id, Word("Naaste"), true);
            await community.JoinAsync(users[Enrolled].Id, Word("Groep"), false);
            await community.JoinAsync(users[Moderator].Id, Word("Mod"), false);
            await sp.GetRequiredService<Moderation>().AddModeratorAsync(users[Moderator].Id, ModeratorKind.ExperienceExpert);

            async Task AddAsync(SpaceKind kind, CommunitySpace space, string writer)
            {
                var marker = Word("mark");
                var viewer = await community.ViewerAsync(users[writer].Id);
                var result = await community.CreateThreadAsync(viewer, space.Id, "Draad " + marker, "Bericht met " + marker, null);
                Assert.Equal(PostStatus.Visible, result.Status);
                threads[kind] = (space.Slug, result.ThreadId, marker);
            }
            var theme = await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Slug == CommunityService.ThemeSlug(Gem.Core.Atlas.LifeDomains.LowMood));
            await AddAsync(SpaceKind.Theme, theme, Member);
            await AddAsync(SpaceKind.Offer, await community.OfferSpaceAsync(offerId, SpaceKind.Offer), Member);
            await AddAsync(SpaceKind.GroupRoom, await community.OfferSpaceAsync(offerId, SpaceKind.GroupRoom), Enrolled);
            await AddAsync(SpaceKind.Naasten, await db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Slug == CommunityService.NaastenSlug), Naaste);
            var held = await community.ReplyAsync(await community.ViewerAsync(users[Member].Id), threads[SpaceKind.Theme].Item2, "Hoeveel pillen " + waiting, null);
            Assert.Equal(PostStatus.Waiting, held.Status);
        }
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = factory.CreateClient(new() { AllowAutoRedirect = false }) };
        foreach (var (name, user) in users) clients[name] = await factory.SignedInClientAsync(user);
        return new CommunityWorld { Factory = factory, Clients = clients, Users = users, OfferId = offerId, Threads = threads, WaitingMarker = waiting };
    }
}
