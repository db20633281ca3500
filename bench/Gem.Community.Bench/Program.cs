using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gem.Bench;
using Gem.Core.Atlas;
using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// The eCommunity at size (issue 20): one space holding N posts (bulk-loaded: PostgreSQL COPY, SQLite one prepared
// INSERT in one transaction), the real host on Kestrel, a signed-in member, then a closed loop of C connections for a
// fixed time against, in turn: a thread's first page, the last page of the space's longest thread, the space's thread
// list, search, and the trivial GET /api/frontdoor/ping on the same host in the same run.
// Usage: dotnet run -c Release --project bench/Gem.Community.Bench -- [posts=1000000] [seconds=20] [connections=64] [provider=Postgres]
// PostgreSQL: GEM_TEST_POSTGRES, or a throwaway cluster started by Gem.Testing.PostgresServer.
var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var provider = args.Length > 3 ? Enum.Parse<DatabaseProvider>(args[3]) : DatabaseProvider.Postgres;
const int PerThread = 50;            // a thread's posts (one page)
const int Authors = 40;              // members who wrote them
var longest = Math.Max(PerThread, posts / 20); // one thread holds 5% of the space: its last page is the worst page

HttpLoad.PrepareHost();
await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
var baseAddress = HttpLoad.StartOnKestrel(factory); // migrates and makes the community's spaces
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()} (before)"));

// The members: real accounts with handles (the thread page looks their handles up), and the reader who is signed in.
var members = new List<Guid>();
GemUser reader;
Guid spaceId;
await using (var scope = factory.Services.CreateAsyncScope())
{
    var community = scope.ServiceProvider.GetRequiredService<CommunityService>();
    for (var i = 0; i < Authors; i++)
        members.Add((await community.JoinAsync((await factory.CreateUserAsync(Roles.Citizen)).Id, "Schrijver" + i.ToString(CultureInfo.InvariantCulture), false)).Id);
    reader = await factory.CreateUserAsync(Roles.Citizen);
    await community.JoinAsync(reader.Id, "Lezer", false);
    var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
    spaceId = await db.Set<CommunitySpace>().Where(s => s.Slug == CommunityService.ThemeSlug(LifeDomains.LowMood)).Select(s => s.Id).SingleAsync();
}

var seed = Stopwatch.StartNew();
var (threadIds, longestThread) = await CommunitySeed.LoadAsync(factory.Database, spaceId, members, posts, PerThread, longest);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {posts:N0} posts in {threadIds.Count:N0} threads (one of {longest:N0} posts) on {provider} in {seed.Elapsed.TotalSeconds:F1} s"));

var cookies = new CookieContainer();
using var http = HttpLoad.Client(baseAddress, connections, new SocketsHttpHandler { MaxConnectionsPerServer = connections, CookieContainer = cookies, AllowAutoRedirect = false });
using (var signIn = await http.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(http, reader.Email!, WebTestExtensions.Password)))
    if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Sign-in failed: " + signIn.StatusCode);

var random = new Random(7);
var threadPaths = Enumerable.Range(0, 2000).Select(_ => "/community/draad/" + threadIds[random.Next(threadIds.Count)]).ToArray();
var lastPage = $"/community/draad/{longestThread}?pagina={int.MaxValue}";
var spacePaths = Enumerable.Range(1, 20).Select(p => $"/community/ruimte/{CommunityService.ThemeSlug(LifeDomains.LowMood)}?pagina={p}").ToArray();
// Common words (each in about 4% of posts), two common words together, a rare word (in 1 of 5,000 posts), and a miss.
var searchPaths = Enumerable.Range(0, 400).Select(i => "/community/zoeken?q=" + Uri.EscapeDataString((i % 4) switch
{
    0 => CommunitySeed.Words[i % CommunitySeed.Words.Length],
    1 => CommunitySeed.Words[i % CommunitySeed.Words.Length] + " " + CommunitySeed.Words[(i * 7 + 3) % CommunitySeed.Words.Length],
    2 => CommunitySeed.Rare(i * 13),
    _ => "onvindbaar" + i.ToString(CultureInfo.InvariantCulture),
})).ToArray();

