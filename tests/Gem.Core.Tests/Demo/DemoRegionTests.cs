using System.Globalization;
using System.Text.RegularExpressions;
using Gem.Core.Atlas;
using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Tests.Demo;

public class DemoRegionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);
    private static readonly Region Demo = DemoRegion.Build(Now);
    private static IEnumerable<Offer> Offers => Demo.Partners.SelectMany(p => p.Offers);

    /// <summary>Moments around both DST changes, at night and in the evening, to catch time-zone mistakes.</summary>
    public static TheoryData<string> Moments => new()
    {
        "2026-11-23T00:30:00Z", "2026-03-24T18:45:00Z", "2026-10-20T22:30:00Z", "2027-01-01T12:00:00Z", "2026-07-05T05:00:00Z",
    };

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static bool IsGroupOrCourse(Offer o) => o.Format is OfferFormat.Group or OfferFormat.Course;

    [Fact]
    public void Build_DemoRegion_HasAtLeast60FictionalPartners()
    {
        Assert.Equal(DemoRegion.Name, Demo.Name);
        Assert.True(Demo.Partners.Count(p => p.IsFictional) >= 60, $"{Demo.Partners.Count(p => p.IsFictional)} fictional partners");
    }

    [Fact]
    public void Build_EverySector_HasAtLeastTwoPartnersAndTwoGroupOffers()
    {
        foreach (var sector in Enum.GetValues<Sector>())
        {
            var partners = Demo.Partners.Where(p => p.Sector == sector && p.IsFictional).ToList();
            Assert.True(partners.Count >= 2, $"{sector}: {partners.Count} fictional partners");
            Assert.True(partners.SelectMany(p => p.Offers).Count(IsGroupOrCourse) >= 2, $"{sector} has fewer than 2 group offers");
        }
    }

    [Fact]
    public void Build_Partners_AreMarkedFictionalOrAreRealNationalServices()
    {
        foreach (var p in Demo.Partners)
        {
            Assert.NotEmpty(p.Offers);
            if (p.IsFictional)
            {
                Assert.EndsWith("(fictief)", p.Name, StringComparison.Ordinal);
                Assert.EndsWith(".example.org", p.Website, StringComparison.Ordinal);
                Assert.EndsWith(".example.org", p.Email, StringComparison.Ordinal);
                Assert.Matches(@"^0\d{2,3}-000 \d{3,4}$", p.Phone);
                Assert.Contains(p.Pc4, DemoRegion.Pc4Codes);
            }
            else
            {
                Assert.DoesNotContain("fictief", p.Name, StringComparison.Ordinal);
                Assert.DoesNotContain("example", p.Website ?? "", StringComparison.Ordinal);
                Assert.All(p.Offers, o => Assert.True(o.IsOnline));
            }
        }
        Assert.Contains(Demo.Partners, p => p is { Name: "113 Zelfmoordpreventie", Phone: "0800-0113", IsFictional: false });
        Assert.Contains(Demo.Partners, p => p is { Name: "MIND Korrelatie", Phone: "0900-1450", IsFictional: false });
    }

    [Fact]
    public void Build_MostPartners_HaveSignedTheSharedValuesAFewNotYet()
    {
        var fictional = Demo.Partners.Where(p => p.IsFictional).ToList();
        var signed = fictional.Where(p => p.ValuesSignedOn is not null).ToList();
        Assert.True(signed.Count >= fictional.Count * 3 / 4);
        Assert.True(fictional.Count - signed.Count >= 3);
        Assert.All(signed, p => Assert.InRange(p.ValuesSignedOn!.Value.Year, 2024, 2026));
    }

    [Fact]
    public void Build_DemoRegion_HasAtLeast200Offers()
    {
        Assert.True(Offers.Count() >= 200, $"{Offers.Count()} offers");
    }

    [Fact]
    public void Build_Offers_AtLeast70PercentAreGroupsOrCourses()
    {
        var share = (double)Offers.Count(IsGroupOrCourse) / Offers.Count();
        Assert.True(share >= 0.70, $"groups and courses: {share:P1}");
        foreach (var format in Enum.GetValues<OfferFormat>())
            Assert.Contains(Offers, o => o.Format == format);
    }

    [Fact]
    public void Build_DemoRegion_HasExactlyThe29RealPc4Areas()
    {
        string[] expected =
        [
            "3841", "3842", "3843", "3844", "3845", "3846", "3847", "3848", "3849", "3851", "3852", "3853", "3881", "3882",
            "8071", "8072", "8075", "8076", "8077", "8079", "8081", "8082", "8084", "8085", "8091", "8094", "8095", "8096", "8097",
        ];
        Assert.Equal(expected, Demo.Areas.Select(a => a.Pc4).Order(StringComparer.Ordinal));
        Assert.Equal(["Elburg", "Ermelo", "Harderwijk", "Nunspeet", "Oldebroek", "Putten"],
            Demo.Areas.Select(a => a.Gemeente).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Demo.Areas, a => Assert.Equal(Demo.Id, a.RegionId));
        Assert.Contains(Demo.Areas, a => a is { Pc4: "3849", Place: "Hierden", Gemeente: "Harderwijk" });
    }

    [Fact]
    public void Build_Offers_AreCompleteAndPlacedInTheRegionOrOnline()
    {
        var sentenceEnd = new Regex(@"[.!?](\s|$)");
        foreach (var o in Offers)
        {
            Assert.InRange(o.LifeDomains.Each().Count(), 1, 4);
            Assert.NotEqual(Dimensions.None, o.Dimensions);
            Assert.NotEqual(FacilitatorRoles.None, o.Facilitators);
            Assert.InRange(sentenceEnd.Matches(o.Description).Count, 2, 4);
            Assert.False(string.IsNullOrWhiteSpace(o.Accessibility));
            Assert.Matches("^[a-z]{2}(,[a-z]{2})*$", o.Languages);
            Assert.Equal(Now, o.UpdatedAt);
            if (IsGroupOrCourse(o)) Assert.InRange(o.Capacity ?? 0, 6, 20);
            if (o.Format == OfferFormat.Course) Assert.Equal(FlowPolicy.Cohort, o.FlowPolicy);
            if (o.IsOnline)
            {
                Assert.StartsWith("https://", o.OnlineUrl, StringComparison.Ordinal);
                Assert.Null(o.Pc4);
            }
            else
            {
                Assert.Contains(o.Pc4, DemoRegion.Pc4Codes);
                var area = Pc4Directory.Find(o.Pc4)!;
                Assert.Equal(area.Place, o.City);
                Assert.True(Pc4Directory.DistanceKm(area.Latitude, area.Longitude, o.Latitude!.Value, o.Longitude!.Value) < 1.0);
                Assert.False(string.IsNullOrWhiteSpace(o.Address));
            }
        }
        Assert.Contains(Offers, o => o.IsOnline && IsGroupOrCourse(o));
        Assert.Contains(Offers, o => o.Access == Access.Referral);
        Assert.True(Offers.Count(o => o.Access == Access.NoReferral) > Offers.Count() * 3 / 4);
        foreach (var languages in new[] { "nl,en", "nl,ar", "nl,tr", "nl,pl" })
            Assert.Contains(Offers, o => o.Languages.Split(',').Order().SequenceEqual(languages.Split(',').Order()));
    }

    [Fact]
    public void Build_OfferNames_AreUnique()
    {
        var twice = Offers.GroupBy(o => o.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void Build_AnyMoment_SessionsOnlyWithinTheComingEightWeeks(string iso)
    {
        var now = At(iso);
        var region = DemoRegion.Build(now);
        var sessions = region.Partners.SelectMany(p => p.Offers).SelectMany(o => o.Sessions).ToList();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s =>
        {
            Assert.True(s.Start >= now, $"{s.Start:O} is before {now:O}");
            Assert.True(s.End <= now.AddDays(56), $"{s.End:O} is after eight weeks");
            Assert.True(s.End > s.Start);
            Assert.Equal(TimeSpan.Zero, s.Start.Offset);
        });
    }

    [Fact]
    public void Build_Sessions_StartAtTheLocalAmsterdamTimeOfTheSchedule()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var group = Offers.Single(o => o.Name == "Lotgenotengroep Somberheid (Harderwijk)"); // "lantaarn di 19:30-21:00"
        Assert.NotEmpty(group.Sessions);
        Assert.All(group.Sessions, s =>
        {
            var local = TimeZoneInfo.ConvertTime(s.Start, zone);
            Assert.Equal(DayOfWeek.Tuesday, local.DayOfWeek);
            Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(local.DateTime));
            Assert.Equal(TimeSpan.FromMinutes(90), s.End - s.Start);
        });
        Assert.InRange(group.Sessions.Count, 7, 8);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DemoSchedule.EasterSunday(year));
    }

    [Fact]
    public void Build_ChristmasDay_OnlyDailyServicesMeet()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var onChristmas = Offers.Where(o => o.Sessions.Any(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, zone).DateTime) == new DateOnly(2026, 12, 25)))
            .Select(o => o.Name).ToList();
        Assert.Contains("Nachtopvang", onChristmas);
        Assert.DoesNotContain(onChristmas, n => n.StartsWith("Lotgenotengroep", StringComparison.Ordinal));
        Assert.True(onChristmas.Count <= 5, string.Join(", ", onChristmas));
    }

    [Fact]
    public void Build_SameMoment_GivesEqualNamesAndIds()
    {
        var again = DemoRegion.Build(Now);
        static IEnumerable<string> Fingerprint(Region r) =>
            r.Partners.SelectMany(p => p.Offers.SelectMany(o => o.Sessions.Select(s => $"{p.Id} {p.Name} {o.Id} {o.Name} {s.Id} {s.Start:O}"))
                .Prepend($"{p.Id} {p.Name}"));
        Assert.Equal(Demo.Id, again.Id);
        Assert.Equal(Fingerprint(Demo), Fingerprint(again));
    }

    [Fact]
    public void Build_LaterDay_KeepsPartnerAndOfferIds()
    {
        var later = DemoRegion.Build(Now.AddDays(3));
        Assert.Equal(Demo.Partners.Select(p => p.Id), later.Partners.Select(p => p.Id));
        Assert.Equal(Offers.Select(o => o.Id), later.Partners.SelectMany(p => p.Offers).Select(o => o.Id));
    }

    [Fact]
    public void Build_Ids_AreUniqueAndForeignKeysMatch()
    {
        var ids = Demo.Partners.Select(p => p.Id)
            .Concat(Offers.Select(o => o.Id))
            .Concat(Offers.SelectMany(o => o.Sessions).Select(s => s.Id))
            .Append(Demo.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Demo.Partners, p => Assert.Equal(Demo.Id, p.RegionId));
        Assert.All(Demo.Partners, p => Assert.All(p.Offers, o => Assert.Equal(p.Id, o.PartnerId)));
        Assert.All(Offers, o => Assert.All(o.Sessions, s => Assert.Equal(o.Id, s.OfferId)));
    }

    [Theory]
    [MemberData(nameof(Moments))]
    public void Build_EveryLifeDomain_HasThreeGroupOffersWithASessionWithinSevenDays(string iso)
    {
        var now = At(iso);
        var offers = DemoRegion.Build(now).Partners.SelectMany(p => p.Offers).ToList();
        foreach (var domain in Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None))
        {
            var soon = offers.Count(o => IsGroupOrCourse(o) && o.LifeDomains.HasFlag(domain)
                                         && o.Sessions.Any(s => s.Start < now.AddDays(7)));
            Assert.True(soon >= 3, $"{domain}: {soon} group offers start within 7 days of {iso}");
        }
    }

    [Fact]
    public void Build_EveryLifeDomain_HasAWalkInOrOnlineGroupSeveralTimesAWeek()
    {
        foreach (var domain in Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None))
        {
            var frequent = Offers.Where(o => o.LifeDomains.HasFlag(domain) && o.Format != OfferFormat.Individual && o.Format != OfferFormat.HomeSupport
                                            && o.Sessions.Count(s => s.Start < Now.AddDays(7)) >= 2);
            Assert.True(frequent.Any(), $"{domain} has no group-like offer that meets twice a week");
        }
    }

    [SqliteOnly("reads the EF model column lengths; opens no database")]
    [Fact]
    public void Build_EveryText_FitsTheColumnLengthsOfTheModel()
    {
        // SQLite ignores varchar lengths; PostgreSQL does not. Check them here so seeding works on both.
        using var db = GemDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var rows = new List<object> { Demo };
        rows.AddRange(Demo.Areas);
        rows.AddRange(Demo.Partners);
        rows.AddRange(Offers);
        rows.AddRange(Offers.SelectMany(o => o.Sessions));
        foreach (var row in rows)
        {
            var entity = db.Model.FindEntityType(row.GetType())!;
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                var value = (string?)property.PropertyInfo?.GetValue(row);
                Assert.True((value?.Length ?? 0) <= property.GetMaxLength(), $"{entity.ClrType.Name}.{property.Name} too long: {value}");
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedIfEmptyAsync_EmptyDatabase_SeedsOnceThenReturnsFalse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var clock = new FixedClock(Now);
        await using (var db = database.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
            Assert.True(await DemoRegion.SeedIfEmptyAsync(db, clock));
        }
        await using (var db = database.CreateContext())
        {
            Assert.False(await DemoRegion.SeedIfEmptyAsync(db, clock));
            Assert.Equal(1, await db.Regions.CountAsync());
            Assert.Equal(29, await db.RegionAreas.CountAsync());
            Assert.Equal(Demo.Partners.Count, await db.Partners.CountAsync());
            Assert.Equal(Offers.Count(), await db.Offers.CountAsync());
            Assert.Equal(Offers.Sum(o => o.Sessions.Count), await db.Sessions.CountAsync());
            Assert.True(await db.Sessions.AllAsync(s => s.Start >= Now));
            Assert.Equal(7.5m, (await db.Offers.FirstAsync(o => o.Name.StartsWith("Yoga voor rust"))).CostEuros);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
