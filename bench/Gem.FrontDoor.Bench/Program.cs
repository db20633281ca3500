using System.Diagnostics;
using System.Globalization;
using Gem.Core.Atlas;
using Gem.Bench;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;

// Front-door matching at national size (issue 3): a generated catalog of 50,000 offers and 500,000 sessions
// in a fresh database, the real host on Kestrel, then 64 concurrent HTTP connections for a fixed time against
// GET /api/frontdoor/match (varied answers) and, on the same host, the trivial GET /api/frontdoor/ping.
// Usage: dotnet run -c Release --project bench/Gem.FrontDoor.Bench -- [offers=50000] [sessionsPerOffer=10] [seconds=20] [connections=64] [provider=Sqlite]
// The guarantee check at national size (issue 17): dotnet run -c Release --project bench/Gem.FrontDoor.Bench -- findgaps [offers] [sessionsPerOffer] [samplePc4s]
if (args is ["findgaps", .. var rest])
{
    FindGapsBench.Run(rest);
    return;
}
var offers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var perOffer = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;
var provider = args.Length > 4 ? Enum.Parse<DatabaseProvider>(args[4]) : DatabaseProvider.Sqlite;

HttpLoad.PrepareHost();
Environment.SetEnvironmentVariable("Gem__FrontDoor__CatalogSeconds", "3600");

await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
var generate = Stopwatch.StartNew();
var (sessionCount, pc4s) = await NationalCatalog.GenerateAsync(factory.Database, offers, perOffer);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {offers:N0} offers, {sessionCount:N0} sessions on {provider} in {generate.Elapsed.TotalSeconds:F1} s"));

using var http = HttpLoad.Client(HttpLoad.StartOnKestrel(factory), connections);

// Varied answers: 1–3 life domains, 0–2 wishes, a PC4 from anywhere in the country (or online only), sometimes days.
var random = new Random(42);
string[] domains = Enum.GetNames<LifeDomains>().Where(n => n != "None").ToArray();
string[] wishes = ["MeetPeers", "Learn", "TalkToSomeone", "PracticalHelp", "MoveOutdoors", "Creative", "Online", "ProfessionalTreatment"];
string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
var queries = Enumerable.Range(0, 1000).Select(_ =>
{
    var q = new List<string>();
    foreach (var d in domains.OrderBy(_ => random.Next()).Take(random.Next(1, 4))) q.Add("d=" + d);
    foreach (var w in wishes.OrderBy(_ => random.Next()).Take(random.Next(0, 3))) q.Add("w=" + w);
    if (random.Next(10) == 0) q.Add("where=online"); else q.Add("pc4=" + pc4s[random.Next(pc4s.Count)]);
    if (random.Next(4) == 0) q.Add("day=" + days[random.Next(7)]);
    return "/api/frontdoor/match?" + string.Join('&', q);
}).ToArray();

var warm = Stopwatch.StartNew();
(await http.GetAsync(queries[0])).EnsureSuccessStatusCode(); // loads the catalog into memory
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first request (catalog load) {warm.Elapsed.TotalSeconds:F1} s"));
await HttpLoad.RunAsync(http, i => queries[i % queries.Length], connections, 3); // JIT and connection warm-up

// The matching alone, in process, one thread: what the endpoint costs without HTTP and JSON.
var catalog = await factory.Services.GetRequiredService<Gem.Web.FrontDoor.FrontDoorCatalogCache>().GetAsync(CancellationToken.None);
var answers = queries.Select(q => Gem.Web.FrontDoor.FrontDoorQuery.From(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(q[q.IndexOf('?', StringComparison.Ordinal)..])).ToAnswers()).ToArray();
for (var i = 0; i < 50; i++) Gem.Core.FrontDoor.FrontDoorMatcher.Match(catalog, answers[i % answers.Length], DateTimeOffset.UtcNow);
// The process's CPU with nothing to do (the host's background work), so the matching's own share can be read off.
var idleClock = Stopwatch.StartNew();
var idleCpu = Process.GetCurrentProcess().TotalProcessorTime;
await Task.Delay(TimeSpan.FromSeconds(3));
var idleMsPerS = (Process.GetCurrentProcess().TotalProcessorTime - idleCpu).TotalMilliseconds / idleClock.Elapsed.TotalSeconds;
// At least 500 requests and at least 3 s, so a fast matcher is not timed below the CPU clock's resolution.
var inproc = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var matched = 0;
for (; matched < 500 || inproc.Elapsed < TimeSpan.FromSeconds(3); matched++) Gem.Core.FrontDoor.FrontDoorMatcher.Match(catalog, answers[matched % answers.Length], DateTimeOffset.UtcNow);
var cpuTotalMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
var cpuMs = cpuTotalMs / matched;
var cpuOwnMs = (cpuTotalMs - idleMsPerS * inproc.Elapsed.TotalSeconds) / matched;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"matching in process: {inproc.Elapsed.TotalMilliseconds / matched:F3} ms wall, {cpuMs:F3} ms CPU per request ({cpuOwnMs:F3} ms without the {idleMsPerS:F0} ms/s the idle process uses) over {catalog.Offers.Count:N0} offers, {matched:N0} requests (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));

var match = await HttpLoad.RunAsync(http, i => queries[i % queries.Length], connections, seconds);
var ping = await HttpLoad.RunAsync(http, _ => "/api/frontdoor/ping", connections, seconds);
Console.WriteLine();
Console.WriteLine(HttpLoad.TableHeader);
Console.WriteLine(match.Row("GET /api/frontdoor/match"));
Console.WriteLine(ping.Row("GET /api/frontdoor/ping"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{connections} connections, {seconds} s each, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (client and server on the same machine); p95 goal < 50 ms: {(match.P(0.95) < 50 ? "met" : "NOT met")}"));
