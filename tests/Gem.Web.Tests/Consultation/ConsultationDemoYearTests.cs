using System.Globalization;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Consultation;

/// <summary>
/// The demo's simulated year of consultations (the same <see cref="ConsultationHistory"/> the demo history runs),
/// through the real services over the demo pool: the figures the issue asks for, written to the test output and to
/// consultation-demo-year.txt in the temp folder, beside the anchors.
/// </summary>
public sealed class ConsultationDemoYearTests(ITestOutputHelper output)
{
    [SqliteOnly("simulates a year of consultations; the figures are computed in memory (ConsultationFiguresTests); their fact query is not yet run on PostgreSQL")]
    [Fact]
    public async Task DemoYear_GivesFiguresForTheDashboard()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var end = DateTimeOffset.UtcNow;
        var start = end.AddDays(-7 * 52);
        ConsultationHistory.Result result;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            Assert.True(await db.Set<Specialist>().CountAsync() >= 6, "the demo pool is seeded at start");
            result = await new ConsultationHistory(db).RunAsync(start, end);
        }
        await using var read = factory.Database.CreateContext();
        var facts = await ConsultationFigures.ReadAsync(read, start, end);
        var r = ConsultationFigures.Compute(facts, new Gem.Monitor.Disclosure.DisclosureControl());
        Assert.Equal(result.Asked, facts.Count);
        Assert.True(result.Asked > 200, $"a year of questions ({result.Asked})");
        Assert.True(r.WithinDue.IsPublished && r.MedianHours.IsPublished && r.P90Hours.IsPublished && r.WithoutReferral.IsPublished);
        Assert.True(facts.Select(f => f.Asker).Distinct().Count() >= 6, "questions come from many sectors");
        // Every read of the simulated requests by someone else was logged: at least one record per request about a person.
        Assert.True(await read.AccessLog.CountAsync(e => e.What == ConsultationService.What && e.ActorRole == "specialist") >= result.Answered / 2);

        var e = r.Exact;
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Demo year {start:yyyy-MM-dd} – {end:yyyy-MM-dd}: {e.Requests} requests, {e.Answered} answered, {e.Closed} closed out.",
            "Requests by asking sector: " + string.Join(", ", facts.GroupBy(f => f.Asker).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()} ({100.0 * g.Count() / facts.Count:0}%)")),
            string.Create(inv, $"Answer time in working hours: median {e.MedianHours:0.0} h, p90 {e.P90Hours:0.0} h   | anchors: ZorgDomein within 3 working days (24 h); Psychiatrie N3 written within 2 working days (16 h); Champlain BASE median 21 h (calendar)"),
            string.Create(inv, $"Share answered within due time: {100.0 * e.WithinDue / e.Answered:0.0}%"),
            string.Create(inv, $"Share closed out without referral: {100.0 * e.WithoutReferral / e.Closed:0.0}%   | anchor: Champlain BASE 65% without a specialist visit"),
            string.Create(inv, $"Specialist consultative hours (region): {r.Hours.Rows[0].Values[1]}"),
        };
        foreach (var line in lines) output.WriteLine(line);
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "consultation-demo-year.txt"), lines);
    }
}
