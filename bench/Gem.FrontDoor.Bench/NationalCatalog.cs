using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

/// <summary>A synthetic national catalog: one region, partners of every sector spread over all Dutch PC4 areas, offers of every format, weekly sessions over 8 weeks. Deterministic (seeded).</summary>
internal static class NationalCatalog
{
    public static async Task<(int Sessions, List<string> Pc4s)> GenerateAsync(TestDatabase database, int offerCount, int sessionsPerOffer)
    {
        await using (var migrate = database.CreateContext()) await migrate.Database.MigrateAsync();
        var random = new Random(2026);
        var areas = Pc4Directory.All.Values.OrderBy(a => a.Pc4, StringComparer.Ordinal).ToList();
        var region = new Region { Name = "Nederland (synthetisch)" };
        var sectors = Enum.GetValues<Sector>();
        var partners = Enumerable.Range(0, Math.Max(15, offerCount / 10)).Select(i =>
        {
            var area = areas[random.Next(areas.Count)];
            return new Partner { RegionId = region.Id, Name = $"Partner {i} (fictief)", Sector = sectors[i % sectors.Length], Pc4 = area.Pc4, City = area.Place, IsFictional = true };
        }).ToList();
        await using (var db = database.CreateContext())
        {
            db.Regions.Add(region);
            db.Partners.AddRange(partners);
            await db.SaveChangesAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var formats = Enum.GetValues<OfferFormat>();
        var sessions = 0;
        var pending = new List<Session>(offerCount * sessionsPerOffer);
        const int Batch = 2_500;
        for (var start = 0; start < offerCount; start += Batch)
        {
            await using var db = database.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(offerCount, start + Batch); i++)
            {
                var partner = partners[random.Next(partners.Count)];
                var format = formats[random.Next(formats.Length)];
                var online = format == OfferFormat.Online || random.Next(10) == 0;
                var area = areas[random.Next(areas.Count)];
                var offer = new Offer
                {
                    PartnerId = partner.Id, Name = $"Aanbod {i}", Description = "Een synthetisch aanbod voor de benchmark.", Format = format,
                    LifeDomains = (LifeDomains)(1 << random.Next(12)) | (LifeDomains)(1 << random.Next(12)),
                    Dimensions = (Dimensions)random.Next(1, 16), Facilitators = (FacilitatorRoles)random.Next(1, 8),
                    Capacity = format is OfferFormat.WalkIn ? null : random.Next(1, 20),
                    FlowPolicy = format == OfferFormat.WalkIn ? FlowPolicy.Open : (FlowPolicy)random.Next(1, 4),
                    Funding = (Funding)random.Next(1, 5), Access = random.Next(8) == 0 ? Access.Referral : Access.NoReferral,
                    IsOnline = online, Pc4 = online ? null : area.Pc4, City = online ? null : area.Place,
                    Latitude = online ? null : area.Latitude, Longitude = online ? null : area.Longitude, UpdatedAt = now,
                };
                var first = now.Date.AddDays(random.Next(0, 7)).AddHours(random.Next(9, 20));
                for (var s = 0; s < sessionsPerOffer; s++)
                {
                    var begin = new DateTimeOffset(first.AddDays(7 * s * 8 / Math.Max(1, sessionsPerOffer) * 1.0), TimeSpan.Zero);
                    pending.Add(new Session { OfferId = offer.Id, Start = begin, End = begin.AddHours(2) });
                }
                db.Offers.Add(offer);
            }
            await db.SaveChangesAsync();
        }
        sessions = pending.Count;
        await using (var db = database.CreateContext())
        {
            if (database.Provider == DatabaseProvider.Sqlite) await InsertSqliteAsync(db, pending);
            else
            {
                foreach (var chunk in pending.Chunk(20_000))
                {
                    await using var c = database.CreateContext();
                    c.ChangeTracker.AutoDetectChangesEnabled = false;
                    c.Sessions.AddRange(chunk);
                    await c.SaveChangesAsync();
                }
            }
        }
        return (sessions, areas.Select(a => a.Pc4).ToList());
    }

    /// <summary>Sessions straight through one prepared INSERT in one transaction: EF would take minutes for 500,000 rows on SQLite.</summary>
    private static async Task InsertSqliteAsync(Gem.Core.Data.GemDbContext db, List<Session> sessions)
    {
        var time = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO \"Sessions\" (\"Id\", \"OfferId\", \"Start\", \"End\", \"SeatsTaken\") VALUES ($id, $offer, $start, $end, 0)";
        var id = insert.CreateParameter(); id.ParameterName = "$id"; insert.Parameters.Add(id);
        var offer = insert.CreateParameter(); offer.ParameterName = "$offer"; insert.Parameters.Add(offer);
        var start = insert.CreateParameter(); start.ParameterName = "$start"; insert.Parameters.Add(start);
        var end = insert.CreateParameter(); end.ParameterName = "$end"; insert.Parameters.Add(end);
        await insert.PrepareAsync();
        foreach (var s in sessions)
        {
            id.Value = s.Id.ToString().ToUpperInvariant();
            offer.Value = s.OfferId.ToString().ToUpperInvariant();
            start.Value = time.ConvertToProvider(s.Start);
            end.Value = time.ConvertToProvider(s.End);
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
