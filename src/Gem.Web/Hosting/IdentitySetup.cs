using System.Security.Claims;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Web.Hosting;

public static class IdentitySetup
{
    public const string PartnerClaim = "gem:partner";
    public const string StaffPolicy = "staff";
    /// <summary>Pages of the person themself (/mijn): signed in as a citizen.</summary>
    public const string CitizenPolicy = "citizen";

    public static void AddGemIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<GemUser, IdentityRole<Guid>>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 12;
                o.User.RequireUniqueEmail = true;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<GemDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<GemClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);
        builder.Services.Configure<PasswordResetTokenProviderOptions>(o =>
        {
            o.Name = PasswordResetTokenProvider.ProviderName;
            o.TokenLifespan = PasswordResetTokenProvider.Lifespan;
        });
        builder.AddGemSignIn();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.PartnerStaff, Roles.Admin))
            .AddPolicy(CitizenPolicy, p => p.RequireRole(Roles.Citizen));
    }

    /// <summary>The signed-in user's id.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>The acting user for domain rules.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
        Guid? partner = Guid.TryParse(user.FindFirstValue(PartnerClaim), out var p) ? p : null;
        return new Actor(id, partner, user.IsInRole(Roles.Admin));
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
    }
}

/// <summary>Adds the user's partner organisation as a claim, so pages and APIs know whose offers they may change.</summary>
public sealed class GemClaimsFactory(UserManager<GemUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GemUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GemUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PartnerId is { } partnerId) identity.AddClaim(new Claim(IdentitySetup.PartnerClaim, partnerId.ToString()));
        if (user.DisplayName is { } name) identity.AddClaim(new Claim("gem:name", name));
        return identity;
    }
}

/// <summary>
/// Password-reset links live one hour (confirmation links keep Identity's default day). Like every Identity token
/// the reset token carries the security stamp, which the reset itself changes: a link works once.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<GemUser>> logger)
    : DataProtectorTokenProvider<GemUser>(protection, options, logger)
{
    public const string ProviderName = "GemPasswordReset";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;
