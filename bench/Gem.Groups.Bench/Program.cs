using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

// Enrolment throughput and overbooking under load (issues 4 and 17): the real host on Kestrel over PostgreSQL, concurrent
// HTTP clients (each its own client address) enrolling until every seat is taken, and the trivial GET /api/frontdoor/ping
// on the same host in the same run. Scenarios (bench/Gem.Groups.Bench/README.md):
//   hot      [clients=64] [sessions=40] [seats=25]                     one popular open group: a series of sessions
//   national [clients=64] [offers=500] [sessionsPerOffer=10] [seats=2] a national rush over many offers
//   profile                                                             the database commands of one enrolment and one "full"
// Usage: dotnet run -c Release --project bench/Gem.Groups.Bench -- hot 64
// (a first argument that is a number means "hot", as before). PostgreSQL: GEM_TEST_POSTGRES, or a throwaway cluster
// started by Gem.Testing.PostgresServer.
// --multiplexing: the application's connection string gets Multiplexing=true (Npgsql), to reproduce why it was rejected
// (decision 005: Data Protection reads its keys synchronously, which multiplexing refuses).
// --warmup=SECONDS (default 60; 0 = none): before the measured rush, the same clients enrol into other seats (1,000 per
// second) for that long, so the measured rush meets a process whose hot code the JIT has already optimised (tiered compilation), as
// in a server that has been running; a fresh process spends most of its first minute compiling (bench README).
var warmupSeconds = args.FirstOrDefault(a => a.StartsWith("--warmup=", StringComparison.Ordinal)) is { } w ? int.Parse(w["--warmup=".Length..], CultureInfo.InvariantCulture) : 60;
var multiplexing = args.Contains("--multiplexing");
args = [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
var scenario = args.Length > 0 && !char.IsAsciiDigit(args[0][0]) ? args[0] : "hot";
var rest = scenario == (args.Length > 0 ? args[0] : null) ? args[1..] : args;
int Arg(int i, int fallback) => rest.Length > i ? int.Parse(rest[i], CultureInfo.InvariantCulture) : fallback;

// A console app is not a test assembly, so point the host at the web project's folder ourselves.
var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "Gem.sln"))) root = Path.GetDirectoryName(root);
Environment.SetEnvironmentVariable("GEM_WEB_CONTENT_ROOT", Path.Combine(root ?? ".", "src", "Gem.Web"));
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.EntityFrameworkCore", "Error");
await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Postgres, start: false);
// The product's own connection settings (GemDatabase.Tuned: its pool size among them), not the test cluster's pool of 200.
var appConnection = new Npgsql.NpgsqlConnectionStringBuilder(factory.Database.AppConnectionString);
appConnection.Remove("Maximum Pool Size");
if (multiplexing) appConnection.Multiplexing = true;
factory.Settings["ConnectionStrings:Gem"] = appConnection.ConnectionString;
var pool = new Npgsql.NpgsqlConnectionStringBuilder(GemDatabase.Tuned(appConnection.ConnectionString));
using (var listener = new TcpListener(IPAddress.Loopback, 0))
{
    listener.Start();
    factory.UseKestrel(((IPEndPoint)listener.LocalEndpoint).Port);
}
factory.StartServer();
var baseAddress = new Uri(factory.ClientOptions.BaseAddress.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()} (before)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"connections: pool of {pool.MaxPoolSize}, auto prepare {pool.MaxAutoPrepare}, no reset on close {pool.NoResetOnClose}, multiplexing {pool.Multiplexing}"));

switch (scenario)
{
    case "hot":
    {
        var clients = Arg(0, 64);
        var sessionIds = await SeriesAsync(factory, offers: 1, perOffer: Arg(1, 40), seats: Arg(2, 25));
        return await RushAsync($"hot series: 1 offer, {sessionIds.Count} sessions x {Arg(2, 25)} seats", clients, sessionIds, Arg(2, 25), shared: false);
    }
    case "national":
    {
        var clients = Arg(0, 64);
        var sessionIds = await SeriesAsync(factory, offers: Arg(1, 500), perOffer: Arg(2, 10), seats: Arg(3, 2));
        return await RushAsync($"national rush: {Arg(1, 500)} offers, {sessionIds.Count} sessions x {Arg(3, 2)} seats", clients, sessionIds, Arg(3, 2), shared: true);
    }
    case "profile":
        return await ProfileAsync();
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}': hot, national or profile.");
        return 2;
}

