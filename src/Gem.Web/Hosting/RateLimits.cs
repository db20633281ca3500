using Gem.Core.Abuse;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Hosting;

/// <summary>
/// Wires the abuse limits (<see cref="AbuseLimits"/>, decision 621): counters in the database shared by every
/// instance, per client IP address (generous) and per target (tight), on enrolment, seat watch, invitation, E-spreekuur question,
/// registration, forgot password and sign-in. Reading pages is never limited. A refused write answers 429 with
/// Retry-After: a page with the site's navigation for people (<see cref="TooManyAttemptsPageFilter"/>),
/// ProblemDetails for /api (<see cref="ProblemDetailsExceptionHandler"/>). Sign-in goes through <see cref="SignInGuard"/>.
/// </summary>
public static class RateLimits
{
    public static void AddGemRateLimits(this WebApplicationBuilder builder)
    {
        // ASP.NET Core's limiter stays wired (UseRateLimiter) for endpoints that want an in-memory policy; the abuse
        // limits themselves count in the database so they hold across instances.
        builder.Services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        builder.Services.AddSingleton<RateCounterQueue>(); // concurrent requests' counts share one upsert (issue 17)
        builder.Services.AddScoped<RateCounters>();
        builder.Services.AddScoped<AbuseLimits>();
        builder.Services.AddScoped<SignInGuard>();
        builder.Services.AddScoped<Reauthentication>();
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add<TooManyAttemptsPageFilter>());
    }
}
