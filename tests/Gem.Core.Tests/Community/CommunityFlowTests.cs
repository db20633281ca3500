using Gem.Core.Atlas;
using Gem.Core.Community;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Community;

/// <summary>The moderation rules at work on a real database (both providers), with a clock that can be set to day or night.</summary>
public sealed class CommunityFlowTests
{
    /// <summary>03:00 in Amsterdam: outside the moderated hours. 12:00: inside.</summary>
    private static readonly DateTimeOffset Night = new(2026, 1, 15, 2, 0, 0, TimeSpan.Zero), Noon = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);

    private sealed class World(TestDatabase database, FakeTimeProvider clock) : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;
        public FakeTimeProvider Clock { get; } = clock;
        public GemDbContext Db { get; } = database.CreateContext();
        public CommunityOptions Options { get; } = new();
        public CommunityService Community => new(Db, Microsoft.Extensions.Options.Options.Create(Options), Mail, Clock, new PublicQuestions(Db, new ConsultationPool(Db), Clock));
        public Moderation Moderation => new(Db, Microsoft.Extensions.Options.Options.Create(Options), Mail, Clock);
        private static readonly Microsoft.Extensions.Options.IOptions<Gem.Core.Mail.MailOptions> Mail = Microsoft.Extensions.Options.Options.Create(new Gem.Core.Mail.MailOptions { PublicBaseUrl = "https://gem.test.example" });
        public Guid PartnerId { get; set; }
        public Guid OfferId { get; set; }

        public async Task<GemUser> UserAsync(Guid? partnerId = null)
        {
            var email = $"u{Guid.NewGuid():N}@test.gem.example";
            var user = new GemUser { UserName = email, Email = email, PartnerId = partnerId };
            Db.Users.Add(user);
            await Db.SaveChangesAsync();
            return user;
        }

        public async Task<CommunityViewer> MemberAsync(string handle, int approved = 3)
        {
            var user = await UserAsync();
            var member = await Community.JoinAsync(user.Id, handle, isNaaste: false);
            member.ApprovedPosts = approved;
            Db.Update(member);
            await Db.SaveChangesAsync();
            return await ViewerAsync(user.Id);
        }

        public async Task<CommunityViewer> ModeratorAsync(Guid? partnerId = null, bool onDuty = false, ModeratorKind kind = ModeratorKind.ExperienceExpert)
        {
            var user = await UserAsync(partnerId);
            await Moderation.AddModeratorAsync(user.Id, kind);
            if (onDuty) await Moderation.SetOnDutyAsync(user.Id, true);
            return await ViewerAsync(user.Id);
        }

        public async Task<CommunityViewer> ViewerAsync(Guid userId)
        {
            Db.ChangeTracker.Clear();
            return await CommunityViewer.LoadAsync(Db, userId, default);
        }

        public Task<CommunitySpace> ThemeAsync() => Db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Slug == CommunityService.ThemeSlug(LifeDomains.LowMood));

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<World> CreateAsync(DatabaseProvider provider, DateTimeOffset now)
    {
        var world = new World(await TestDatabase.CreateAsync(provider), new FakeTimeProvider(now));
        var region = new Region { Name = "Testregio" };
        var partner = new Partner { Name = "Herstelacademie Test (fictief)", Sector = Sector.Herstelacademie, RegionId = region.Id };
        var offer = new Offer { Name = "Online lotgenotengroep", PartnerId = partner.Id, Format = OfferFormat.Group, IsOnline = true, LifeDomains = LifeDomains.LowMood };
        world.Db.AddRange(region, partner, offer);
        await world.Db.SaveChangesAsync();
        world.PartnerId = partner.Id;
        world.OfferId = offer.Id;
        await world.Community.EnsureSpacesAsync();
        return world;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstPosts_WaitForApproval_ThenGoStraightThrough(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.ThemeAsync();
        var newcomer = await w.MemberAsync("Nieuw1", approved: 0);
        var moderator = await w.ModeratorAsync();
        var first = await w.Community.CreateThreadAsync(newcomer, space.Id, "Hallo allemaal", "Ik ben nieuw hier.", null);
        Assert.Equal((PostStatus.Waiting, HoldReason.FirstPosts), (first.Status, first.Hold));
        // Others do not see the thread yet; the writer does.
        var other = await w.MemberAsync("Ander1");
        await Assert.ThrowsAsync<NotFoundException>(() => w.Community.ThreadAsync(other, first.ThreadId, 1));
        Assert.Single((await w.Community.ThreadAsync(await w.ViewerAsync(newcomer.UserId!.Value), first.ThreadId, 1)).Posts);
        // The member sees why it waits.
        Assert.Contains(await w.Community.ActionsAboutAsync(newcomer.UserId!.Value), a => a.Kind == ModerationKind.Hold && a.Reason.Contains("eerste berichten", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ValidationException>(() => w.Moderation.ApproveAsync(moderator, first.PostId, " "));
        await w.Moderation.ApproveAsync(moderator, first.PostId, "Welkom!");
        Assert.Single((await w.Community.ThreadAsync(other, first.ThreadId, 1)).Posts);

        for (var i = 0; i < 2; i++)
        {
            var r = await w.Community.ReplyAsync(await w.ViewerAsync(newcomer.UserId!.Value), first.ThreadId, "Nog een bericht " + i, null);
            Assert.Equal(PostStatus.Waiting, r.Status);
            await w.Moderation.ApproveAsync(moderator, r.PostId, "Prima");
        }
        var fourth = await w.Community.ReplyAsync(await w.ViewerAsync(newcomer.UserId!.Value), first.ThreadId, "Mijn vierde bericht", null);
        Assert.Equal(PostStatus.Visible, fourth.Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Youth_EveryPostWaits(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var youth = await w.Db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Slug == CommunityService.YouthSlug);
        var regular = await w.MemberAsync("Vaste1", approved: 50);
        var r = await w.Community.CreateThreadAsync(regular, youth.Id, "School", "Het gaat wel.", null);
        Assert.Equal((PostStatus.Waiting, HoldReason.Youth), (r.Status, r.Hold));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Flags_HideAtThresholdAtNight_NotByDay(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Night);
        var space = await w.ThemeAsync();
        var writer = await w.MemberAsync("Schrijver");
        var night = await w.Community.CreateThreadAsync(writer, space.Id, "Nachtpost", "Iets vervelends", null);
        var flaggers = new List<CommunityViewer>();
        for (var i = 0; i < 3; i++) flaggers.Add(await w.MemberAsync("Melder" + i));
        await w.Community.FlagAsync(flaggers[0], night.PostId, "Kwetsend");
        await w.Community.FlagAsync(flaggers[0], night.PostId, "Nog eens"); // counted once
        await w.Community.FlagAsync(flaggers[1], night.PostId, null);
        Assert.Equal(PostStatus.Visible, (await w.Db.Set<CommunityPost>().AsNoTracking().FirstAsync(p => p.Id == night.PostId)).Status);
        await w.Community.FlagAsync(flaggers[2], night.PostId, null);
        var hidden = await w.Db.Set<CommunityPost>().AsNoTracking().FirstAsync(p => p.Id == night.PostId);
        Assert.Equal((PostStatus.Hidden, 3), (hidden.Status, hidden.Flags));
        Assert.Contains(await w.Community.ActionsAboutAsync(writer.UserId!.Value), a => a.Kind == ModerationKind.AutoHide);

        w.Clock.SetUtcNow(Noon);
        var day = await w.Community.CreateThreadAsync(await w.ViewerAsync(writer.UserId!.Value), space.Id, "Dagpost", "Iets anders", null);
        foreach (var f in flaggers) await w.Community.FlagAsync(f, day.PostId, null);
        Assert.Equal(PostStatus.Visible, (await w.Db.Set<CommunityPost>().AsNoTracking().FirstAsync(p => p.Id == day.PostId)).Status);
        var moderator = await w.ModeratorAsync();
        Assert.Contains(await w.Moderation.QueueAsync(moderator), q => q.Post.Id == day.PostId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThreeStrikes_Suspend_AppealOverturns(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.ThemeAsync();
        var member = await w.MemberAsync("Ruziemaker");
        var moderator = await w.ModeratorAsync();
        var second = await w.ModeratorAsync();
        var posts = new List<Guid>();
        for (var i = 0; i < 3; i++) posts.Add((await w.Community.CreateThreadAsync(await w.ViewerAsync(member.UserId!.Value), space.Id, "Draad " + i, "Tekst " + i, null)).PostId);
        await w.Moderation.RemoveAsync(moderator, posts[0], "Schelden", strike: true);
        await w.Moderation.RemoveAsync(moderator, posts[1], "Weer schelden", strike: true);
        Assert.NotNull(CommunityAccess.WritesAs(space, await w.ViewerAsync(member.UserId!.Value), false, Noon));
        await w.Moderation.RemoveAsync(moderator, posts[2], "Opnieuw", strike: true);
        var suspended = await w.ViewerAsync(member.UserId!.Value);
        Assert.True(suspended.IsSuspended);
        Assert.Null(CommunityAccess.WritesAs(space, suspended, false, Noon));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Community.CreateThreadAsync(suspended, space.Id, "Nog een", "Tekst", null));

        // Every action has its reason for the member, and the member appeals the last strike.
        var actions = await w.Community.ActionsAboutAsync(member.UserId!.Value);
        Assert.All(actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        var lastStrike = actions.First(a => a.Kind == ModerationKind.Strike);
        await w.Moderation.AppealAsync(member.UserId!.Value, lastStrike.Id, "Dit was een citaat, geen scheldwoord.");
        await Assert.ThrowsAsync<ConflictException>(() => w.Moderation.AppealAsync(member.UserId!.Value, lastStrike.Id, "Nog eens"));
        // The moderator who acted does not decide the appeal.
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Moderation.DecideAppealAsync(moderator, lastStrike.Id, true, "Nee"));
        Assert.Contains(await w.Moderation.AppealsAsync(second), a => a.Action.Id == lastStrike.Id);
        await w.Moderation.DecideAppealAsync(second, lastStrike.Id, overturn: true, "Je hebt gelijk, sorry.");
        var after = await w.ViewerAsync(member.UserId!.Value);
        Assert.False(after.IsSuspended);
        Assert.Equal(2, after.Member!.Strikes);
        var decided = (await w.Community.ActionsAboutAsync(member.UserId!.Value)).First(a => a.Id == lastStrike.Id);
        Assert.Equal((AppealOutcome.Overturned, "Je hebt gelijk, sorry."), (decided.AppealOutcome!.Value, decided.AppealAnswer!));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrisisPhrase_PostWaits_ModeratorOnDutyAlerted_WithoutTheWords(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Night);
        var space = await w.ThemeAsync();
        var onDuty = await w.ModeratorAsync(onDuty: true);
        var offDuty = await w.ModeratorAsync();
        var member = await w.MemberAsync("Somber1", approved: 10);
        var r = await w.Community.CreateThreadAsync(member, space.Id, "Vannacht", "Ik wil er niet meer zijn, echt niet.", null);
        Assert.Equal((PostStatus.Waiting, HoldReason.Crisis), (r.Status, r.Hold));
        var mails = await w.Db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith(Moderation.AlertKind)).ToListAsync();
        var to = await w.Db.Users.Where(u => u.Id == onDuty.UserId).Select(u => u.Email).FirstAsync();
        var mail = Assert.Single(mails);
        Assert.Equal(to, mail.To);
        Assert.DoesNotContain("niet meer zijn", mail.Body!, StringComparison.Ordinal);
        Assert.Equal(HoldReason.Crisis, (await w.Moderation.QueueAsync(offDuty))[0].Post.HoldReason);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrisisWithNobodyOnDuty_AlertsTheProfessional(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Night);
        var space = await w.ThemeAsync();
        _ = await w.ModeratorAsync();
        var professional = await w.ModeratorAsync(kind: ModeratorKind.Professional);
        var member = await w.MemberAsync("Somber2", approved: 10);
        await w.Community.CreateThreadAsync(member, space.Id, "Help", "I want to die", null);
        var mail = Assert.Single(await w.Db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Key.StartsWith(Moderation.AlertKind)).ToListAsync());
        Assert.Equal(await w.Db.Users.Where(u => u.Id == professional.UserId).Select(u => u.Email).FirstAsync(), mail.To);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfferThread_PartnerAnswers_NeverModeratesItsOwnReviews(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.Community.OfferSpaceAsync(w.OfferId, SpaceKind.Offer);
        var member = await w.MemberAsync("Deelnemer");
        var review = await w.Community.CreateThreadAsync(member, space.Id, "Mijn ervaring", "De groep hielp me niet.", null);
        var staffUser = await w.UserAsync(w.PartnerId);
        var staff = new CommunityViewer(staffUser.Id, null, w.PartnerId, null, w.PartnerId);
        var answer = await w.Community.ReplyAsync(staff, review.ThreadId, "Jammer om te horen. Bel ons gerust.", null);
        Assert.Equal(PostStatus.Visible, answer.Status);
        var view = await w.Community.ThreadAsync(staff, review.ThreadId, 1);
        Assert.Contains(view.Posts, p => p.Post.AuthorKind == AuthorKind.Partner && p.Author == "Herstelacademie Test (fictief)");
        Assert.False(view.MayModerate);
        // A moderator who works for the partner cannot remove the review; another moderator can.
        var own = await w.ModeratorAsync(w.PartnerId);
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Moderation.RemoveAsync(own, review.PostId, "Onterecht", strike: false));
        var neutral = await w.ModeratorAsync();
        await w.Moderation.RemoveAsync(neutral, review.PostId, "Test", strike: false);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leave_AnonymiseKeepsPostsWithoutName_DeleteRemovesThem_ExportHasThem(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.ThemeAsync();
        var keeper = await w.MemberAsync("Blijver");
        var a = await w.MemberAsync("Anoniem1");
        var d = await w.MemberAsync("Wisser1");
        var t1 = await w.Community.CreateThreadAsync(a, space.Id, "Van Anoniem1", "Tekst van anoniem1", null);
        var t2 = await w.Community.CreateThreadAsync(d, space.Id, "Van Wisser1", "Tekst van wisser1", null);
        await w.Community.ReplyAsync(keeper, t2.ThreadId, "Reactie van blijver", null);

        var export = await w.Community.ExportAsync(d.UserId!.Value);
        Assert.Contains(export!.Posts, p => p.Body == "Tekst van wisser1");
        Assert.Contains(export.Threads, t => t.Title == "Van Wisser1");

        await w.Community.LeaveAsync(a.UserId!.Value, deletePosts: false);
        await w.Community.LeaveAsync(d.UserId!.Value, deletePosts: true);
        w.Db.ChangeTracker.Clear();
        Assert.Null(await w.Community.ExportAsync(a.UserId!.Value));
        var kept = await w.Db.Set<CommunityPost>().AsNoTracking().FirstAsync(p => p.Id == t1.PostId);
        Assert.Null(kept.AuthorMemberId);
        Assert.False(await w.Db.Set<CommunityPost>().AnyAsync(p => p.Body == "Tekst van wisser1"));
        Assert.True(await w.Db.Set<CommunityPost>().AnyAsync(p => p.Body == "Reactie van blijver"));
        Assert.False(await w.Db.Set<CommunityThread>().AnyAsync(t => t.Title == "Van Wisser1"));
        Assert.False(await w.Db.Set<CommunityMember>().AnyAsync(m => m.Handle == "Anoniem1" || m.Handle == "Wisser1"));
        // The deleted post is gone from the search index too.
        Assert.Empty(await new CommunitySearch(w.Db).SearchAsync(await w.ViewerAsync(keeper.UserId!.Value), "wisser1"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pause_NoWritingUntilItEnds(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.ThemeAsync();
        var member = await w.MemberAsync("Rustig");
        await w.Community.PauseAsync(member.UserId!.Value, 7);
        var paused = await w.ViewerAsync(member.UserId!.Value);
        Assert.True(paused.IsPaused(w.Clock.GetUtcNow()));
        await Assert.ThrowsAsync<ForbiddenException>(() => w.Community.CreateThreadAsync(paused, space.Id, "Toch", "Even", null));
        w.Clock.Advance(TimeSpan.FromDays(7.1));
        Assert.Equal(PostStatus.Visible, (await w.Community.CreateThreadAsync(paused, space.Id, "Terug", "Daar ben ik weer", null)).Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FindsVisiblePostsInReadableSpacesOnly(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var theme = await w.ThemeAsync();
        var naasten = await w.Db.Set<CommunitySpace>().AsNoTracking().FirstAsync(s => s.Slug == CommunityService.NaastenSlug);
        var member = await w.MemberAsync("Zoeker");
        var naaste = await w.MemberAsync("Naaste1");
        await w.Community.SetNaasteAsync(naaste.UserId!.Value, true);
        naaste = await w.ViewerAsync(naaste.UserId!.Value);
        await w.Community.CreateThreadAsync(member, theme.Id, "Wandelen", "Wandelen in het bos helpt mij enorm", null);
        await w.Community.CreateThreadAsync(naaste, naasten.Id, "Mijn zoon", "Wandelen met mijn zoon lukt niet meer", null);
        var newcomer = await w.MemberAsync("Nieuweling", approved: 0);
        await w.Community.CreateThreadAsync(newcomer, theme.Id, "Wachtend", "Wandelen wacht nog op een moderator", null);
        var search = new CommunitySearch(w.Db);
        Assert.Single(await search.SearchAsync(member, "wandelen"));
        Assert.Equal(2, (await search.SearchAsync(naaste, "wandelen")).Count);
        Assert.Single(await search.SearchAsync(member, "bos helpt"));
        Assert.Empty(await search.SearchAsync(CommunityViewer.Anonymous, "wandelen"));
        // Query syntax is never passed through.
        Assert.Empty(await search.SearchAsync(member, "\" OR * NEAR( -- ;"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FindsADutchWordByItsStem(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var theme = await w.ThemeAsync();
        var member = await w.MemberAsync("Wandelaar");
        var posted = await w.Community.CreateThreadAsync(member, theme.Id, "Buiten", "Wij maakten zondag lange wandelingen langs de rivier", null);
        var search = new CommunitySearch(w.Db);
        // "wandeling" finds "wandelingen": PostgreSQL's Dutch stemmer, SQLite's prefix match on the last word.
        Assert.Equal(posted.PostId, Assert.Single(await search.SearchAsync(member, "wandeling")).PostId);
        Assert.Equal(posted.PostId, Assert.Single(await search.SearchAsync(member, "Rivier WANDELING")).PostId);
        Assert.Empty(await search.SearchAsync(member, "wandeling bergen"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WithMoreThan200Matches_ShowsTheNewest(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var theme = await w.ThemeAsync();
        var member = await w.MemberAsync("Veelzoeker");
        var thread = await w.Community.CreateThreadAsync(member, theme.Id, "Koffie", "Over koffie", null);
        var start = w.Clock.GetUtcNow();
        w.Db.AddRange(Enumerable.Range(0, CommunitySearch.Candidates + 50).Select(i => new CommunityPost
        {
            ThreadId = thread.ThreadId, SpaceId = theme.Id, AuthorKind = AuthorKind.Member, AuthorMemberId = member.Member!.Id,
            Body = "Weer een kopje koffie " + i, Html = "<p>Weer een kopje koffie " + i + "</p>", Status = PostStatus.Visible,
            CreatedAt = start.AddMinutes(i + 1), VisibleAt = start.AddMinutes(i + 1),
        }));
        await w.Db.SaveChangesAsync();
        var hits = await new CommunitySearch(w.Db).SearchAsync(member, "kopje");
        Assert.Equal(Enumerable.Range(200, 50).Reverse().Select(i => "Weer een kopje koffie " + i), hits.Select(h => h.Excerpt));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LongThread_EveryPageShowsItsPostsInOrder_FromTheFrontAndFromTheEnd(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var theme = await w.ThemeAsync();
        var writer = await w.MemberAsync("Veelschrijver");
        var thread = await w.Community.CreateThreadAsync(writer, theme.Id, "Een lange draad", "Bericht 0", null);
        for (var i = 1; i < 2 * CommunityService.PostsPerPage + 20; i++)
        {
            // Every third post shares its minute with the one before, so equal times are ordered by id on every page.
            if (i % 3 != 0) w.Clock.Advance(TimeSpan.FromMinutes(1));
            await w.Community.ReplyAsync(writer, thread.ThreadId, "Bericht " + i, null);
        }
        // A newcomer's waiting reply: only the newcomer (and moderators) see it, in its place at the end.
        var newcomer = await w.MemberAsync("Nieuwkomer", approved: 0);
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await w.Community.ReplyAsync(newcomer, thread.ThreadId, "Wachtend bericht", null);
        Assert.Equal(PostStatus.Waiting, waiting.Status);

        var expected = await w.Db.Set<CommunityPost>().AsNoTracking().Where(p => p.ThreadId == thread.ThreadId && p.Status == PostStatus.Visible)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync();
        Assert.Equal(120, expected.Count);
        var reader = await w.MemberAsync("Lezer");
        var pages = new List<ThreadView>();
        for (var page = 1; page <= 3; page++) pages.Add(await w.Community.ThreadAsync(reader, thread.ThreadId, page));
        Assert.All(pages, p => Assert.Equal(3, p.Pages));
        Assert.Equal([50, 50, 20], pages.Select(p => p.Posts.Count));
        Assert.Equal(expected, pages.SelectMany(p => p.Posts).Select(p => p.Post.Id));
        Assert.Equal(Enumerable.Range(50, 50).Select(i => "Bericht " + i).Order(), pages[1].Posts.Select(p => p.Post.Body).Order());
        Assert.Equal("Bericht 119", pages[2].Posts[^1].Post.Body);
        // A page past the end shows the last page.
        Assert.Equal(expected[100..], (await w.Community.ThreadAsync(reader, thread.ThreadId, int.MaxValue)).Posts.Select(p => p.Post.Id));

        var own = await w.Community.ThreadAsync(await w.ViewerAsync(newcomer.UserId!.Value), thread.ThreadId, int.MaxValue);
        Assert.Equal((3, 21), (own.Pages, own.Posts.Count));
        Assert.Equal(waiting.PostId, own.Posts[^1].Post.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThreadList_LatestActivityFirst_WithVisiblePostCounts(DatabaseProvider provider)
    {
        await using var w = await CreateAsync(provider, Noon);
        var space = await w.ThemeAsync();
        var member = await w.MemberAsync("Starter");
        var threads = new List<Guid>();
        for (var i = 0; i < CommunityService.ThreadsPerPage + 1; i++)
        {
            w.Clock.Advance(TimeSpan.FromMinutes(1));
            threads.Add((await w.Community.CreateThreadAsync(member, space.Id, "Draad " + i, "Begin " + i, null)).ThreadId);
        }
        var (first, pages) = await w.Community.ThreadsAsync(space, 1);
        Assert.Equal(2, pages);
        Assert.Equal(threads[^1], first[0].Thread.Id);
        Assert.Equal(threads[0], Assert.Single((await w.Community.ThreadsAsync(space, 2)).Threads).Thread.Id);

        // A visible reply moves the oldest thread to the top; a reply that waits neither moves nor counts.
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        await w.Community.ReplyAsync(member, threads[0], "Een antwoord", null);
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        await w.Community.ReplyAsync(await w.MemberAsync("Nieuw2", approved: 0), threads[1], "Wacht nog", null);
        (first, _) = await w.Community.ThreadsAsync(space, 1);
        Assert.Equal(threads[0], first[0].Thread.Id);
        Assert.Equal(("Starter", 2), (first[0].Author, first[0].Posts));
        Assert.Equal(threads[^1], first[1].Thread.Id);
        Assert.Equal(threads[1], Assert.Single((await w.Community.ThreadsAsync(space, 2)).Threads).Thread.Id);
        Assert.Equal(1, first.Single(t => t.Thread.Id == threads[2]).Posts);
    }
}
