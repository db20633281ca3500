using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Community;

/// <summary>A match; the page names its <see cref="Space"/> in the reader's language (a theme's title is its life domain).</summary>
public sealed record SearchHit(Guid PostId, Guid ThreadId, string ThreadTitle, CommunitySpace Space, string Excerpt, DateTimeOffset At);

/// <summary>
/// Full-text search over visible posts (decision 904): PostgreSQL's Dutch text search on a stored tsvector column with a
/// GIN index (I20bCommunityAtScale: the column gives the planner word statistics, so a rare word goes through the index
/// and a common one walks the newest posts without parsing them again), or SQLite's FTS5 table kept by triggers (I20Community). The database finds the newest 200
/// matches; only those in spaces the viewer may read are returned.
/// </summary>
public sealed class CommunitySearch(GemDbContext db)
{
    public const int Candidates = 200;
    /// <summary>PostgreSQL: how many of the newest visible posts are searched first (a word in 1% of posts has its 200 there).</summary>
    public const int RecentWindow = 20_000;

    public async Task<List<SearchHit>> SearchAsync(CommunityViewer viewer, string? words, int take = 50, CancellationToken ct = default)
    {
        var terms = (words ?? "").Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new string(t.Where(c => char.IsLetterOrDigit(c) || c is '-' or '\'').ToArray()))
            .Where(t => t.Any(char.IsLetterOrDigit)).Take(10).ToList();
        if (terms.Count == 0 || (viewer.Member is null && viewer.StaffPartnerId is null && !viewer.IsModerator)) return [];

        List<Guid> ids;
        if (db.Database.IsNpgsql())
        {
            // Two steps, so neither a common nor a rare word depends on the planner's guess of how many posts match
            // (it guesses at most 0.5% for any word it has no statistics for, and then walks every post newest first).
            // First the newest posts, filtered on the stored vector: a common word has its 200 there. If not, every
            // match comes from the GIN index (MATERIALIZED keeps it that way) and is sorted: a rare word has few.
            var query = string.Join(' ', terms);
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT r."Id" AS "Value" FROM (
                    SELECT p."Id", p."CreatedAt", p."SearchVector" FROM "CommunityPosts" p
                    WHERE p."Status" = 1 ORDER BY p."CreatedAt" DESC LIMIT {RecentWindow}) r
                WHERE r."SearchVector" @@ plainto_tsquery('dutch'::regconfig, {query})
                ORDER BY r."CreatedAt" DESC LIMIT 200
                """).ToListAsync(ct);
            if (ids.Count < Candidates)
            {
                ids = await db.Database.SqlQuery<Guid>($"""
                    WITH m AS MATERIALIZED (
                        SELECT p."Id", p."CreatedAt" FROM "CommunityPosts" p
                        WHERE p."SearchVector" @@ plainto_tsquery('dutch'::regconfig, {query}) AND p."Status" = 1)
                    SELECT m."Id" AS "Value" FROM m ORDER BY m."CreatedAt" DESC LIMIT 200
                    """).ToListAsync(ct);
            }
        }
        else
        {
            // Every term a quoted FTS5 string (prefix match on the last), so nothing the person types is FTS syntax.
            var match = string.Join(' ', terms.Select((t, i) => "\"" + t.Replace("\"", "", StringComparison.Ordinal) + "\"" + (i == terms.Count - 1 ? "*" : "")));
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT p."Id" AS "Value" FROM "CommunityPostsFts" f JOIN "CommunityPosts" p ON p.rowid = f.rowid
                WHERE "CommunityPostsFts" MATCH {match} AND p."Status" = 1
                ORDER BY p."CreatedAt" DESC LIMIT 200
                """).ToListAsync(ct);
        }
        if (ids.Count == 0) return [];

        var posts = await db.Set<CommunityPost>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var threadIds = posts.Select(p => p.ThreadId).Distinct().ToList();
        var threads = await db.Set<CommunityThread>().AsNoTracking().Where(t => threadIds.Contains(t.Id) && t.Visible).ToDictionaryAsync(t => t.Id, ct);
        var spaceIds = posts.Select(p => p.SpaceId).Distinct().ToList();
        var spaces = await db.Set<CommunitySpace>().AsNoTracking().Where(s => spaceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var readable = new Dictionary<Guid, bool>();
        foreach (var space in spaces.Values)
            readable[space.Id] = CommunityAccess.MayRead(space, viewer, await CommunityAccess.EnrolledAsync(db, space, viewer.UserId, ct));
        return posts
            .Where(p => readable.GetValueOrDefault(p.SpaceId) && threads.ContainsKey(p.ThreadId))
            .OrderByDescending(p => p.CreatedAt).Take(take)
            .Select(p => new SearchHit(p.Id, p.ThreadId, threads[p.ThreadId].Title, spaces[p.SpaceId], Excerpt(p), p.CreatedAt))
            .ToList();
    }

    /// <summary>The first words of a post as plain text (Razor encodes it); a post with a content warning shows only its warning.</summary>
    private static string Excerpt(CommunityPost p) =>
        p.ContentWarning is { } cw ? "⚠ " + cw : p.Body.Length <= 200 ? p.Body : p.Body[..200] + "…";
}
