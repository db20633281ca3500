using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Hosting;

/// <summary>What a sign-in attempt came to, as the pages show it: the same <see cref="Failed"/> for an unknown address,
/// a wrong password, an unconfirmed address or a locked account, so the answer never tells who has an account.</summary>
public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    Failed,
    /// <summary>Too many failures for this address from this client: wait (answered 429 with Retry-After).</summary>
    Throttled,
}

/// <summary>
/// Password sign-in without account enumeration and without lockout by strangers (decision 621):
/// <list type="bullet">
/// <item>the same work for every address: an unknown address (and an unconfirmed or locked one, which Identity
/// refuses before hashing) verifies the password against a dummy hash made by the same hasher;</item>
/// <item>no hard lockout of the account: failures count per typed address <em>and client IP address</em>, so after
/// <c>Gem:RateLimits:SignInFailures</c> (5) failures in 15 minutes only that client waits, for that address, and
/// the owner elsewhere can still sign in; the count is kept for unknown addresses too, so "Te vaak geprobeerd"
/// tells nothing;</item>
/// <item>every attempt also counts against the client's address (100 per 15 minutes, generous for a shared computer).</item>
/// </list>
/// </summary>
public sealed class SignInGuard(SignInManager<GemUser> signIn, AbuseLimits limits, IPasswordHasher<GemUser> hasher)
{
    private static readonly GemUser Nobody = new() { UserName = "nobody", Email = "nobody" };
    private static string? dummyHash;

    /// <summary>Set when the outcome is <see cref="SignInOutcome.Throttled"/>.</summary>
    public TooManyAttemptsException? Refused { get; private set; }

    public async Task<SignInOutcome> PasswordSignInAsync(HttpContext http, string email, string password, CancellationToken ct)
    {
        await limits.SignInAttemptAsync(http, ct);
        var address = email.Trim();
        var client = AbuseLimits.ClientOf(http) + "|" + address;
        try
        {
            await limits.EnsureNotOverAsync(limits.SignInFailures, client, ct);
        }
        catch (TooManyAttemptsException refused)
        {
            Refused = refused;
            return SignInOutcome.Throttled;
        }

        var user = await signIn.UserManager.FindByNameAsync(address);
        SignInResult result;
        if (user is null)
        {
            VerifyDummy(password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
            // Identity answers these before it checks the password: hash anyway, so the time tells nothing.
            if (result.IsNotAllowed || result.IsLockedOut) VerifyDummy(password);
        }
        if (result.Succeeded) return SignInOutcome.Succeeded;
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor;
        await limits.CountAsync(limits.SignInFailures, client, ct);
        return SignInOutcome.Failed;
    }

    private void VerifyDummy(string password)
    {
        dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, dummyHash, password);
    }
}
