using Gem.Core.Data;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Learning;

/// <summary>One experiment (public, aggregate only): change, prediction, its measures as run charts on live figures, and the outcome; members conclude it (adopt, adapt, abandon).</summary>
public sealed class ExperimentModel(GemDbContext db, Workshops workshops, ExperimentMeasures measures) : LearningPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public Experiment Experiment { get; private set; } = null!;
    public Workshop Workshop { get; private set; } = null!;
    public bool IsMember { get; private set; }
    public IReadOnlyList<MeasureSeries> Series { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(ExperimentOutcome outcome, string? evaluation, CancellationToken ct)
    {
        if (Me is not { } me) return Task.FromResult<IActionResult>(Challenge());
        return RunAsync(() => workshops.ConcludeExperimentAsync(Id, outcome, evaluation, me, ct), "/leren/experimenten/" + Id, () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var experiment = await db.Set<Experiment>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == Id, ct);
        if (experiment is null) return false;
        Experiment = experiment;
        var view = await workshops.ReadAsync(experiment.WorkshopId, Me, ct);
        (Workshop, IsMember) = (view.Workshop, view.IsMember);
        Series = await measures.SeriesAsync(experiment, ct);
        return true;
    }
}
