using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Core.Tests.Atlas.Import;

/// <summary>All-or-nothing import on SQLite and PostgreSQL: one bad row among 50 imports nothing and names the cell; a clean file imports every row.</summary>
public sealed class OfferImporterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private static readonly Actor Admin = new(Guid.NewGuid(), null, IsAdmin: true);

    public static TheoryData<DatabaseProvider, ImportFormat> ProvidersAndFormats => new()
    {
        { DatabaseProvider.Sqlite, ImportFormat.Csv }, { DatabaseProvider.Sqlite, ImportFormat.Xlsx },
        { DatabaseProvider.Postgres, ImportFormat.Csv }, { DatabaseProvider.Postgres, ImportFormat.Xlsx },
    };

    private static (MemoryStream File, string Name) Build(ImportFormat format, List<string[]> rows) => format == ImportFormat.Xlsx
        ? (ImportFiles.Xlsx(rows), "aanbod.xlsx")
        : (ImportFiles.Csv(rows), "aanbod.csv");

    [Theory, MemberData(nameof(ProvidersAndFormats))]
    public async Task ImportAsync_OneBadRowAmongFifty_ImportsNothingAndNamesLineAndColumn(DatabaseProvider provider, ImportFormat format)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        var rows = ImportFiles.Rows(50, a.Name);
        rows[22][ImportFiles.Column("pc4")] = "99";      // row 23 of the data = line 24 (line 1 holds the headings)
        var (file, name) = Build(format, rows);

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, file, name);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        var error = Assert.Single(result.Errors);
        Assert.Equal(24, error.Line);
        Assert.Equal("P", error.Column);                  // pc4 is the 16th column
        Assert.Equal("pc4", error.Heading);
        Assert.StartsWith("regel 24, kolom P (pc4): ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(" / line 24, column P (pc4): ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("postcode", error.Reason.Nl, StringComparison.Ordinal);
        Assert.Contains("postcode", error.Reason.En, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Offers.CountAsync());
    }

    [Theory, MemberData(nameof(ProvidersAndFormats))]
    public async Task ImportAsync_CleanFileOfFifty_ImportsEveryRow(DatabaseProvider provider, ImportFormat format)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        var (file, name) = Build(format, ImportFiles.Rows(50, a.Name));

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, file, name);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(50, result.Imported);
        await using var check = database.CreateContext();
        var offers = await check.Offers.Where(o => o.PartnerId == a.Id).ToListAsync();
        Assert.Equal(50, offers.Count);
        var first = offers.Single(o => o.Name == "Groep 01");
        Assert.Equal(OfferFormat.WalkIn, first.Format);
        Assert.Equal(LifeDomains.LonelinessAndContact | LifeDomains.LowMood, first.LifeDomains);
        Assert.Equal(Dimensions.Social | Dimensions.Mental, first.Dimensions);
        Assert.Equal(FacilitatorRoles.Volunteer | FacilitatorRoles.ExperienceExpert, first.Facilitators);
        Assert.Equal(8, first.Capacity);
        Assert.Equal(Funding.Wmo, first.Funding);
        Assert.Equal(2.50m, first.CostEuros);
        Assert.Equal("3841", first.Pc4);
        Assert.Equal("Harderwijk", first.City);
        Assert.NotNull(first.Latitude);
        var online = offers.Single(o => o.Name == "Groep 05");
        Assert.True(online.IsOnline);
        Assert.Equal("https://voorbeeld.nl/groep", online.OnlineUrl);
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_SeveralBadCells_ReportsEachWithLineAndColumn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        var rows = ImportFiles.Rows(5, a.Name);
        rows[0][ImportFiles.Column("naam")] = "";
        rows[1][ImportFiles.Column("vorm")] = "kampvuur";
        rows[2][ImportFiles.Column("capaciteit")] = "twaalf";
        rows[3][ImportFiles.Column("levensdomeinen")] = "";
        rows[4][ImportFiles.Column("organisatie")] = "Bestaat Niet";

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, ImportFiles.Csv(rows), "aanbod.csv");

        Assert.Equal(0, result.Imported);
        Assert.Equal(
            ["2 B naam", "3 D vorm", "4 H capaciteit", "5 E levensdomeinen", "6 A organisatie"],
            result.Errors.Select(e => $"{e.Line} {e.Column} {e.Heading}"));
        Assert.Contains("kampvuur", result.Errors[1].Reason.Nl, StringComparison.Ordinal);
        Assert.Equal("Choose at least one life domain.", result.Errors[3].Reason.En);
        Assert.Equal("Kies minstens één levensdomein.", result.Errors[3].Reason.Nl);
        Assert.Equal(0, await db.Offers.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_StaffOfAIntoB_ImportsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, b) = await ImportFiles.SeedPartnersAsync(db);
        var staffA = new Actor(Guid.NewGuid(), a.Id, IsAdmin: false);
        var rows = ImportFiles.Rows(3, a.Name);
        rows[2][ImportFiles.Column("organisatie")] = b.Id.ToString();

        var viaColumn = await new OfferImporter(db, Clock).ImportAsync(staffA, ImportFiles.Csv(rows), "aanbod.csv");
        var viaOption = await new OfferImporter(db, Clock).ImportAsync(staffA, ImportFiles.Csv(ImportFiles.Rows(3)), "aanbod.csv", partner: b.Name);

        var error = Assert.Single(viaColumn.Errors);
        Assert.Equal((4, "A"), (error.Line, error.Column));
        Assert.Contains("own organisation", error.Reason.En, StringComparison.Ordinal);
        Assert.False(viaOption.Succeeded);
        Assert.Contains("eigen organisatie", viaOption.Errors[0].Reason.Nl, StringComparison.Ordinal);
        Assert.Equal(0, await db.Offers.CountAsync());
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_StaffWithoutPartnerColumn_ImportsIntoOwnOrganisation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        var staffA = new Actor(Guid.NewGuid(), a.Id, IsAdmin: false);

        var result = await new OfferImporter(db, Clock).ImportAsync(staffA, ImportFiles.Csv(ImportFiles.Rows(4), delimiter: ','), "aanbod.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(4, await db.Offers.CountAsync(o => o.PartnerId == a.Id));
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_UnknownAndMissingColumns_ReportedOnHeadingLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await ImportFiles.SeedPartnersAsync(db);
        var csv = new MemoryStream("titel;vorm;kleur\nIets;groep;rood\n"u8.ToArray());

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, csv, "aanbod.csv");

        Assert.Equal(["1 A titel", "1 C kleur", "1 - naam"], result.Errors.Select(e => $"{e.Line} {e.Column} {e.Heading}"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_DocumentedTemplate_ImportsEveryExample(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        await using var template = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Atlas", "Import", "Data", "import-template.csv"));

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, template, "import-template.csv", partner: a.Id.ToString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Imported);
        var course = await db.Offers.SingleAsync(o => o.Name == "Herstelcursus Grip");
        Assert.Equal((FlowPolicy.Cohort, Funding.Wmo, 2.50m, "nl,en"), (course.FlowPolicy, course.Funding, course.CostEuros!.Value, course.Languages));
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_UnsupportedOrBrokenFile_ReportsFileError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var importer = new OfferImporter(db, Clock);

        var pdf = await importer.ImportAsync(Admin, new MemoryStream([1, 2, 3]), "aanbod.pdf");
        var xlsx = await importer.ImportAsync(Admin, new MemoryStream("geen excel"u8.ToArray()), "aanbod.xlsx");
        var json = await importer.ImportAsync(Admin, new MemoryStream("[{\"name\": \n"u8.ToArray()), "aanbod.json");

        Assert.Equal(0, Assert.Single(pdf.Errors).Line);
        Assert.Contains("Excel", Assert.Single(xlsx.Errors).Reason.En, StringComparison.Ordinal);
        Assert.Contains("JSON", Assert.Single(json.Errors).Reason.En, StringComparison.Ordinal);
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_QuotedLineBreakAndBilingualHeadings_CountsPhysicalLines()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var (a, _) = await ImportFiles.SeedPartnersAsync(db);
        var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "Naam (name);Beschrijving / description;Life_Domains;adres;PC4\r\n" +
            "Inloop;\"Twee regels:\r\nkoffie en praten\";eenzaamheid en contact;Kerkplein 1;3841\r\n" +
            "Kookclub;Samen koken;Housing;Kerkplein 2;12\r\n"));

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, csv, "aanbod.csv", partner: a.Name);

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "E", "PC4"), (error.Line, error.Column, error.Heading));
    }

    [SqliteOnly("reading and checking the file; the all-or-nothing write runs on both in this class")]
    [Fact]
    public async Task ImportAsync_NoPartnerAnywhere_OneFileErrorNotOnePerRow()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await ImportFiles.SeedPartnersAsync(db);
        var csv = new MemoryStream("naam;levensdomeinen;adres;pc4\nA;wonen;Kerkplein 1;3841\nB;wonen;Kerkplein 2;3841\n"u8.ToArray());

        var result = await new OfferImporter(db, Clock).ImportAsync(Admin, csv, "aanbod.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("--partner", error.Reason.En, StringComparison.Ordinal);
    }
}
