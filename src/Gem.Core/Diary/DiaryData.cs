using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Diary;

/// <summary>One moment as the person gets it in their export: when, how the prompt travelled, and the answer.</summary>
public sealed record ExportDiaryMoment(
    Guid Id, Guid DiaryId, int Day, DateTimeOffset PlannedAt, DateTimeOffset ExpiresAt, bool IsTest, DiaryChannel Channel,
    DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? OpenedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? SkippedAt, bool Late,
    int? Cheerful, int? Down, int? Anxious, int? Relaxed, int? Irritated, DiaryPlace? Place, DiaryCompany? Company, DiaryActivity? Activity,
    bool? RatherElse, string? Word, IReadOnlyDictionary<string, int> Extra);

/// <summary>The diary's part of the person's export and erasure (called from <see cref="Plan.PersonalData"/>).</summary>
public static class DiaryData
{
    public static readonly Type[] Tables = [typeof(Research.DiaryExtraAnswer), typeof(Research.DiaryStudyParticipation), typeof(DiaryMoment), typeof(PersonalDiary), typeof(DiaryPushSubscription)];

    /// <summary>Every moment of the person with its answer, and the answers to a study's extra items (decision 804) by item id.</summary>
    public static async Task<IReadOnlyList<ExportDiaryMoment>> ExportAsync(GemDbContext db, Guid userId, CancellationToken ct)
    {
        var extra = (await db.Set<Research.DiaryExtraAnswer>().AsNoTracking().Where(a => a.OwnerId == userId).ToListAsync(ct)).ToLookup(a => a.MomentId);
        return (await db.Set<DiaryMoment>().AsNoTracking().Where(m => m.OwnerId == userId).ToListAsync(ct))
            .OrderBy(m => m.PlannedAt)
            .Select(m => new ExportDiaryMoment(m.Id, m.DiaryId, m.Day, m.PlannedAt, m.ExpiresAt, m.IsTest, m.Channel, m.SentAt, m.DeliveredAt, m.OpenedAt,
                m.AnsweredAt, m.SkippedAt, m.Late, m.Cheerful, m.Down, m.Anxious, m.Relaxed, m.Irritated, m.Place, m.Company, m.Activity, m.RatherElse, m.Word,
                extra[m.Id].OrderBy(a => a.ItemId, StringComparer.Ordinal).ToDictionary(a => a.ItemId, a => a.Value)))
            .ToList();
    }

    /// <summary>Removes the person's extra answers, study links, moments, diaries and browser subscriptions, and diary mail still in the outbox (inside the caller's transaction).</summary>
    public static async Task EraseAsync(GemDbContext db, Guid userId, CancellationToken ct)
    {
        var diaryIds = await db.Set<PersonalDiary>().Where(d => d.OwnerId == userId).Select(d => d.Id).ToListAsync(ct);
        var momentKeys = (await db.Set<DiaryMoment>().Where(m => m.OwnerId == userId).Select(m => m.Id).ToListAsync(ct))
            .SelectMany(id => new[] { $"diary.{id:N}", $"diary.{id:N}.r" }).ToList();
        foreach (var chunk in momentKeys.Chunk(500))
            await db.Set<Mail.OutboxMessage>().Where(o => chunk.Contains(o.Key)).ExecuteDeleteAsync(ct);
        foreach (var id in diaryIds)
        {
            var prefix = $"diary.silent.{id:N}.";
            await db.Set<Mail.OutboxMessage>().Where(o => o.Key.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        }
        await db.Set<Research.DiaryExtraAnswer>().Where(a => a.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<Research.DiaryStudyParticipation>().Where(p => p.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<DiaryMoment>().Where(m => m.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<PersonalDiary>().Where(d => d.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<DiaryPushSubscription>().Where(s => s.OwnerId == userId).ExecuteDeleteAsync(ct);
    }
}
