using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>
/// Who enrols: a first name or alias and one way to be reached. No account needed. <paramref name="FrontDoorVisit"/>:
/// the day of the first front-door visit, when the person comes from the front door (never after today).
/// </summary>
public sealed record EnrolmentRequest(string Name, string? Email, string? Phone, Guid? UserId = null, DateOnly? FrontDoorVisit = null)
{
    public void EnsureValid()
    {
        var errors = new Dictionary<string, string[]>();
        if (Mail.MailText.OneLine(Name).Length is 0 or > 100) errors[nameof(Name)] = ["A first name or alias of 1 to 100 characters is required."];
        var hasEmail = !string.IsNullOrWhiteSpace(Email);
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (!hasEmail && !hasPhone) errors[nameof(Email)] = ["Give an e-mail address or a phone number, so the group can reach you."];
        if (hasEmail && (Email!.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))) errors[nameof(Email)] = ["Not an e-mail address."];
        if (hasPhone && (Phone!.Length > 50 || Phone.Count(char.IsAsciiDigit) < 6)) errors[nameof(Phone)] = ["Not a phone number."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}

/// <summary>Something else that can start soon, offered when a session is full.</summary>
public sealed record Alternative(Guid OfferId, string OfferName, string PartnerName, Guid SessionId, DateTimeOffset Start, bool IsOnline, string? City);

/// <summary>The session (or rolling group) has no free seat. Never a dead end: carries what else can start within 7 days.</summary>
/// <summary>
/// This e-mail address or phone number already has a place in this session (one active enrolment per contact per
/// session, also a unique index in the database): a second one would only take another seat and send another mail.
/// </summary>
public sealed class AlreadyEnrolledException()
    : ConflictException("This e-mail address or phone number is already signed up for this group. The confirmation mail has the link to your place.");

public sealed class SessionFullException(IReadOnlyList<Alternative> alternatives)
    : ConflictException("This group is full. Other groups can start within 7 days.")
{
    public IReadOnlyList<Alternative> Alternatives { get; } = alternatives;
}

/// <summary>
/// Enrolment with free in- and outflow. The seat rule "never more than capacity" is a conditional
/// UPDATE on one counter row, written together with the enrolment, so the database decides under any
/// concurrency (decision 003): open and cohort groups count per session, rolling groups per offer. With
/// <paramref name="mail"/> (the web host) the confirmation and seat-free mails are queued in the outbox in the same
/// transaction as the seat change (decision 601); the demo history leaves it out and mails nobody. Besides reading the
/// session, a new enrolment is one statement on PostgreSQL (the seat, the enrolment and its outbox row as one
/// data-modifying CTE) and a transaction of two round trips on SQLite (decision 005); a session that is visibly full is
/// answered without writing, its alternatives from <paramref name="alternatives"/> when given (issue 17,
/// bench/Gem.Groups.Bench/README.md).
/// </summary>
public sealed class EnrolmentService(GemDbContext db, TimeProvider clock, SeatWatches? watches = null, EnrolmentMail? mail = null,
    AlternativesCache? alternatives = null)
{
    /// <summary>Takes a seat and records the enrolment; the result carries its Session and Offer (detached).</summary>
    public async Task<Enrolment> EnrolAsync(Guid sessionId, EnrolmentRequest request, CancellationToken ct = default)
    {
        request.EnsureValid();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim().ToLowerInvariant();
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        // One read: the session, its offer and whether this contact already has a place in it (a snapshot: the unique
        // index stays the rule, below). A full group answers without another round trip. The condition repeats
        // HasActiveAsync's on purpose: passed in as an expression variable, EF runs it as a query of its own.
        // Not a compiled query: those fail when one process holds several models (tests, a second database).
        var read = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { Session = s, s.Offer, Placed = db.Enrolments.Any(e => e.SessionId == s.Id && e.Status != EnrolmentStatus.Cancelled
                && ((email != null && e.Email == email) || (phone != null && e.Phone == phone))) })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Session not found.");
        var session = read.Session;
        session.Offer = read.Offer;
        var now = clock.GetUtcNow();
        if (session.End <= now) throw new ValidationException("SessionId", "This session has already taken place.");
        if (session.CancelledAt is not null) throw new ValidationException("SessionId", "This session is cancelled; choose another date.");
        if (request.FrontDoorVisit is { } visit && visit > LocalTime.Day(now))
            throw new ValidationException(nameof(request.FrontDoorVisit), "The front-door visit cannot be after today.");
        var offer = session.Offer!;
        if (!Seats.IsJoinPoint(offer.FlowPolicy, session.IsCohortStart))
            throw new ValidationException("SessionId", "This course runs as one group from a fixed start date; sign up for the start of a next group.");

        if (read.Placed) throw new AlreadyEnrolledException();
        // Visibly full when read: answered without a transaction (the seat rule itself is only ever the UPDATE below).
        if (!Seats.HasFreeSeat(Seats.Free(offer, session))) throw await FullAsync(offer, now, ct);

        var enrolment = new Enrolment
        {
            OfferId = offer.Id,
            SessionId = session.Id,
            Name = Mail.MailText.OneLine(request.Name),
            Email = email,
            Phone = phone,
            UserId = request.UserId,
            FrontDoorVisit = request.FrontDoorVisit,
            CreatedAt = now,
        };
        var pending = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        db.Enrolments.Add(enrolment);
        if (mail is not null) EnrolmentMail.QueueConfirmation(db, enrolment, now);
        // This enrolment's rows: the enrolment and what was queued with it. Only these leave the context when it fails.
        var ours = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !pending.Contains(e.Entity)).Select(e => e.Entity).ToList();
        bool taken;
        try
        {
            // The single statement writes only this enrolment's rows; when the caller has other changes pending,
            // SaveChanges writes them all, as before.
            taken = db.Database.IsNpgsql() && db.ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || ours.Contains(e.Entity))
                ? await TakeSeatInOneStatementAsync(offer, session.Id, enrolment, ours, ct)
                : await TakeSeatAndSaveAsync(offer, session.Id, ct);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // This contact took a place after the read (the unique index decides): the seat and the queued mail went
            // back with the failed write.
            Forget(ours);
            if (await HasActiveAsync(session.Id, email, phone, ct)) throw new AlreadyEnrolledException();
            throw;
        }
        catch (Exception)
        {
            Forget(ours); // nothing was written: a later SaveChanges must not write an enrolment without its seat
            throw;
        }
        if (!taken)
        {
            Forget(ours);
            if (await HasActiveAsync(session.Id, email, phone, ct)) throw new AlreadyEnrolledException(); // placed meanwhile
            throw await FullAsync(offer, now, ct);
        }
        // Hand back a detached enrolment with its session and offer, so callers need no second query.
        db.Entry(enrolment).State = EntityState.Detached;
        enrolment.Session = session;
        enrolment.Offer = offer;
        return enrolment;
    }

    /// <summary>
    /// SQLite (and the reference for PostgreSQL's single statement): the conditional seat update and the Added rows in
    /// one transaction, two round trips; false, with nothing written, when the group is full.
    /// </summary>
    private async Task<bool> TakeSeatAndSaveAsync(Offer offer, Guid sessionId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await TakeSeatAsync(offer, sessionId, ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        // No savepoint around the insert (two more round trips): a failed insert rolls the whole transaction back anyway.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// PostgreSQL: the same conditional seat update and the Added rows (the enrolment and its outbox row) as one
    /// statement, a data-modifying CTE whose inserts read from the seat update; one round trip and no transaction, since
    /// one statement is all or nothing. The seat conditions are <see cref="Seats.OfferHasRoom"/> and
    /// <see cref="Seats.SessionHasFreeSeat"/> (with the archived-offer filter EF adds) written in SQL; the inserts come
    /// from the EF model (<see cref="EntityInsert"/>). False, with nothing written, when the group is full.
    /// </summary>
    private async Task<bool> TakeSeatInOneStatementAsync(Offer offer, Guid sessionId, Enrolment enrolment, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var sql = new EntityInsert(db);
        var seat = offer.FlowPolicy == FlowPolicy.Rolling
            ? $"""
              UPDATE "Offers" SET "MembersTaken" = "MembersTaken" + 1
              WHERE "Id" = {sql.Parameter(offer.Id)} AND "ArchivedAt" IS NULL AND ("Capacity" IS NULL OR "MembersTaken" < "Capacity")
              RETURNING 1
              """
            : $"""
              UPDATE "Sessions" AS s SET "SeatsTaken" = s."SeatsTaken" + 1 FROM "Offers" AS o
              WHERE s."Id" = {sql.Parameter(sessionId)} AND o."Id" = s."OfferId" AND o."ArchivedAt" IS NULL
                AND (COALESCE(s."Seats", o."Capacity") IS NULL OR s."SeatsTaken" < COALESCE(s."Seats", o."Capacity"))
              RETURNING 1
              """;
        var enrolmentEntry = db.Entry(enrolment);
        var others = rows.Where(r => r != enrolment).Select(db.Entry).ToList();
        var statement = $"WITH seat AS ({seat})"
            + string.Concat(others.Select((e, i) => $",\nrow{i} AS ({sql.InsertFrom(e, "seat")})"))
            + "\n" + sql.InsertFrom(enrolmentEntry, "seat");
        if (await sql.ExecuteAsync(statement, ct) == 0) return false;
        db.ChangeTracker.AcceptAllChanges();
        return true;
    }

    private void Forget(IEnumerable<object> entities)
    {
        foreach (var entity in entities) db.Entry(entity).State = EntityState.Detached;
    }

    /// <summary>No seat for a contact without a place here: "full", with what else can start soon.</summary>
    private async Task<SessionFullException> FullAsync(Offer offer, DateTimeOffset now, CancellationToken ct) =>
        new(alternatives is not null
            ? await alternatives.GetAsync(db, offer, ct)
            : await new GroupAlternatives(db).FindAsync(offer, now, ct));

    private Task<bool> HasActiveAsync(Guid sessionId, string? email, string? phone, CancellationToken ct) =>
        db.Enrolments.AnyAsync(e => e.SessionId == sessionId && e.Status != EnrolmentStatus.Cancelled
            && ((email != null && e.Email == email) || (phone != null && e.Phone == phone)), ct);

    /// <summary>Cancels or leaves; the seat is free at once. Idempotent.</summary>
    public async Task CancelAsync(string token, CancellationToken ct = default)
    {
        var enrolment = await FindByTokenAsync(token, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Enrolments
            .Where(e => e.Id == enrolment.Id && e.Status != EnrolmentStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnrolmentStatus.Cancelled).SetProperty(e => e.ChangedAt, clock.GetUtcNow()), ct);
        if (changed == 1)
        {
            await ReleaseSeatAsync(enrolment, ct);
            if (mail is not null)
            {
                // The calendar update (METHOD:CANCEL) goes to the outbox with the cancellation itself.
                EnrolmentMail.QueueCancellation(db, enrolment, await ComingInCalendarAsync(enrolment, ct), byStaff: false, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
            }
            if (watches is not null) await watches.NotifyFreedAsync(enrolment.Session!, enrolment.Offer!, ct);
        }
        await tx.CommitAsync(ct);
        if (changed == 1) alternatives?.Invalidate(); // a seat is free: it may be someone's alternative
    }

    /// <summary>The coming sessions an enrolment put in the person's calendar (open: its own; rolling and cohort: the series from its start).</summary>
    private async Task<List<Session>> ComingInCalendarAsync(Enrolment e, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (e.Offer!.FlowPolicy == FlowPolicy.Open) return e.Session!.End > now && e.Session.CancelledAt is null ? [e.Session] : [];
        var start = e.Session!.Start;
        return (await db.Sessions.AsNoTracking().Where(s => s.OfferId == e.OfferId && s.Start >= start && s.End > now && s.CancelledAt == null).ToListAsync(ct))
            .OrderBy(s => s.Start).ToList();
    }

    /// <summary>A break from a rolling group: the place is kept, and it does not count as failure.</summary>
    public Task PauseAsync(string token, CancellationToken ct = default) =>
        MoveAsync(token, EnrolmentStatus.Active, EnrolmentStatus.Paused, ct);

    /// <summary>Back from a break, in the same place.</summary>
    public Task ResumeAsync(string token, CancellationToken ct = default) =>
        MoveAsync(token, EnrolmentStatus.Paused, EnrolmentStatus.Active, ct);

    public async Task<Enrolment> FindByTokenAsync(string token, CancellationToken ct = default) =>
        await db.Enrolments.AsNoTracking().Include(e => e.Offer).ThenInclude(o => o!.Partner).Include(e => e.Session)
            .FirstOrDefaultAsync(e => e.Token == token, ct)
        ?? throw new NotFoundException("Enrolment not found.");

    private async Task MoveAsync(string token, EnrolmentStatus from, EnrolmentStatus to, CancellationToken ct)
    {
        var enrolment = await FindByTokenAsync(token, ct);
        if (enrolment.Offer!.FlowPolicy != FlowPolicy.Rolling)
            throw new ValidationException("Status", "Pausing is for groups you can join any week; here you simply cancel and come again another time.");
        if (enrolment.Status == to) return;
        if (enrolment.Status != from) throw new ConflictException($"This enrolment is {enrolment.Status}.");
        await db.Enrolments.Where(e => e.Id == enrolment.Id && e.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, to).SetProperty(e => e.ChangedAt, clock.GetUtcNow()), ct);
    }

    /// <summary>One atomic conditional increment (the free-seat rule of <see cref="Seats"/>): 1 when a seat was taken, 0 when the group is full.</summary>
    private Task<int> TakeSeatAsync(Offer offer, Guid sessionId, CancellationToken ct) =>
        offer.FlowPolicy == FlowPolicy.Rolling
            ? db.Offers.Where(o => o.Id == offer.Id).Where(Seats.OfferHasRoom)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.MembersTaken, o => o.MembersTaken + 1), ct)
            : db.Sessions.Where(s => s.Id == sessionId).Where(Seats.SessionHasFreeSeat)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SeatsTaken, s => s.SeatsTaken + 1), ct);

    private Task<int> ReleaseSeatAsync(Enrolment enrolment, CancellationToken ct) =>
        enrolment.Offer!.FlowPolicy == FlowPolicy.Rolling
            ? db.Offers.Where(o => o.Id == enrolment.OfferId && o.MembersTaken > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.MembersTaken, o => o.MembersTaken - 1), ct)
            : db.Sessions.Where(s => s.Id == enrolment.SessionId && s.SeatsTaken > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SeatsTaken, s => s.SeatsTaken - 1), ct);
}