// Open groups with a fixed number of seats per session, starting in two days: `offers` copies of the demo's first open group.
// With `copiesOnly` the template itself is left as it is and all `offers` are copies (the warm-up's groups).
static async Task<List<Guid>> SeriesAsync(GemWebFactory factory, int offers, int perOffer, int seats, bool copiesOnly = false)
{
    await using var db = factory.Database.CreateContext();
    var template = await db.Offers.Include(o => o.Sessions).OrderBy(o => o.Name).FirstAsync(o => o.FlowPolicy == FlowPolicy.Open && o.Format == OfferFormat.Group);
    var ids = new List<Guid>();
    if (!copiesOnly)
    {
        template.Capacity = seats;
        db.Sessions.RemoveRange(template.Sessions);
        ids.Add(template.Id);
    }
    for (var i = ids.Count; i < offers; i++)
    {
        var copy = (Offer)db.Entry(template).CurrentValues.ToObject();
        copy.Id = Guid.NewGuid();
        copy.Capacity = seats;
        copy.Name = template.Name + (copiesOnly ? " warm-up " : " ") + i.ToString(CultureInfo.InvariantCulture);
        copy.Sessions = [];
        db.Offers.Add(copy);
        ids.Add(copy.Id);
    }
    var start = DateTimeOffset.UtcNow.AddDays(2);
    foreach (var offerId in ids)
        for (var i = 0; i < perOffer; i++)
            db.Sessions.Add(new Session { OfferId = offerId, Start = start.AddDays(7 * i), End = start.AddDays(7 * i).AddHours(2) });
    await db.SaveChangesAsync();
    return await db.Sessions.Where(s => ids.Contains(s.OfferId)).Select(s => s.Id).ToListAsync();
}

// No client time-out: on a loaded machine a request may wait minutes; it is measured, not abandoned.
HttpClient Client(int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };

