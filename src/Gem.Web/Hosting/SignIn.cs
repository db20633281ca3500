using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Hosting;

/// <summary>Section <c>Gem:Sessions</c>: how long a sign-in lasts, and where the keys that protect the cookie live.</summary>
public sealed class SessionOptions
{
    public const string Section = "Gem:Sessions";
    /// <summary>Signed out after this long without a request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Signed out this long after signing in, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")] public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Data Protection key ring; relative paths are under the content root. Sessions survive a restart.</summary>
    [Required] public string KeysDirectory { get; set; } = "data/keys";
}

/// <summary>
/// Every setting of the sign-in cookie and of signing in, in one place (issue 11; before it, three files overrode
/// each other). The cookie <c>gem.auth</c>: HttpOnly, SameSite=Lax, idle and absolute time-outs (issue 5 §1);
/// Data Protection keys persisted so a restart does not sign everyone out; the security stamp is checked on every
/// request, so a deleted account or a changed password ends every session; citizens confirm their e-mail before
/// they sign in. Unauthenticated: machines calling /api or /fhir get 401/403, people's own pages (/mijn, /plan)
/// go to the citizen sign-in (with the authenticator step), every other page to the staff sign-in.
/// </summary>
public static class SignIn
{
    private const string SignedInAt = "gem.signed-in-at";

    /// <summary>Called by <see cref="IdentitySetup.AddGemIdentity"/> after Identity is added, so these settings come last.</summary>
    public static void AddGemSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SessionOptions.Section).Get<SessionOptions>() ?? new SessionOptions();
        var keys = Path.IsPathRooted(options.KeysDirectory) ? options.KeysDirectory : Path.Combine(builder.Environment.ContentRootPath, options.KeysDirectory);
        builder.Services.AddDataProtection().SetApplicationName("Gem").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedEmail = true);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "gem.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx =>
            {
                var path = ctx.Request.Path;
                if (!path.StartsWithSegments("/mijn") && !path.StartsWithSegments("/plan")) return ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                ctx.Response.Redirect("/mijn/inloggen?ReturnUrl=" + Uri.EscapeDataString(path + ctx.Request.QueryString));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                // Kept across renewals and security-stamp refreshes: the moment of the real sign-in.
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                ctx.Properties.Items.TryAdd(SignedInAt, now.ToString("o", CultureInfo.InvariantCulture));
                await signingIn(ctx);
            };
            var validate = o.Events.OnValidatePrincipal; // Identity's security-stamp check
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

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/fhir"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