// Every page answers and shows what it should, before anything is timed.
foreach (var (path, expect) in new[] { (threadPaths[0], "data-testid=\"post\""), (lastPage, "data-testid=\"post\""), (spacePaths[0], "/community/draad/"), (searchPaths[0], "/community/draad/"), (searchPaths[2], "/community/draad/") })
{
    var warm = Stopwatch.StartNew();
    using var response = await http.GetAsync(path);
    var body = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expect, StringComparison.Ordinal))
        throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}, expected {expect} in the page");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first GET {path}: {warm.Elapsed.TotalMilliseconds:F0} ms"));
}
await HttpLoad.RunAsync(http, i => threadPaths[i % threadPaths.Length], connections, 2); // JIT and connection warm-up

var rows = new List<(string Name, LoadResult Result)>
{
    ("GET /community/draad/{id} (a thread, 50 posts)", await HttpLoad.RunAsync(http, i => threadPaths[i % threadPaths.Length], connections, seconds)),
    ($"GET /community/draad/{{id}}?pagina=last ({longest:N0}-post thread)", await HttpLoad.RunAsync(http, _ => lastPage, connections, seconds)),
    ("GET /community/ruimte/{slug}?pagina=1..20", await HttpLoad.RunAsync(http, i => spacePaths[i % spacePaths.Length], connections, seconds)),
    ("GET /community/zoeken?q=…", await HttpLoad.RunAsync(http, i => searchPaths[i % searchPaths.Length], connections, seconds)),
    ("GET /api/frontdoor/ping (trivial)", await HttpLoad.RunAsync(http, _ => "/api/frontdoor/ping", connections, seconds)),
};
Console.WriteLine();
Console.WriteLine(HttpLoad.TableHeader);
foreach (var (name, result) in rows) Console.WriteLine(result.Row(name));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\n{posts:N0} posts in one space on {provider}; {connections} connections, {seconds} s each, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (client, server and database on the same machine)"));
return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;

