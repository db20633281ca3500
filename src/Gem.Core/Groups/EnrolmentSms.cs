using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Mail;
using Gem.Core.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Groups;

/// <summary>
/// The text messages of an enrolment made with only a phone number (decision 006): a confirmation with the code and the
/// link to cancel or pause, and a message when the group calls sessions off. Queued as a row with the change (cheap, in
/// the same transaction); the text is built when it is sent, from the enrolment as it is then.
/// </summary>
public sealed class EnrolmentSms(IOptions<MailOptions> options) : ISmsRenderer
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public const string ConfirmationKind = "enrolment.confirm";
    public const string CalledOffKind = "enrolment.calledoff";

    /// <summary>The person is reached by SMS when a phone number is their only contact.</summary>
    public static bool BySms(Enrolment e) => e.Email is null && e.Phone is not null;

    public static void QueueConfirmation(GemDbContext db, Enrolment e, DateTimeOffset now)
    {
        if (!BySms(e)) return;
        SmsMessage.Queue(db, new SmsMessage { Key = $"confirm.{e.Id:N}", Kind = ConfirmationKind, To = e.Phone!, EnrolmentId = e.Id }, now);
    }

    public static void QueueCalledOff(GemDbContext db, Enrolment e, IReadOnlyCollection<Session> sessions, DateTimeOffset now)
    {
        if (!BySms(e) || sessions.Count == 0) return;
        var ids = sessions.Select(s => s.Id.ToString("N")).Order(StringComparer.Ordinal).ToList();
        SmsMessage.Queue(db, new SmsMessage
        {
            Key = $"calledoff.{e.Id:N}.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join(',', ids))))[..16]}",
            Kind = CalledOffKind, To = e.Phone!, EnrolmentId = e.Id, Body = string.Join('\n', ids),
        }, now);
    }

    public bool Handles(string kind) => kind is ConfirmationKind or CalledOffKind;

    public async Task<string?> RenderAsync(GemDbContext db, SmsMessage row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        var e = await db.Enrolments.IgnoreQueryFilters().AsNoTracking().Include(x => x.Offer).Include(x => x.Session).FirstOrDefaultAsync(x => x.Id == row.EnrolmentId, ct);
        if (e?.Offer is null || e.Session is null) return null;
        var offer = MailText.OneLine(e.Offer.Name);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        if (row.Kind == ConfirmationKind)
        {
            if (e.Status == EnrolmentStatus.Cancelled) return null;
            return $"Gem: je bent aangemeld voor {offer}, {When(e.Session.Start)}. Je code: {EnrolmentCode.Display(e.Code)}. "
                + $"Afzeggen of pauzeren: {baseUrl}/groups/enrolment/{e.Token} Direct hulp nodig? Bel 113 (0800-0113).";
        }
        var ids = (row.Body ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var sessions = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        if (sessions.Count == 0) return null;
        var dates = string.Join(", ", sessions.OrderBy(s => s.Start).Select(s => When(s.Start)));
        return $"Gem: {offer} gaat niet door op {dates}. Iets anders dat snel begint: {baseUrl}/voorportaal Direct hulp nodig? Bel 113 (0800-0113).";
    }

    private static string When(DateTimeOffset start) => TimeZoneInfo.ConvertTime(start, LocalTime.Zone).ToString("ddd d MMM 'om' HH:mm", Dutch);
}
