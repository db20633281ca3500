using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Atlas.Import;

/// <summary>
/// Issue 13 item 8: importing the same file again updates the offers by a stable key (the "sleutel" column, an HSDS id,
/// or else the name) instead of adding copies; their sessions stay; all-or-nothing still holds. Both providers.
/// </summary>
public sealed class ReimportTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private static readonly Actor Admin = new(Guid.NewGuid(), null, IsAdmin: true);

    /// <summary>A CSV whose first row is its headings (the template's columns plus "sleutel").</summary>
    private static MemoryStream Csv(IEnumerable<string[]> rows) => new(System.Text.Encoding.UTF8.GetBytes(
        string.Concat(rows.Select(r => string.Join(';', r.Select(c => c.Contains(';', StringComparison.Ordinal) ? "\"" + c + "\"" : c)) + "\r\n"))));

    private static FileStream Template() => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Atlas", "Import", "Data", "import-template.csv"));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_TheTemplateTwice_UpdatesInsteadOfDuplicating(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        await using (var first = Template())
            Assert.True((await new OfferImporter(db, Clock).ImportAsync(Admin, first, "import-template.csv", partner: a.Id.ToString())).Succeeded);
        await using var seed = database.CreateContext();
        var walk = await seed.Offers.SingleAsync(o => o.Name == "Wandelgroep De Stap");
        seed.Sessions.Add(new Session { OfferId = walk.Id, Start = Clock.GetUtcNow().AddDays(2), End = Clock.GetUtcNow().AddDays(2).AddHours(1) });
        await seed.SaveChangesAsync();
        var count = await seed.Offers.CountAsync(o => o.PartnerId == a.Id);

        await using var again = database.CreateContext();
        ImportResult second;
        await using (var file = Template())
            second = await new OfferImporter(again, Clock).ImportAsync(Admin, file, "import-template.csv", partner: a.Id.ToString());

        Assert.True(second.Succeeded, string.Join("\n", second.Errors));
        Assert.Equal(count, second.Updated);
        await using var check = database.CreateContext();
        Assert.Equal(count, await check.Offers.CountAsync(o => o.PartnerId == a.Id));
        Assert.Equal(walk.Id, (await check.Offers.SingleAsync(o => o.Name == "Wandelgroep De Stap")).Id); // same offer: its sessions and links stay
        Assert.Equal(1, await check.Sessions.CountAsync(s => s.OfferId == walk.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_KeyColumn_RenamedOfferIsUpdated_DuplicateKeyImportsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        List<string[]> WithKeys(List<string[]> rows, params string[] keys) =>
            [[.. ImportFiles.Headings, "sleutel"], .. rows.Select((r, i) => (string[])[.. r, keys[i]])];
        var rows = ImportFiles.Rows(3, a.Name);
        Assert.True((await new OfferImporter(db, Clock).ImportAsync(Admin, Csv(WithKeys(rows, "k1", "k2", "k3")), "aanbod.csv")).Succeeded);

        rows[1][ImportFiles.Column("naam")] = "Nieuwe naam voor k2";
        var renamed = await new OfferImporter(database.CreateContext(), Clock).ImportAsync(Admin, Csv(WithKeys(rows, "k1", "k2", "k3")), "aanbod.csv");
        Assert.True(renamed.Succeeded, string.Join("\n", renamed.Errors));
        Assert.Equal(3, renamed.Updated);
        await using (var check = database.CreateContext())
        {
            Assert.Equal(3, await check.Offers.CountAsync(o => o.PartnerId == a.Id));
            Assert.Equal("k2", (await check.Offers.SingleAsync(o => o.Name == "Nieuwe naam voor k2")).ImportKey);
        }

        var twice = await new OfferImporter(database.CreateContext(), Clock).ImportAsync(Admin, Csv(WithKeys(rows, "k1", "k1", "k4")), "aanbod.csv");
        Assert.False(twice.Succeeded);
        Assert.Equal(3, Assert.Single(twice.Errors).Line);
        await using var after = database.CreateContext();
        Assert.Equal(3, await after.Offers.CountAsync(o => o.PartnerId == a.Id)); // all or nothing
    }
}