/// <summary>Bulk-loads one space's threads and posts, visible, with Dutch words so search has common and rare hits.</summary>
internal static class CommunitySeed
{
    /// <summary>Common words: a post holds 12 of them, so each is in about 4% of posts.</summary>
    public static readonly string[] Words =
    [
        "slapen", "werk", "vriend", "moeder", "vader", "school", "geld", "schulden", "angst", "somber", "wandelen", "fietsen",
        "huisarts", "gesprek", "groep", "avond", "ochtend", "weekend", "zomer", "winter", "regen", "zon", "koffie", "thee",
        "muziek", "boek", "film", "sport", "zwemmen", "tuin", "hond", "kat", "buurman", "buurvrouw", "collega", "baas",
        "vakantie", "verhuizing", "huis", "kamer", "keuken", "eten", "koken", "boodschappen", "trein", "bus", "auto", "fiets",
        "telefoon", "bericht", "brief", "gemeente", "uitkering", "formulier", "afspraak", "wachtlijst", "herstel", "hoop",
        "moed", "rust", "stilte", "lawaai", "drukte", "moe", "energie", "verdriet", "boosheid", "blij", "trots", "schaamte",
        "eenzaam", "samen", "alleen", "familie", "zus", "broer", "oma", "opa", "kinderen", "partner", "relatie", "ruzie",
        "praten", "luisteren", "schrijven", "lezen", "tekenen", "schilderen", "zingen", "dansen", "lachen", "huilen", "denken",
        "piekeren", "ademen", "yoga", "meditatie", "natuur", "bos", "strand", "park", "markt", "bibliotheek", "buurthuis",
        "vrijwilliger", "cursus", "training", "opleiding", "stage", "sollicitatie", "contract", "ziekte", "pijn", "medicijn",
        "dokter", "therapie", "coach", "maatje", "ervaring", "tip", "vraag", "antwoord", "dank", "steun", "kracht", "stap",
        "doel", "plan", "week", "maand", "jaar", "vandaag", "morgen", "gisteren", "straks", "soms", "vaak", "nooit", "altijd",
        "beter", "slechter", "moeilijk", "makkelijk", "nieuw", "oud", "klein", "groot", "warm", "koud", "licht", "donker",
        "vrolijk", "rustig", "druk", "leeg", "vol", "dichtbij", "ver", "thuis", "buiten", "binnen", "samenwerken", "delen",
        "herkennen", "begrijpen", "proberen", "volhouden", "beginnen", "stoppen", "wachten", "zoeken", "vinden", "vragen",
        "helpen", "bellen", "mailen", "appen", "ontmoeten", "kennismaken", "afscheid", "verjaardag", "feest", "kerst",
        "pasen", "koningsdag", "carnaval", "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "lente", "herfst", "sneeuw", "wind", "storm", "wolken", "sterren", "maan", "zee", "rivier", "meer", "berg", "dorp",
        "stad", "straat", "plein", "winkel", "kantoor", "fabriek", "boerderij", "ziekenhuis", "apotheek", "station", "haven",
        "brug", "toren", "kerk", "moskee", "museum", "theater", "bioscoop", "restaurant", "cafe", "terras", "zwembad",
        "sportschool", "voetbal", "hockey", "tennis", "hardlopen", "klimmen", "roeien", "zeilen", "schaatsen", "puzzel",
        "spel", "kaarten", "schaken", "breien", "haken", "naaien", "klussen", "timmeren", "verven", "opruimen", "schoonmaken",
        "wassen", "strijken", "slaap", "droom", "nachtmerrie", "wekker", "bed", "deken", "kussen", "douche", "bad", "spiegel",
        "kleren", "schoenen", "jas", "tas", "sleutel", "deur", "raam", "trap", "lift", "balkon", "zolder", "kelder",
    ];

    public static string Rare(int i) => "zeldzaam" + (i % 5000).ToString("D4", CultureInfo.InvariantCulture);

    private static string Body(Random random, int i)
    {
        var words = new string[13];
        for (var k = 0; k < 12; k++) words[k] = Words[random.Next(Words.Length)];
        words[12] = Rare(i);
        return string.Join(' ', words);
    }

