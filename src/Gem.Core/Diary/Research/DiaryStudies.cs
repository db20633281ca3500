using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Monitor.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Diary.Research;

/// <summary>A study as the staff page lists it: open or closed, and how many take part (under disclosure control).</summary>
public sealed record StudySummary(DiaryStudy Study, DiaryStudyProtocol Protocol, Figure Participants, IReadOnlyList<DiaryStudyExportLog> Exports);

/// <summary>An export written from the database: its text, the file name and the content type.</summary>
public sealed record StudyExportFile(string Content, string FileName, string ContentType);

/// <summary>
/// Research use from the database (decision 804): load a checked protocol (all or nothing), list and close studies, a
/// person's explicit opt-in (which starts their diary with the study's schedule) and leaving, the protocol of a
/// diary's study for the moment's form, and the aggregate export of the opted-in moments, each export logged.
/// </summary>
public sealed class DiaryStudies(GemDbContext db, DiaryService diaries, TimeProvider clock)
{
    public static readonly DisclosureControl Rules = new();

    /// <summary>Checks and stores a protocol; every problem with line and column, and then nothing is stored.</summary>
    public async Task<StudyProtocolResult> LoadAsync(string json, CancellationToken ct = default)
    {
        var result = DiaryStudyProtocols.Parse(json);
        if (result.Protocol is not { } p) return result;
        if (await db.Set<DiaryStudy>().AnyAsync(s => s.Id == p.Id, ct))
        {
            var (line, column) = DiaryStudyProtocols.Locate(json, "$.id");
            return new(null, [new(line, column, "$.id", $"A study with the id '{p.Id}' is already loaded; give the new study its own id.")]);
        }
        db.Set<DiaryStudy>().Add(new DiaryStudy { Id = p.Id, Title = p.Title, ProtocolJson = json, LoadedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default)
    {
        var studies = await db.Set<DiaryStudy>().AsNoTracking().OrderByDescending(s => s.LoadedAt).ToListAsync(ct);
        var counts = await db.Set<DiaryStudyParticipation>().GroupBy(p => p.StudyId).Select(g => new { g.Key, Persons = g.Select(p => p.OwnerId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Persons, ct);
        var logs = (await db.Set<DiaryStudyExportLog>().AsNoTracking().ToListAsync(ct)).OrderByDescending(l => l.At).ToLookup(l => l.StudyId);
        return [.. studies.Select(s => new StudySummary(s, s.Protocol(), Figure.Count(counts.GetValueOrDefault(s.Id), Rules), [.. logs[s.Id]]))];
    }

    /// <summary>Open studies people can join.</summary>
    public async Task<IReadOnlyList<DiaryStudyProtocol>> OpenAsync(CancellationToken ct = default) =>
        [.. (await db.Set<DiaryStudy>().AsNoTracking().Where(s => s.ClosedAt == null).OrderBy(s => s.Title).ToListAsync(ct)).Select(s => s.Protocol())];

    /// <summary>Closes a study: nobody can join any more; the moments given so far stay in its export.</summary>
    public async Task CloseAsync(string studyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (await db.Set<DiaryStudy>().Where(s => s.Id == studyId && s.ClosedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosedAt, now), ct) == 0)
            throw new NotFoundException("No open study with this id.");
    }

    /// <summary>
    /// The person joins an open study by their own explicit choice: a running diary is stopped, and a new one starts with
    /// the study's schedule and expiry, linked to the study in the same save.
    /// </summary>
    public async Task<PersonalDiary> JoinAsync(Guid ownerId, string studyId, CancellationToken ct = default)
    {
        var study = await db.Set<DiaryStudy>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == studyId && s.ClosedAt == null, ct)
                    ?? throw new NotFoundException("No open study with this id.");
        var p = study.Protocol();
        if (await diaries.CurrentAsync(ownerId, ct) is { } current && diaries.IsRunning(current)) await diaries.StopAsync(ownerId, ct);
        var now = clock.GetUtcNow();
        return await diaries.StartAsync(ownerId, new DiaryInput(p.Days, p.WakeFrom, p.WakeUntil, p.PerDay, p.MinGapMinutes), p.ExpiryMinutes,
            diary => db.Set<DiaryStudyParticipation>().Add(new DiaryStudyParticipation { StudyId = study.Id, OwnerId = ownerId, DiaryId = diary.Id, JoinedAt = now }), ct);
    }

    /// <summary>
    /// The person leaves the study: the link goes (their moments no longer count in its export), their own diary data stay;
    /// a running study diary stops, so no more of the study's prompts come.
    /// </summary>
    public async Task LeaveAsync(Guid ownerId, string studyId, CancellationToken ct = default)
    {
        var diaryIds = await db.Set<DiaryStudyParticipation>().Where(x => x.OwnerId == ownerId && x.StudyId == studyId).Select(x => x.DiaryId).ToListAsync(ct);
        if (diaryIds.Count == 0) throw new NotFoundException("Not in this study.");
        if (await diaries.CurrentAsync(ownerId, ct) is { } current && diaries.IsRunning(current) && diaryIds.Contains(current.Id)) await diaries.StopAsync(ownerId, ct);
        await db.Set<DiaryStudyParticipation>().Where(x => x.OwnerId == ownerId && x.StudyId == studyId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The study a diary belongs to, or null for the person's own diary.</summary>
    public async Task<DiaryStudyProtocol?> ForDiaryAsync(Guid diaryId, CancellationToken ct = default)
    {
        var json = await (from x in db.Set<DiaryStudyParticipation>()
                          join s in db.Set<DiaryStudy>() on x.StudyId equals s.Id
                          where x.DiaryId == diaryId
                          select s.ProtocolJson).FirstOrDefaultAsync(ct);
        return json is null ? null : DiaryStudyProtocols.Parse(json).Protocol;
    }

    /// <summary>The ids of the studies the person is in now.</summary>
    public async Task<IReadOnlyList<string>> JoinedAsync(Guid ownerId, CancellationToken ct = default) =>
        await db.Set<DiaryStudyParticipation>().Where(x => x.OwnerId == ownerId).Select(x => x.StudyId).Distinct().ToListAsync(ct);

    /// <summary>The study's opted-in moments answered in time, with their extra items, as the export reads them.</summary>
    public async Task<IReadOnlyList<StudyAnswer>> AnswersAsync(string studyId, CancellationToken ct = default)
    {
        var moments = await (from m in db.Set<DiaryMoment>()
                             join x in db.Set<DiaryStudyParticipation>() on m.DiaryId equals x.DiaryId
                             where x.StudyId == studyId && m.AnsweredAt != null && !m.Late && !m.IsTest
                             select m).AsNoTracking().ToListAsync(ct);
        var extras = (await (from a in db.Set<DiaryExtraAnswer>()
                             join m in db.Set<DiaryMoment>() on a.MomentId equals m.Id
                             join x in db.Set<DiaryStudyParticipation>() on m.DiaryId equals x.DiaryId
                             where x.StudyId == studyId
                             select a).AsNoTracking().ToListAsync(ct))
            .ToLookup(a => a.MomentId);
        return [.. moments.Select(m => DiaryStudyExport.From(m, extras[m.Id].ToDictionary(a => a.ItemId, a => a.Value))).OfType<StudyAnswer>()];
    }

    /// <summary>
    /// The study's aggregate export as CSV or JSON (<see cref="DiaryStudyExport"/>, the monitor's disclosure control),
    /// logged with who asked for it in the same save.
    /// </summary>
    public async Task<StudyExportFile> ExportAsync(string studyId, string format, Guid? byUserId, string by, CancellationToken ct = default)
    {
        format = format.ToLowerInvariant();
        if (format is not ("csv" or "json")) throw new ValidationException("format", "Choose csv or json.");
        var study = await db.Set<DiaryStudy>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == studyId, ct) ?? throw new NotFoundException("No study with this id.");
        var protocol = study.Protocol();
        var rows = DiaryStudyExport.Compute(protocol, await AnswersAsync(studyId, ct), Rules);
        db.Set<DiaryStudyExportLog>().Add(new DiaryStudyExportLog { StudyId = studyId, At = clock.GetUtcNow(), ByUserId = byUserId, By = by, Format = format });
        await db.SaveChangesAsync(ct);
        return format == "csv"
            ? new(DiaryStudyExport.Csv(rows), $"{study.Id}.csv", "text/csv; charset=utf-8")
            : new(DiaryStudyExport.Json(protocol, rows), $"{study.Id}.json", "application/json; charset=utf-8");
    }
}
