using Gem.Core.Mail;

namespace Gem.Web.Hosting;

/// <summary>Outgoing mail for every capability (enrolment, password reset, invitations): section <c>Gem:Mail</c>.</summary>
public static class MailSetup
{
    public static void AddGemMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
                    o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, builder.Environment.ContentRootPath);
            });
        builder.Services.AddSingleton<IMailSender, MailSender>();
    }
}
