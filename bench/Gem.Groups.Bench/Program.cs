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

// Enrolment throughput and overbooking under load (issue 4): the real host on Kestrel over PostgreSQL,
// 64 concurrent HTTP clients enrolling into one popular session series until every seat is taken.
// Usage: dotnet run -c Release --project bench/Gem.Groups.Bench -- [clients=64] [sessions=40] [seatsPerSession=25]
// PostgreSQL: GEM_TEST_POSTGRES, or a throwaway cluster started by Gem.Testing.PostgresServer.
var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var sessionCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
var seats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;

// A console app is not a test assembly, so point the host at the web project's folder ourselves.
var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "Gem.sln"))) root = Path.GetDirectoryName(root);
Environment.SetEnvironmentVariable("GEM_WEB_CONTENT_ROOT", Path.Combine(root ?? ".", "src", "Gem.Web"));
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Postgres, start: false);
using (var listener = new TcpListener(IPAddress.Loopback, 0))
{
    listener.Start();
    factory.UseKestrel(((IPEndPoint)listener.LocalEndpoint).Port);
}
factory.StartServer();
var baseAddress = factory.ClientOptions.BaseAddress;

// One popular open group: a series of sessions with a fixed number of seats each.
List<Guid> sessionIds;
await using (var db = factory.Database.CreateContext())
{
    var offer = await db.Offers.Include(o => o.Sessions).OrderBy(o => o.Name).FirstAsync(o => o.FlowPolicy == FlowPolicy.Open && o.Format == OfferFormat.Group);
    offer.Capacity = seats;
    db.Sessions.RemoveRange(offer.Sessions);
    var start = DateTimeOffset.UtcNow.AddDays(2);
    for (var i = 0; i < sessionCount; i++)
        db.Sessions.Add(new Session { OfferId = offer.Id, Start = start.AddDays(7 * i), End = start.AddDays(7 * i).AddHours(2) });
    await db.SaveChangesAsync();
    sessionIds = await db.Sessions.Where(s => s.OfferId == offer.Id).Select(s => s.Id).ToListAsync();
}

var totalSeats = sessionCount * seats;
var created = 0;
var full = 0;
var errors = 0;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseAddress.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var stopwatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
{
    var random = new Random(c);
    var open = sessionIds.ToList();
    var n = 0;
    while (open.Count > 0)
    {
        var sessionId = open[random.Next(open.Count)];
        var t = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments",
            new EnrolmentRequest($"Bench {c}-{n++}", null, "0612345678"));
        latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created: Interlocked.Increment(ref created); break;
            case HttpStatusCode.Conflict: Interlocked.Increment(ref full); open.Remove(sessionId); break;
            default: Interlocked.Increment(ref errors); break;
        }
    }
}));
stopwatch.Stop();

await using var check = factory.Database.CreateContext();
var perSession = await check.Enrolments.Where(e => sessionIds.Contains(e.SessionId) && e.Status == EnrolmentStatus.Active)
    .GroupBy(e => e.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
var overbooked = perSession.Sum(s => Math.Max(0, s.Count - seats));
var counterMismatch = await check.Sessions.CountAsync(s => sessionIds.Contains(s.Id) && s.SeatsTaken != check.Enrolments.Count(e => e.SessionId == s.Id && e.Status == EnrolmentStatus.Active));
var sorted = latencies.OrderBy(x => x).ToArray();
double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Gem groups bench: PostgreSQL, {clients} concurrent HTTP clients, {sessionCount} sessions x {seats} seats = {totalSeats} seats
    requests            {created + full + errors}
    enrolments          {created} (expected {totalSeats})
    409 full            {full}
    other errors        {errors}
    wall time           {stopwatch.Elapsed.TotalSeconds:F2} s
    enrolments/s        {created / stopwatch.Elapsed.TotalSeconds:F0}
    requests/s          {(created + full + errors) / stopwatch.Elapsed.TotalSeconds:F0}
    latency p50/p95/p99 {P(0.5):F1} / {P(0.95):F1} / {P(0.99):F1} ms
    overbooked seats    {overbooked}
    counter mismatches  {counterMismatch}
    """));
return overbooked == 0 && counterMismatch == 0 && created == totalSeats && errors == 0 ? 0 : 1;
