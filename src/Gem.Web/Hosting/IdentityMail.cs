using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Hosting;

/// <summary>
/// Identity's mails (address confirmation, password reset) go through the outbox like every other mail (decision 601):
/// queued in the request's own SaveChanges (and transaction, when the page opened one) and delivered by
/// <see cref="OutboxSender"/>, so a slow or absent relay neither delays the answer nor tells whether an account exists.
/// </summary>
public sealed class IdentityMail(GemDbContext db, TimeProvider clock) : IEmailSender<GemUser>
{
    public Task SendConfirmationLinkAsync(GemUser user, string email, string confirmationLink) =>
        QueueAsync("register", email, "Bevestig je account bij Gem / Confirm your Gem account",
            $"Welkom bij Gem. Bevestig je e-mailadres: {confirmationLink}\n\n"
            + "Heb jij dit niet gevraagd? Dan hoef je niets te doen.\n");

    public Task SendPasswordResetLinkAsync(GemUser user, string email, string resetLink) =>
        QueueAsync("reset", email, "Nieuw wachtwoord kiezen voor Gem / Choose a new Gem password",
            "Je vroeg om een nieuw wachtwoord voor Gem. Kies een nieuw wachtwoord via deze link:\n"
            + resetLink + "\n\n"
            + "De link werkt 1 uur en maar één keer.\n"
            + "Heb jij dit niet gevraagd? Dan hoef je niets te doen. Je wachtwoord blijft dan hetzelfde.\n\n"
            + "You asked for a new Gem password. Choose one with the link above; it works for one hour, once. "
            + "Did you not ask for this? Then you need not do anything.\n");

    public Task SendPasswordResetCodeAsync(GemUser user, string email, string resetCode) =>
        QueueAsync("reset", email, "Je code voor een nieuw wachtwoord bij Gem / Your Gem password reset code",
            $"Je code: {resetCode}\n\nHeb jij dit niet gevraagd? Dan hoef je niets te doen.\n");

    /// <summary>"You already have an account": what someone gets who registers again with a known address.</summary>
    public Task SendAlreadyRegisteredAsync(string email, string signInLink) =>
        QueueAsync("register", email, "Je hebt al een account bij Gem / You already have a Gem account",
            $"Iemand probeerde een account te maken met dit adres. Je hebt al een account: log in op {signInLink}\n\n"
            + "Was jij dit niet? Dan hoef je niets te doen.\n");

    private async Task QueueAsync(string kind, string email, string subject, string text)
    {
        db.QueueText(clock.GetUtcNow(), Outbox.NewKey(kind), email.Trim(), subject, text);
        await db.SaveChangesAsync();
    }
}
