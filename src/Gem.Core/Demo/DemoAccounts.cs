using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Demo;

/// <summary>
/// The demo region's accounts: an admin, a coordinator and one staff member for each of the first five fictional
/// partners (see README), loaded with the region into an empty database (<c>Hosting/DatabaseSetup</c>).
/// </summary>
public static class DemoAccounts
{
    /// <summary>The password of the demo region's accounts. Demo only: the demo is never loaded into a production database.</summary>
    public const string Password = "Demo-wachtwoord-2026";

    public static async Task SeedAsync(UserManager<GemUser> users, GemDbContext db)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
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
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException("Could not create demo account " + email + ": " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
