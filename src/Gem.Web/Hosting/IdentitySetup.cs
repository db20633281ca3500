using System.Globalization;
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
    /// <summary>The password of the demo region's accounts. Demo only: the demo is never loaded into a production database.</summary>
    public const string DemoPassword = "Demo-wachtwoord-2026";

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
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.PartnerStaff, Roles.Admin));
    }

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

    /// <summary>Demo accounts: an admin, a coordinator and one staff member for each of the first partners (see README).</summary>
    public static async Task SeedDemoAccountsAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<GemUser>>();
        var db = services.GetRequiredService<GemDbContext>();
        await CreateAsync(users, "admin@demo.gem.example", "Beheerder (demo)", null, Roles.Admin);
        await CreateAsync(users, "coordinator@demo.gem.example", "Regiocoördinator (demo)", null, Roles.Coordinator);
        var partners = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Take(5).ToListAsync();
        for (var i = 0; i < partners.Count; i++)
        {
            await CreateAsync(users, string.Create(CultureInfo.InvariantCulture, $"staff{i + 1}@demo.gem.example"),
                $"Medewerker {partners[i].Name}", partners[i].Id, Roles.PartnerStaff);
        }
    }

    private static async Task CreateAsync(UserManager<GemUser> users, string email, string name, Guid? partnerId, string role)
    {
        var user = new GemUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PartnerId = partnerId };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded) throw new InvalidOperationException("Could not create demo account " + email + ": " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
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
