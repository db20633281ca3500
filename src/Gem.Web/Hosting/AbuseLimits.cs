using System.Globalization;
using Gem.Core.Abuse;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Gem.Web.Hosting;

/// <summary>A write was refused by an abuse limit; answered 429 with Retry-After (a page for people, ProblemDetails for /api).</summary>
public sealed class TooManyAttemptsException(DateTimeOffset retryAt, TimeSpan retryAfter)
    : Exception("Too many attempts. Try again later.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
    public TimeSpan RetryAfter { get; } = retryAfter;

    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Minutes to wait, rounded up, for the message.</summary>
    public int Minutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

/// <summary>
/// The abuse limits on anonymous and cheap writes (decision 621). Each write counts once per client IP address
/// (generous: a library computer or a school shares one address) and once per target (the session, the typed
/// e-mail address or phone number, the account), where the tight limits are. Counters live in the database
/// (<see cref="RateCounters"/>), so two or more instances behind a load balancer share them and the limits hold.
/// <c>Gem:RateLimits:Scale</c> multiplies every permit count except those with their own setting
/// (<c>MailPerQuarterHour</c>, <c>SignInFailures</c>); tests raise it, production keeps 1.
/// </summary>
public sealed class AbuseLimits(RateCounters counters, IConfiguration configuration, TimeProvider clock)
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    // Per client IP address: generous.
    public static readonly RateRule EnrolPerIp = new("enrol-ip", 30, Hour);
    public static readonly RateRule WatchPerIp = new("watch-ip", 30, Hour);
    public static readonly RateRule InvitePerIp = new("invite-ip", 30, Hour);
    public static readonly RateRule SignInPerIp = new("signin-ip", 100, Quarter);
    public static readonly RateRule AskPerIp = new("ask-ip", 20, Hour);
    // Per target: tight.
    public static readonly RateRule EnrolPerIpAndSession = new("enrol-ip-session", 3, Hour);
    public static readonly RateRule EnrolPerSession = new("enrol-session", 20, Quarter);
    public static readonly RateRule EnrolPerContact = new("enrol-contact", 3, Hour);
    public static readonly RateRule WatchPerAddress = new("watch-address", 5, Hour);
    public static readonly RateRule InvitePerAccount = new("invite-account", 10, Hour);
    public static readonly RateRule InvitePerAddress = new("invite-address", 3, Day);
    public static readonly RateRule MailPerAddress = new("mail-address", 3, Hour);
    public static readonly RateRule CodePerAccount = new("code-account", 10, Quarter);
    public static readonly RateRule AskPerText = new("ask-text", 2, Day);

    /// <summary>Failed sign-ins for one account from one client before that client must wait (never scaled).</summary>
    public RateRule SignInFailures => new("signin-fail", configuration.GetValue("Gem:RateLimits:SignInFailures", 5), Quarter);

    private RateRule MailPerIp => new("mail-ip", configuration.GetValue("Gem:RateLimits:MailPerQuarterHour", 20), Quarter);

    private double Scale => configuration.GetValue("Gem:RateLimits:Scale", 1.0);

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Someone enrols in a session (page or API) with an e-mail address and/or a phone number.</summary>
    public Task EnrolAsync(HttpContext http, Guid sessionId, string? email, string? phone, CancellationToken ct)
    {
        var ip = ClientOf(http);
        var session = sessionId.ToString("N");
        List<(RateRule, string)> checks = [(EnrolPerIp, ip), (EnrolPerIpAndSession, ip + "|" + session), (EnrolPerSession, session)];
        if (!string.IsNullOrWhiteSpace(email)) checks.Add((EnrolPerContact, email));
        if (!string.IsNullOrWhiteSpace(phone)) checks.Add((EnrolPerContact, new string(phone.Where(char.IsAsciiDigit).ToArray())));
        return EnsureAsync(checks, ct);
    }

    /// <summary>"Laat het me weten als er plek is".</summary>
    public Task SeatWatchAsync(HttpContext http, string email, CancellationToken ct) =>
        EnsureAsync([(WatchPerIp, ClientOf(http)), (WatchPerAddress, email)], ct);

    /// <summary>A citizen invites someone to their resource group.</summary>
    public Task InviteAsync(HttpContext http, Guid ownerId, string email, CancellationToken ct) =>
        EnsureAsync([(InvitePerIp, ClientOf(http)), (InvitePerAccount, ownerId.ToString("N")), (InvitePerAddress, email)], ct);

    /// <summary>A form that mails a typed address (registration, forgot password); the address is counted across forms.</summary>
    public Task MailFormAsync(HttpContext http, string email, CancellationToken ct) =>
        EnsureAsync([(MailPerIp, ClientOf(http)), (MailPerAddress, email)], ct);

    /// <summary>
    /// An anonymous question to the public E-spreekuur: per client address (generous) and per question text (the same
    /// words sent again and again; counters keep only a hash of a partition, never the text).
    /// </summary>
    public Task PublicQuestionAsync(HttpContext http, string? question, CancellationToken ct)
    {
        var words = string.Join(' ', (question ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return EnsureAsync([(AskPerIp, ClientOf(http)), (AskPerText, "ask|" + words)], ct);
    }

    /// <summary>Every sign-in attempt counts against the client's address.</summary>
    public Task SignInAttemptAsync(HttpContext http, CancellationToken ct) => EnsureAsync([(SignInPerIp, ClientOf(http))], ct);

    /// <summary>A two-step code for an account: per client and per account.</summary>
    public Task CodeAttemptAsync(HttpContext http, Guid userId, CancellationToken ct) =>
        EnsureAsync([(SignInPerIp, ClientOf(http)), (CodePerAccount, userId.ToString("N"))], ct);

    /// <summary>
    /// Counts one per rule and partition; the first rule (in order) over its limit refuses, and the later ones are not
    /// counted. All counts go to the database in one round trip (issue 17); a refusal takes the later counts back.
    /// </summary>
    public async Task EnsureAsync(IReadOnlyList<(RateRule Rule, string Partition)> checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var counts = await counters.HitAllAsync(checks, ct);
        for (var i = 0; i < checks.Count; i++)
        {
            if (counts[i].Count <= Permits(checks[i].Rule)) continue;
            if (i + 1 < checks.Count) await counters.UndoAsync(checks.Skip(i + 1), ct);
            throw Refuse(counts[i]);
        }
    }

    /// <summary>Refuses when the partition is already at its limit, without counting.</summary>
    public async Task EnsureNotOverAsync(RateRule rule, string partition, CancellationToken ct)
    {
        var count = await counters.PeekAsync(rule, partition, ct);
        if (count.Count >= Permits(rule)) throw Refuse(count);
    }

    public Task CountAsync(RateRule rule, string partition, CancellationToken ct) => counters.HitAsync(rule, partition, ct);

    private int Permits(RateRule rule) =>
        Unscaled.Contains(rule.Name) ? rule.Permits : (int)Math.Min(int.MaxValue, Math.Ceiling(rule.Permits * Scale));

    /// <summary>Rules with their own setting are not multiplied by the scale.</summary>
    private static readonly HashSet<string> Unscaled = ["signin-fail", "mail-ip"];

    private TooManyAttemptsException Refuse(RateCount count) => new(count.ResetAt, count.ResetAt - clock.GetUtcNow());

    /// <summary>Sets the 429 status and Retry-After header.</summary>
    public static void Answer429(HttpContext http, TooManyAttemptsException refused)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = refused.RetryAfterSeconds;
    }
}

/// <summary>
/// Turns a refused page post into a readable page (status 429, Retry-After, the site's navigation), so a person is
/// never left with a bare status code.
/// </summary>
public sealed class TooManyAttemptsPageFilter(IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public const string View = "/Pages/Shared/TooMany.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not TooManyAttemptsException refused || executed.ExceptionHandled) return;
        AbuseLimits.Answer429(context.HttpContext, refused);
        executed.Result = new ViewResult
        {
            ViewName = View,
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = refused },
        };
        executed.ExceptionHandled = true;
    }
}