    /// <summary>Thread 0 holds <paramref name="longest"/> posts, the others <paramref name="perThread"/> each; posts a minute apart.</summary>
    public static async Task<(List<Guid> Threads, Guid Longest)> LoadAsync(TestDatabase database, Guid spaceId, List<Guid> members, int posts, int perThread, int longest)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-posts - 10);
        var threadCount = 1 + Math.Max(0, (posts - longest + perThread - 1) / perThread);
        var threads = Enumerable.Range(0, threadCount).Select(_ => Guid.NewGuid()).ToList();
        var ids = Enumerable.Range(0, posts).Select(_ => Guid.NewGuid()).ToArray();
        int ThreadOf(int i) => i < longest ? 0 : 1 + (i - longest) / perThread;
        int FirstOf(int t) => t == 0 ? 0 : longest + (t - 1) * perThread;
        int LastOf(int t) => Math.Min(posts, t == 0 ? longest : longest + t * perThread) - 1;
        Guid AuthorOf(int i) => members[i * 7 % members.Count];
        DateTimeOffset At(int i) => start.AddMinutes(i);
        // Streamed: only the ids are held, so a million posts need little memory.
        IEnumerable<(Guid Id, Guid Thread, Guid Author, string Body, DateTimeOffset At)> Posts()
        {
            var random = new Random(42);
            for (var i = 0; i < posts; i++) yield return (ids[i], threads[ThreadOf(i)], AuthorOf(i), Body(random, i), At(i));
        }
        string Title(int t) => "Draad " + t.ToString(CultureInfo.InvariantCulture) + " over " + Words[t % Words.Length];
        // SafeText turns these plain words into one paragraph; checked once, then written directly.
        var sample = Body(new Random(1), 0);
        var html = SafeText.Render(sample);
        if (html.Trim() != "<p>" + sample + "</p>") throw new InvalidOperationException("SafeText renders plain words differently: " + html);

        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY \"CommunityThreads\" (\"Id\", \"SpaceId\", \"Title\", \"AuthorMemberId\", \"CreatedAt\", \"LastPostAt\", \"Visible\", \"OpeningPostId\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var t = 0; t < threadCount; t++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(threads[t], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(spaceId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Title(t), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(AuthorOf(FirstOf(t)), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(At(FirstOf(t)).UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(At(LastOf(t)).UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(ids[FirstOf(t)], NpgsqlDbType.Uuid);
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY \"CommunityPosts\" (\"Id\", \"ThreadId\", \"SpaceId\", \"AuthorKind\", \"AuthorMemberId\", \"Body\", \"Html\", \"Status\", \"HoldReason\", \"CreatedAt\", \"VisibleAt\", \"Flags\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in Posts())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(p.Thread, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(spaceId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync((int)AuthorKind.Member, NpgsqlDbType.Integer);
                    await copy.WriteAsync(p.Author, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(p.Body, NpgsqlDbType.Varchar);
                    await copy.WriteAsync("<p>" + p.Body + "</p>", NpgsqlDbType.Varchar);
                    await copy.WriteAsync((int)PostStatus.Visible, NpgsqlDbType.Integer);
                    await copy.WriteAsync((int)HoldReason.None, NpgsqlDbType.Integer);
                    await copy.WriteAsync(p.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(p.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
            // Statistics, and the visibility map a live table gets from autovacuum (index-only scans rely on it).
            foreach (var table in new[] { "CommunityThreads", "CommunityPosts" })
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) \"{table}\"", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync();
            }
        }
        else
        {
            // EF Core's SQLite mapping: Guid as upper-case text, DateTimeOffset as the sortable number of decision 002.
            var time = new DateTimeOffsetToBinaryConverter();
            object T(DateTimeOffset at) => time.ConvertToProvider(at)!;
            static string G(Guid id) => id.ToString().ToUpperInvariant();
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO \"CommunityThreads\" (\"Id\", \"SpaceId\", \"Title\", \"AuthorMemberId\", \"CreatedAt\", \"LastPostAt\", \"Visible\", \"OpeningPostId\") VALUES ($id, $space, $title, $author, $created, $last, 1, $opening)";
                var ps = new[] { "$id", "$space", "$title", "$author", "$created", "$last", "$opening" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
                for (var t = 0; t < threadCount; t++)
                {
                    ps[0].Value = G(threads[t]);
                    ps[1].Value = G(spaceId);
                    ps[2].Value = Title(t);
                    ps[3].Value = G(AuthorOf(FirstOf(t)));
                    ps[4].Value = T(At(FirstOf(t)));
                    ps[5].Value = T(At(LastOf(t)));
                    ps[6].Value = G(ids[FirstOf(t)]);
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO \"CommunityPosts\" (\"Id\", \"ThreadId\", \"SpaceId\", \"AuthorKind\", \"AuthorMemberId\", \"Body\", \"Html\", \"Status\", \"HoldReason\", \"CreatedAt\", \"VisibleAt\", \"Flags\") VALUES ($id, $thread, $space, 1, $author, $body, $html, 1, 0, $at, $at, 0)";
                var ps = new[] { "$id", "$thread", "$space", "$author", "$body", "$html", "$at" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
                foreach (var p in Posts())
                {
                    ps[0].Value = G(p.Id);
                    ps[1].Value = G(p.Thread);
                    ps[2].Value = G(spaceId);
                    ps[3].Value = G(p.Author);
                    ps[4].Value = p.Body;
                    ps[5].Value = "<p>" + p.Body + "</p>";
                    ps[6].Value = T(p.At);
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
        return (threads, threads[0]);
    }
}
