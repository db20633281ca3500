using Gem.Core.Data;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Learning;

/// <summary>
/// The public page of a region's learning (no account): the charter and how many organisations signed it, the workshops
/// per GEM challenge with the roles present, running experiments with their run charts, and the decisions with what the
/// region stops doing. Aggregate only; every figure through disclosure control. The measure series are cached (<see cref="ExperimentMeasures.CacheFor"/>); decisions show at once.
/// </summary>
public sealed class IndexModel(LearningReports reports, GemDbContext db) : LearningPageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public Guid? RegionId { get; set; }

    public LearningReport Report { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, IReadOnlyList<MeasureSeries>> Series { get; private set; } = new Dictionary<Guid, IReadOnlyList<MeasureSeries>>();
    public List<(Guid Id, string Name)> Regions { get; private set; } = [];
    public Guid Region { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = [.. (await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name))];
        if (Regions.Count == 0) return NotFound();
        Region = RegionId is { } id && Regions.Any(r => r.Id == id) ? id : RegionId is null ? Regions[0].Id : Guid.Empty;
        if (Region == Guid.Empty) return NotFound();
        var built = await reports.BuildWithSeriesAsync(Region, ct);
        if (built is null) return NotFound();
        (Report, Series) = built.Value;
        return Page();
    }
}
