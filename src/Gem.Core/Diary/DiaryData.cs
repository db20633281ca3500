using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Diary;

/// <summary>One moment as the person gets it in their export: when, how the prompt travelled, and the answer.</summary>
public sealed record ExportDiaryMoment(
    Guid Id, Guid DiaryId, int Day, DateTimeOffset PlannedAt, DateTimeOffset ExpiresAt, bool IsTest, DiaryChannel Channel,
    DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? OpenedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? SkippedAt, bool Late,
    int? Cheerful, int? Down, int? Anxious, int? Relaxed, int? Irritated, DiaryPlace? Place, DiaryCompany? Company, DiaryActivity? Activity,
    bool? RatherElse, string? Word, IReadOnlyDictionary<string, int> Extra);

/// <summary>A diary proposed to the person: by whom, when, with what, and their answer.</summary>
public sealed record ExportDiaryProposal(
    Guid Id, string? ProposedBy, string? Organisation, DateTimeOffset ProposedAt, int Days, int PerDay, int WakeFromMinutes, int WakeUntilMinutes,
    int MinGapMinutes, string? Note, DiaryProposalState State, DateTimeOffset? AnsweredAt, Guid? DiaryId);

/// <summary>The person's diary choices beyond the moments: proposals made to them, and prompts by SMS (with the number).</summary>
public sealed record ExportDiaryChoices(IReadOnlyList<ExportDiaryProposal> Proposals, bool PromptsBySms, DateTimeOffset? SmsChosenAt, string? Phone);

/// <summary>The diary's part of the person's export and erasure (called from <see cref="Plan.PersonalData"/>).</summary>
public static class DiaryData
{
    public static readonly Type[] Tables =
        [typeof(Research.DiaryExtraAnswer), typeof(Research.DiaryStudyParticipation), typeof(DiaryMoment), typeof(PersonalDiary), typeof(DiaryPushSubscription), typeof(DiaryProposal), typeof(DiarySmsChoice)];

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

    public static async Task<ExportDiaryChoices> ExportChoicesAsync(GemDbContext db, Guid userId, CancellationToken ct)
    {
        var proposals = (await db.Set<DiaryProposal>().AsNoTracking().Where(p => p.OwnerId == userId).ToListAsync(ct))
            .OrderBy(p => p.ProposedAt)
            .Select(p => new ExportDiaryProposal(p.Id, p.ProposerName, p.ProposerOrganisation, p.ProposedAt, p.Days, p.PerDay, p.WakeFromMinutes, p.WakeUntilMinutes,
                p.MinGapMinutes, p.Note, p.State, p.AnsweredAt, p.DiaryId))
            .ToList();
        var sms = await db.Set<DiarySmsChoice>().AsNoTracking().FirstOrDefaultAsync(c => c.OwnerId == userId, ct);
        var phone = await db.Users.Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        return new ExportDiaryChoices(proposals, sms is not null, sms?.ChosenAt, phone);
    }

    /// <summary>
    /// Removes the person's extra answers, study links, moments, diaries, browser subscriptions, proposals made to them and
    /// their SMS choice, and diary mail and SMS still in the outbox (inside the caller's transaction).
    /// </summary>
    public static async Task EraseAsync(GemDbContext db, Guid userId, CancellationToken ct)
    {
        var diaryIds = await db.Set<PersonalDiary>().Where(d => d.OwnerId == userId).Select(d => d.Id).ToListAsync(ct);
        var momentKeys = (await db.Set<DiaryMoment>().Where(m => m.OwnerId == userId).Select(m => m.Id).ToListAsync(ct))
            .SelectMany(id => new[] { $"diary.{id:N}", $"diary.{id:N}.r" }).ToList();
        foreach (var chunk in momentKeys.Chunk(500))
        {
            await db.Set<Mail.OutboxMessage>().Where(o => chunk.Contains(o.Key)).ExecuteDeleteAsync(ct);
            await db.Set<Sms.SmsMessage>().Where(o => chunk.Contains(o.Key)).ExecuteDeleteAsync(ct);
        }
        var proposalKeys = (await db.Set<DiaryProposal>().Where(p => p.OwnerId == userId).Select(p => p.Id).ToListAsync(ct)).Select(DiaryProposals.MailKey).ToList();
        await db.Set<Mail.OutboxMessage>().Where(o => proposalKeys.Contains(o.Key)).ExecuteDeleteAsync(ct);
        await db.Set<DiaryProposal>().Where(p => p.OwnerId == userId).ExecuteDeleteAsync(ct);
        await db.Set<DiarySmsChoice>().Where(c => c.OwnerId == userId).ExecuteDeleteAsync(ct);
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
