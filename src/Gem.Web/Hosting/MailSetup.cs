using Gem.Core.Identity;
using Gem.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Hosting;

/// <summary>Mail: one options model resolved by environment, the transport, the outbox and its hosted sender (decision 601).</summary>
public static class MailSetup
{
    public static void AddGemMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.Resolve(builder.Environment.EnvironmentName, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<IMailSender, MailSender>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        builder.Services.AddScoped<IdentityMail>();
        builder.Services.AddScoped<IEmailSender<GemUser>>(sp => sp.GetRequiredService<IdentityMail>());
    }
}
