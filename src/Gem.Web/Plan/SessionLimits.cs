using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Plan;

/// <summary>Section <c>Gem:Sessions</c>: how long a sign-in lasts.</summary>
public sealed class SessionOptions
{
    public const string Section = "Gem:Sessions";
    /// <summary>Signed out after this long without a request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Signed out this long after signing in, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")] public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// Session hardening for people's accounts (issue 5 §1): idle and absolute time-outs on the sign-in cookie, and
/// Data Protection keys persisted (in the database, <see cref="Hosting.DataProtectionSetup"/>) so a restart does not sign everyone out. The security stamp is checked on
/// every request (see <see cref="PlanSetup"/>), so a deleted account or a changed password ends every session.
/// </summary>
public static class SessionLimits
{
    private const string SignedInAt = "gem.signed-in-at";

    public static void AddSessionLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SessionOptions.Section).Get<SessionOptions>() ?? new SessionOptions();
        builder.AddGemDataProtection(); // keys in the database, shared by every instance (decision 602)

        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                // Kept across renewals and security-stamp refreshes: the moment of the real sign-in.
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                ctx.Properties.Items.TryAdd(SignedInAt, now.ToString("o", CultureInfo.InvariantCulture));
                await signingIn(ctx);
            };
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (!ctx.Properties.Items.TryGetValue(SignedInAt, out var at)
                    || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
                    || clock.GetUtcNow() - signedIn > options.AbsoluteTimeout)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await validate(ctx);
            };
        });
    }
}
