using Gem.Core.Abuse;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gem.Web.Tests.Hardening;

/// <summary>
/// An anonymous write's abuse counters go to the database in one round trip (issue 17) and mean the same as one by one:
/// each rule counts once, in order, and when a rule refuses, the rules after it are not counted.
/// </summary>
public sealed class RateCounterBatchTests
{
    private static readonly RateRule Tight = new("test-tight", 1, TimeSpan.FromHours(1));
    private static readonly RateRule Loose = new("test-loose", 5, TimeSpan.FromHours(1));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HitAll_CountsEachInOrder_SameRuleAndPartitionTwiceCountsTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var counters = new RateCounters(db, TimeProvider.System);

        var first = await counters.HitAllAsync([(Loose, "b"), (Tight, "a"), (Loose, "b")]);
        var second = await counters.HitAllAsync([(Tight, "a"), (Loose, "c")]);

        Assert.Equal([2, 1, 2], first.Select(c => c.Count));
        Assert.Equal([2, 1], second.Select(c => c.Count));
        Assert.Equal(2, (await counters.PeekAsync(Loose, "b")).Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ensure_ARuleRefuses_LaterRulesAreNotCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var counters = new RateCounters(db, TimeProvider.System);
        var limits = new AbuseLimits(counters, new ConfigurationBuilder().Build(), TimeProvider.System);

        await limits.EnsureAsync([(Loose, "ip"), (Tight, "contact"), (Loose, "session")], default);
        await Assert.ThrowsAsync<TooManyAttemptsException>(() => limits.EnsureAsync([(Loose, "ip"), (Tight, "contact"), (Loose, "session")], default));

        Assert.Equal(2, (await counters.PeekAsync(Loose, "ip")).Count);     // before the refusing rule: counted
        Assert.Equal(2, (await counters.PeekAsync(Tight, "contact")).Count); // the refusing rule: counted, as one by one
        Assert.Equal(1, (await counters.PeekAsync(Loose, "session")).Count); // after it: taken back
    }
}
