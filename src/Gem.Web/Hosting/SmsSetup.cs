using Gem.Core.Sms;

namespace Gem.Web.Hosting;

/// <summary>Text messages: options resolved by environment, the sender (a pickup folder for now), the outbox and its hosted sender (decision 006).</summary>
public static class SmsSetup
{
    public static void AddGemSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .PostConfigure(o => o.Resolve(builder.Environment.EnvironmentName, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ISmsSender, PickupSmsSender>();
        builder.Services.AddSingleton<SmsOutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SmsOutboxSender>());
    }
}
