using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Consent;

/// <summary>The access log is append-only in the database itself, on both providers.</summary>
public sealed class AccessLogTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateOrDelete_AnyWay_DatabaseRefuses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var subject = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await AccessLog.WriteAsync(db, new FakeTimeProvider(DateTimeOffset.UtcNow), new AccessLogEntry
            {
                ActorUserId = Guid.NewGuid(), ActorRole = "partner-staff", SubjectUserId = subject, What = "CrisisPlan", Action = AccessAction.Read, Allowed = false,
            });
        }

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AccessLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.Allowed, true)));
            await Assert.ThrowsAnyAsync<Exception>(() => db.AccessLog.ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessLog\""));
            var tracked = await db.AccessLog.FirstAsync();
            tracked.What = "Changed";
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        }
        if (provider == DatabaseProvider.Postgres)
        {
            await using var db = database.CreateContext();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AccessLog\""));
        }

        await using var check = database.CreateContext();
        var entry = await check.AccessLog.SingleAsync();
        Assert.Equal(subject, entry.SubjectUserId);
        Assert.False(entry.Allowed);
        Assert.Equal("CrisisPlan", entry.What);
    }

    [Fact]
    public void AccessLog_HasNoUpdateOrDeleteMethod()
    {
        var names = typeof(AccessLog).GetMethods().Select(m => m.Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains("Update", StringComparison.Ordinal) || n.Contains("Delete", StringComparison.Ordinal) || n.Contains("Remove", StringComparison.Ordinal));
    }
}
