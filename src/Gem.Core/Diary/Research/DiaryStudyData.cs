using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Diary.Research;

/// <summary>
/// A loaded study (decision 804): the protocol file as it was checked (read again with <see cref="DiaryStudyProtocols.Parse"/>,
/// so the file stays the one description of the study), when it was loaded and, once closed, when. Open: people can join.
/// </summary>
public class DiaryStudy
{
    /// <summary>The protocol's own id (a–z, 0–9, '-').</summary>
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string ProtocolJson { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public DiaryStudyProtocol Protocol() =>
        DiaryStudyProtocols.Parse(ProtocolJson).Protocol ?? throw new InvalidOperationException($"The stored protocol of study '{Id}' no longer reads.");
}

/// <summary>
/// A person's explicit opt-in: this diary's moments count in the study's export. Leaving deletes the row (the person's
/// moments stay theirs, they no longer count). One per diary.
/// </summary>
public class DiaryStudyParticipation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string StudyId { get; set; }
    public Guid OwnerId { get; set; }
    public Guid DiaryId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>The answer to one of a study's extra 1–7 items at one moment. The person's own data: in their export and erasure.</summary>
public class DiaryExtraAnswer
{
    public Guid MomentId { get; set; }
    public required string ItemId { get; set; }
    public Guid OwnerId { get; set; }
    public int Value { get; set; }
}

/// <summary>One aggregate export of a study: who (an account, or the command line's user), when, which format. Shown to coordinators.</summary>
public class DiaryStudyExportLog
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string StudyId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string By { get; set; }
    public required string Format { get; set; }
}

internal sealed class DiaryStudyConfiguration : IEntityTypeConfiguration<DiaryStudy>
{
    public void Configure(EntityTypeBuilder<DiaryStudy> b)
    {
        b.ToTable("DiaryStudies");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.ProtocolJson).HasMaxLength(64_000);
    }
}

internal sealed class DiaryStudyParticipationConfiguration : IEntityTypeConfiguration<DiaryStudyParticipation>
{
    public void Configure(EntityTypeBuilder<DiaryStudyParticipation> b)
    {
        b.ToTable("DiaryStudyParticipations");
        b.Property(p => p.StudyId).HasMaxLength(64);
        b.HasIndex(p => p.DiaryId).IsUnique();
        b.HasIndex(p => new { p.StudyId, p.DiaryId });
        b.HasIndex(p => p.OwnerId);
        b.HasOne<DiaryStudy>().WithMany().HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PersonalDiary>().WithMany().HasForeignKey(p => p.DiaryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiaryExtraAnswerConfiguration : IEntityTypeConfiguration<DiaryExtraAnswer>
{
    public void Configure(EntityTypeBuilder<DiaryExtraAnswer> b)
    {
        b.ToTable("DiaryExtraAnswers");
        b.HasKey(a => new { a.MomentId, a.ItemId });
        b.Property(a => a.ItemId).HasMaxLength(40);
        b.HasIndex(a => a.OwnerId);
        b.HasOne<DiaryMoment>().WithMany().HasForeignKey(a => a.MomentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiaryStudyExportLogConfiguration : IEntityTypeConfiguration<DiaryStudyExportLog>
{
    public void Configure(EntityTypeBuilder<DiaryStudyExportLog> b)
    {
        b.ToTable("DiaryStudyExportLogs");
        b.Property(l => l.StudyId).HasMaxLength(64);
        b.Property(l => l.By).HasMaxLength(256);
        b.Property(l => l.Format).HasMaxLength(8);
        b.HasIndex(l => new { l.StudyId, l.At });
        b.HasOne<DiaryStudy>().WithMany().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
