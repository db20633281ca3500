using Gem.Core.Abuse;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Hosting;

/// <summary>
/// Asks for the password again before a sensitive change (switching off two-step sign-in, deleting the account):
/// a cookie left behind on a shared computer is not enough for those. With two-step sign-in on, a current code from
/// the app is accepted instead of the password. At most 10 tries per account per 15 minutes.
/// </summary>
public sealed class Reauthentication(UserManager<GemUser> users, AbuseLimits limits)
{
    public static readonly RateRule PerAccount = new("reauth-account", 10, TimeSpan.FromMinutes(15));

    public async Task<bool> ConfirmAsync(GemUser user, string? secret, CancellationToken ct)
    {
        await limits.EnsureAsync([(PerAccount, user.Id.ToString("N"))], ct);
        if (string.IsNullOrEmpty(secret)) return false;
        if (await users.CheckPasswordAsync(user, secret)) return true;
        var code = secret.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && await users.GetTwoFactorEnabledAsync(user)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }
}
