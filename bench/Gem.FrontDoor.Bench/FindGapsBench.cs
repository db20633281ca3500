using System.Diagnostics;
using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;

/// <summary>
/// The coordinator's guarantee check at national size (issue 17): <see cref="NoWaitingGuarantee.FindGaps"/> over every
/// Dutch PC4 on a synthetic national catalog built in memory (no database: the check itself is what is timed), beside
/// the reference that matches every combination, timed on a sample of PC4s and extrapolated, with the two compared on
/// that sample.
/// Usage: dotnet run -c Release --project bench/Gem.FrontDoor.Bench -- findgaps [offers=50000] [sessionsPerOffer=10] [samplePc4s=40]
/// </summary>
internal static class FindGapsBench
{
    public static void Run(string[] args)
    {
        var offerCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var perOffer = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var sample = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var now = DateTimeOffset.UtcNow;

        var clock = Stopwatch.StartNew();
        var (region, pc4s) = Build(offerCount, perOffer, now);
        var catalog = FrontDoorCatalog.FromRegion(region, now);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalog: {catalog.Offers.Count:N0} offers, {catalog.Offers.Sum(o => o.Sessions.Count):N0} sessions, {pc4s.Count:N0} PC4s, built in memory in {clock.Elapsed.TotalSeconds:F1} s"));
        var combinations = GuaranteeSpace.Domains.Length * GuaranteeSpace.WishChoices.Length * (pc4s.Count + 1);

        NoWaitingGuarantee.FindGaps(catalog, pc4s.Take(20), now); // JIT
        var times = new List<double>();
        IReadOnlyList<GuaranteeGap> gaps = [];
        for (var run = 0; run < 5; run++)
        {
            clock.Restart();
            gaps = NoWaitingGuarantee.FindGaps(catalog, pc4s, now);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FindGaps (answer space), {combinations:N0} combinations: min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms over {times.Count} runs; {gaps.Count:N0} gaps, {gaps.Count(g => g.Helplines > 0):N0} filled by helplines"));

        // The reference on a spread-out sample of PC4s, and the same sample through the answer space.
        var step = Math.Max(1, pc4s.Count / sample);
        var picked = pc4s.Where((_, i) => i % step == 0).Take(sample).ToList();
        NoWaitingGuarantee.FindGapsByMatching(catalog, picked.Take(1), now); // JIT
        clock.Restart();
        var reference = NoWaitingGuarantee.FindGapsByMatching(catalog, picked, now);
        var referenceMs = clock.Elapsed.TotalMilliseconds;
        var sampled = GuaranteeSpace.Domains.Length * GuaranteeSpace.WishChoices.Length * (picked.Count + 1);
        var fast = NoWaitingGuarantee.FindGaps(catalog, picked, now);
        var perCombination = referenceMs / sampled;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FindGapsByMatching (every combination matched), {picked.Count} PC4s = {sampled:N0} combinations: {referenceMs:F0} ms, {perCombination:F3} ms per combination, so about {perCombination * combinations / 1000:F0} s for all {combinations:N0}"));
        Console.WriteLine($"equal on the sample: {fast.SequenceEqual(reference)} ({fast.Count:N0} gaps each); goal < 1 s: {(times[times.Count / 2] < 1000 ? "met" : "NOT met")}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    /// <summary>The same shape as <see cref="NationalCatalog"/> (seeded, every sector, every format, ≈ 25 % online), in memory.</summary>
    private static (Region Region, List<string> Pc4s) Build(int offerCount, int sessionsPerOffer, DateTimeOffset now)
    {
        var random = new Random(2026);
        var areas = Pc4Directory.All.Values.OrderBy(a => a.Pc4, StringComparer.Ordinal).ToList();
        var region = new Region { Name = "Nederland (synthetisch)" };
        var sectors = Enum.GetValues<Sector>();
        var partners = Enumerable.Range(0, Math.Max(15, offerCount / 10))
            .Select(i => new Partner { Name = $"Partner {i} (fictief)", Sector = sectors[i % sectors.Length], IsFictional = true }).ToList();
        foreach (var p in partners) region.Partners.Add(p);
        var formats = Enum.GetValues<OfferFormat>();
        for (var i = 0; i < offerCount; i++)
        {
            var format = formats[random.Next(formats.Length)];
            var online = format == OfferFormat.Online || random.Next(10) == 0;
            var area = areas[random.Next(areas.Count)];
            var offer = new Offer
            {
                Name = $"Aanbod {i}", Description = "Een synthetisch aanbod voor de benchmark.", Format = format,
                LifeDomains = (LifeDomains)(1 << random.Next(12)) | (LifeDomains)(1 << random.Next(12)),
                Dimensions = (Dimensions)random.Next(1, 16), Facilitators = (FacilitatorRoles)random.Next(1, 8),
                Capacity = format is OfferFormat.WalkIn || (format is OfferFormat.Online && random.Next(3) == 0) ? null : random.Next(1, 20),
                FlowPolicy = format == OfferFormat.WalkIn ? FlowPolicy.Open : (FlowPolicy)random.Next(1, 4),
                Funding = (Funding)random.Next(1, 5), Access = random.Next(8) == 0 ? Access.Referral : Access.NoReferral,
                IsOnline = online, Pc4 = online ? null : area.Pc4, City = online ? null : area.Place,
                Latitude = online ? null : area.Latitude, Longitude = online ? null : area.Longitude,
            };
            // About one in 40 online offers is a line without sessions (113, De Luisterlijn), as in the demo region.
            var sessions = online && offer.Capacity is null && random.Next(40) == 0 ? 0 : sessionsPerOffer;
            var first = now.Date.AddDays(random.Next(0, 7)).AddHours(random.Next(9, 20));
            for (var s = 0; s < sessions; s++)
            {
                var begin = new DateTimeOffset(first.AddDays(7 * s * 8 / Math.Max(1, sessionsPerOffer) * 1.0), TimeSpan.Zero);
                offer.Sessions.Add(new Session { Start = begin, End = begin.AddHours(2) });
            }
            partners[random.Next(partners.Count)].Offers.Add(offer);
        }
        return (region, areas.Select(a => a.Pc4).ToList());
    }
}
