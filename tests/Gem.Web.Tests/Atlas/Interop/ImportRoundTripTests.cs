using System.Net;
using System.Net.Http.Headers;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Atlas.Interop;

/// <summary>HSDS JSON from /api/hsds/services imports back as the same offers; the upload page imports all or nothing and only for the staff's own organisation.</summary>
[SqliteOnly("export then import of files; the import write runs on both in OfferImporterTests and ReimportTests")]
public sealed class ImportRoundTripTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task HsdsJson_ExportedServices_ImportBackAsTheSameOffers()
    {
        var client = _factory.CreateClient();
        var exported = await client.GetByteArrayAsync("/api/hsds/services?per_page=100&page=1");
        await using var db = _factory.Database.CreateContext();
        var before = await db.Offers.AsNoTracking().ToListAsync();

        var result = await new OfferImporter(db, TimeProvider.System).ImportAsync(new Actor(Guid.NewGuid(), null, true), new MemoryStream(exported), "services.json");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Math.Min(100, before.Count), result.Imported);
        var beforeIds = before.Select(o => o.Id).ToHashSet();
        var imported = await db.Offers.AsNoTracking().Where(o => !beforeIds.Contains(o.Id)).ToListAsync();
        foreach (var copy in imported)
        {
            var original = before.Single(o => o.PartnerId == copy.PartnerId && o.Name == copy.Name && o.Description == copy.Description
                && o.Address == copy.Address && o.Format == copy.Format);
            Assert.Equal(OfferInput.From(original) with { City = original.City }, OfferInput.From(copy));
        }
    }

    [Fact]
    public async Task UploadPage_StaffCsv_ImportsForOwnOrganisationOnly()
    {
        await using var db = _factory.Database.CreateContext();
        var partners = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Take(2).ToListAsync();
        var (a, b) = (partners[0], partners[1]);
        var staffA = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, a.Id));
        const string Csv = "naam;vorm;levensdomeinen;adres;pc4\nPraatgroep Import;groep;eenzaamheid en contact;Kerkplein 2;3841\nKookclub Import;groep;eenzaamheid en contact;Kerkplein 3;3851\n";

        var ownPage = await PostAsync(staffA, Csv, a.Id);
        var foreignPage = await PostAsync(staffA, Csv, b.Id);
        var badPage = await PostAsync(staffA, Csv.Replace("3851", "12", StringComparison.Ordinal), a.Id);

        Assert.Contains("data-testid=\"import-success\"", ownPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-errors\"", foreignPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-errors\"", badPage, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", badPage, StringComparison.Ordinal);
        Assert.Contains("<td>E (pc4)</td>", badPage, StringComparison.Ordinal);
        await using var check = _factory.Database.CreateContext();
        Assert.Equal(2, await check.Offers.CountAsync(o => o.Name.EndsWith(" Import")));
        Assert.Equal(0, await check.Offers.CountAsync(o => o.PartnerId == b.Id && o.Name.EndsWith(" Import")));
    }

    [Fact]
    public async Task UploadPage_Anonymous_IsRedirectedToSignIn()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/partner/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPage_Template_DownloadsCsvThatImports()
    {
        await using var db = _factory.Database.CreateContext();
        var partner = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).FirstAsync();
        var staff = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, partner.Id));

        var response = await staff.GetAsync("/partner/import?handler=Template");
        var template = await response.Content.ReadAsByteArrayAsync();
        var result = await new OfferImporter(db, TimeProvider.System).ImportAsync(new Actor(Guid.NewGuid(), partner.Id, false), new MemoryStream(template), "sjabloon.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Imported);
    }

    private static async Task<string> PostAsync(HttpClient client, string csv, Guid partnerId)
    {
        var token = await WebTestExtensions.AntiforgeryTokenAsync(client, "/partner/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(partnerId.ToString()), "PartnerId" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "aanbod.csv");
        var response = await client.PostAsync("/partner/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
