using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gem.Web.Hosting;

/// <summary>
/// Limits on forms that send mail to an address someone types (forgot password, register): per client IP address,
/// <c>Gem:RateLimits:MailPerQuarterHour</c> (default 5) posts per 15 minutes, so nobody can flood another person's
/// mailbox or probe many addresses. Reading the pages is never limited. A refused post answers 429 with a plain
/// Dutch/English message and Retry-After. ASP.NET Core's own rate limiter does the counting.
/// </summary>
public static class RateLimits
{
    public const string MailPolicy = "mail";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static void AddGemRateLimits(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("Gem:RateLimits:MailPerQuarterHour", 5);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(MailPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Te veel pogingen vanaf dit adres. Probeer het over een kwartier opnieuw.\n"
                    + "Too many attempts from this address. Please try again in a quarter of an hour.\n", ct);
            };
        });
    }
}