// Clients enrol into random open sessions until every session is full. Hot series: each client keeps its own list and
// learns of a full session only from its own 409 (everyone hammers the same few sessions). National rush: one shared
// list, so a session leaves everyone's choice at its first 409 (people spread over thousands of groups).
async Task<int> RushAsync(string title, int clients, List<Guid> sessionIds, int seats, bool shared)
{
    using var http = Client(clients);
    var warmup = "none";
    if (warmupSeconds > 0)
    {
        // Other groups (1,000 seats per second of warm-up), other client addresses and numbers: nothing the rush counts.
        var warmIds = await SeriesAsync(factory, offers: 50 * warmupSeconds, perOffer: 10, seats: 2, copiesOnly: true);
        var warm = await EnrolUntilAsync(http, clients, warmIds, shared: true, "11", "07", TimeSpan.FromSeconds(warmupSeconds));
        warmup = string.Create(CultureInfo.InvariantCulture, $"{warmupSeconds} s before the rush: {warm.Created} enrolments, {warm.Full} full, {warm.Errors} errors on {warmIds.Count * 2} other seats");
    }
    var ping = await PingAsync(http, clients, TimeSpan.FromSeconds(5));
    var totalSeats = sessionIds.Count * seats;
    var load = File.ReadAllText("/proc/loadavg").Trim();
    var stopwatch = Stopwatch.StartNew();
    var (created, full, errors, latencies) = await EnrolUntilAsync(http, clients, sessionIds, shared, "10", "06", Timeout.InfiniteTimeSpan);
    stopwatch.Stop();

    await using var check = factory.Database.CreateContext();
    var perSession = await check.Enrolments.Where(e => sessionIds.Contains(e.SessionId) && e.Status == EnrolmentStatus.Active)
        .GroupBy(e => e.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    var overbooked = perSession.Sum(s => Math.Max(0, s.Count - seats));
    var counterMismatch = await check.Sessions.CountAsync(s => sessionIds.Contains(s.Id) && s.SeatsTaken != check.Enrolments.Count(e => e.SessionId == s.Id && e.Status == EnrolmentStatus.Active));
    var sorted = latencies.OrderBy(x => x).ToArray();
    double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
    var requestsPerSecond = (created + full + errors) / stopwatch.Elapsed.TotalSeconds;
    var enrolmentsPerSecond = created / stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        Gem groups bench, {title} = {totalSeats} seats; PostgreSQL, {clients} concurrent HTTP clients
        warm-up             {warmup}
        load average        {load} (at the start of the rush)
        requests            {created + full + errors}
        enrolments          {created} (expected {totalSeats})
        409 full            {full}
        other errors        {errors}
        wall time           {stopwatch.Elapsed.TotalSeconds:F2} s
        enrolments/s        {enrolmentsPerSecond:F0}
        requests/s          {requestsPerSecond:F0}
        latency p50/p95/p99 {P(0.5):F1} / {P(0.95):F1} / {P(0.99):F1} ms
        trivial GET /api/frontdoor/ping, same host, {clients} clients: {ping:F0} requests/s
        ratio               trivial/enrolment request {ping / requestsPerSecond:F1}; trivial/enrolment {ping / Math.Max(1, enrolmentsPerSecond):F1}
        overbooked seats    {overbooked}
        counter mismatches  {counterMismatch}
        """));
    return overbooked == 0 && counterMismatch == 0 && created == totalSeats && errors == 0 ? 0 : 1;
}

// Clients enrol into random open sessions until every session is full or `limit` has passed (the warm-up). Each
// request has its own phone number (one contact has one place per session) and each client its own address.
async Task<(int Created, int Full, int Errors, ConcurrentBag<double> Latencies)> EnrolUntilAsync(
    HttpClient http, int clients, List<Guid> sessionIds, bool shared, string addressPrefix, string phonePrefix, TimeSpan limit)
{
    var common = sessionIds.ToList();
    var created = 0;
    var full = 0;
    var errors = 0;
    var latencies = new ConcurrentBag<double>();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        var random = new Random(c);
        var open = shared ? common : sessionIds.ToList();
        var n = 0;
        var address = $"{addressPrefix}.{c / 250}.{c % 250}.1";
        while (limit == Timeout.InfiniteTimeSpan || clock.Elapsed < limit)
        {
            Guid sessionId;
            lock (open)
            {
                if (open.Count == 0) break;
                sessionId = open[random.Next(open.Count)];
            }
            n++;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/groups/sessions/{sessionId}/enrolments")
            {
                Content = JsonContent.Create(new EnrolmentRequest($"Bench {c}-{n}", null, string.Create(CultureInfo.InvariantCulture, $"{phonePrefix}{c:D3}{n:D6}"))),
            };
            request.Headers.Add(TestClientAddress.Header, address);
            var t = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors); // counted; the run then fails (exit code 1) instead of stopping here
                continue;
            }
            using var owned = response;
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created: Interlocked.Increment(ref created); break;
                case HttpStatusCode.Conflict:
                    Interlocked.Increment(ref full);
                    lock (open) open.Remove(sessionId);
                    break;
                default: Interlocked.Increment(ref errors); break;
            }
        }
    }));
    return (created, full, errors, latencies);
}

// The trivial endpoint on the same host: requests per second for `duration` with `clients` concurrent loops.
static async Task<double> PingAsync(HttpClient http, int clients, TimeSpan duration)
{
    var count = 0L;
    var stopwatch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (stopwatch.Elapsed < duration)
        {
            using var response = await http.GetAsync("/api/frontdoor/ping");
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref count);
        }
    }));
    return count / stopwatch.Elapsed.TotalSeconds;
}

// What one enrolment and one "full" answer send to the database: every command Npgsql executes (its ActivitySource),
// for one request of each kind after a warm-up, plus the transaction statements Npgsql sends with them.
async Task<int> ProfileAsync()
{
    var sessionIds = await SeriesAsync(factory, offers: 1, perOffer: 2, seats: 2);
    using var http = Client(1);
    var commands = new ConcurrentQueue<string>();
    using var activities = new ActivityListener
    {
        ShouldListenTo = s => s.Name == "Npgsql",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = a => commands.Enqueue((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName)?.ToString() ?? "?"),
    };
    ActivitySource.AddActivityListener(activities);
    async Task<HttpStatusCode> Enrol(Guid session, string phone)
    {
        using var response = await http.PostAsJsonAsync($"/api/groups/sessions/{session}/enrolments", new EnrolmentRequest("Profile", null, phone));
        return response.StatusCode;
    }
    await Enrol(sessionIds[1], "0611111111"); // warm-up: first use of every query
    await Enrol(sessionIds[1], "0611111112"); // fills sessionIds[1]
    await Enrol(sessionIds[1], "0611111113"); // warm-up of the "full" path
    foreach (var (label, session, phone) in new[] { ("enrolment (201)", sessionIds[0], "0622222221"), ("full (409)", sessionIds[1], "0622222222"), ("full again (409)", sessionIds[1], "0622222223") })
    {
        commands.Clear();
        var status = await Enrol(session, phone);
        Console.WriteLine($"{label}: HTTP {(int)status}, {commands.Count} database round trips (Npgsql commands; BEGIN travels with the first command of a transaction, COMMIT or ROLLBACK is one more)");
        foreach (var c in commands)
        {
            var line = string.Join(' ', c.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            Console.WriteLine("  " + line[..Math.Min(160, line.Length)]);
        }
    }
    return 0;
}
