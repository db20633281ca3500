using System.Globalization;
using System.Text;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Atlas;

/// <summary>
/// Partner staff upload a CSV, Excel or HSDS file of offers for their own organisation (an admin for any). The import is
/// all or nothing; every bad cell is listed with its line and column (docs/import.md).
/// </summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
[RequestFormLimits(MultipartBodyLengthLimit = OfferImporter.MaxBytes + 64 * 1024)]
[RequestSizeLimit(OfferImporter.MaxBytes + 64 * 1024)]
public sealed class ImportModel(GemDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PartnerChoice(Guid Id, string Name);

    public IReadOnlyList<PartnerChoice> Partners { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? PartnerId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportResult? Result { get; private set; }
    public bool NoFile { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadPartnersAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadPartnersAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            NoFile = true;
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        Result = await new OfferImporter(db, clock).ImportAsync(User.ToActor(), stream, Upload.FileName, PartnerId?.ToString(), ct);
        return Page();
    }

    /// <summary>The template: the headings of docs/import.md and one example row.</summary>
    public IActionResult OnGetTemplate()
    {
        var headings = string.Join(';', OfferColumns.All.Select(c => c.Dutch));
        const string example = ";Wandelgroep De Stap;\"Elke dinsdag wandelen we een uur door het park, daarna samen koffie.\";groep;\"eenzaamheid en contact; somberheid\";\"sociaal; lichamelijk\";vrijwilliger;12;open;gratis;;zonder verwijzing;nee;;Stationsplein 1;3841;Harderwijk;nl;Vlakke paden.;wandelen@voorbeeld.nl;";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(headings + "\r\n" + example + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "gem-aanbod-sjabloon.csv");
    }

    /// <summary>The reason in the page's language.</summary>
    public static string Reason(ImportError e) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl" ? e.Reason.Nl : e.Reason.En;

    private async Task LoadPartnersAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var partners = db.Partners.AsNoTracking();
        if (!actor.IsAdmin) partners = partners.Where(p => p.Id == actor.PartnerId);
        Partners = (await partners.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => new PartnerChoice(p.Id, p.Name)).ToList();
        PartnerId ??= actor.PartnerId ?? Partners.FirstOrDefault()?.Id;
    }
}
