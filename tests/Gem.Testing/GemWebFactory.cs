using Gem.Core.Data;
using Gem.Core.Mail;
using Gem.Core.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Testing;

/// <summary>
/// The real web host over a fresh database of the given provider, with the demo region loaded.
/// One factory per test class (IClassFixture) or per test; never shared across classes.
/// </summary>
public class GemWebFactory(TestDatabase database, bool seedDemo = true) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>The pickup folder this host writes its mail to (.eml files).</summary>
    public string MailFolder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gem-mail-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The pickup folder this host writes its text messages to (.txt files), after <see cref="DeliverSmsAsync"/>.</summary>
    public string SmsFolder { get; } = Path.Combine(Path.GetTempPath(), "gem-sms-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Configuration for this host (key → value), applied before it starts. Tests get no background demo history and a
    /// high rate limit unless they set otherwise (e.g. <c>Gem:Database:DemoHistory</c>, a low <c>Gem:RateLimits:…</c>).
    /// </summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Gem:Database:DemoHistory"] = "false",
        ["Gem:RateLimits:MailPerQuarterHour"] = "1000",
        ["Gem:RateLimits:Scale"] = "1000",
        ["Gem:Monitor:WarmAtStart"] = "false", // hundreds of test hosts: only the monitor tests read the monitor data
        ["Gem:Dashboard:WarmAtStart"] = "false",
    };

    /// <summary>
    /// A factory over a fresh database. With <paramref name="start"/> the host is built at once, so the
    /// database is migrated and seeded before the test reads it; pass false to call UseKestrel first.
    /// </summary>
    public static async Task<GemWebFactory> CreateAsync(DatabaseProvider provider, bool seedDemo = true, bool start = true)
    {
        var factory = new GemWebFactory(await TestDatabase.CreateAsync(provider, migrate: false), seedDemo);
        if (start) _ = factory.Services;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside a test assembly (bench/) the factory cannot find the web project; the caller names it.
        if (Environment.GetEnvironmentVariable("GEM_WEB_CONTENT_ROOT") is { Length: > 0 } root) builder.UseContentRoot(root);
        // The host runs as the application role and migrates as the owner, as in production (decision 410).
        builder.UseSetting("ConnectionStrings:Gem", Database.AppConnectionString);
        if (Database.Provider == DatabaseProvider.Postgres) builder.UseSetting("ConnectionStrings:GemMigrations", Database.ConnectionString);
        builder.UseSetting("Gem:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Gem:Database:SeedDemo", seedDemo ? "true" : "false");
        builder.UseSetting("Gem:Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Gem:Reminders:Enabled", "false");
        builder.UseSetting("Gem:Mail:Outbox:Enabled", "false"); // tests deliver with DeliverMailAsync
        builder.UseSetting("Gem:Mail:MessageIdDomain", "mail.test.example");
        builder.UseSetting("Gem:Sms:PickupDirectory", SmsFolder);
        builder.UseSetting("Gem:Sms:Enabled", "false"); // tests deliver with DeliverSmsAsync
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>
    /// Delivers every mail that is due in the outbox now (the background sender is off in tests), then returns; the
    /// .eml files are in <see cref="MailFolder"/> afterwards.
    /// </summary>
    public async Task DeliverMailAsync()
    {
        var sender = Services.GetRequiredService<OutboxSender>();
        for (var i = 0; i < 200; i++)
        {
            await sender.DeliverDueAsync();
            if (await sender.PendingAsync(dueOnly: true) == 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The outbox did not empty within 10 s.");
    }

    /// <summary>Delivers every text message due now (the background sender is off in tests); the .txt files are in <see cref="SmsFolder"/> afterwards.</summary>
    public async Task DeliverSmsAsync()
    {
        var sender = Services.GetRequiredService<Gem.Core.Sms.SmsOutboxSender>();
        while (await sender.DeliverDueAsync() > 0) { }
    }

    /// <summary><see cref="DeliverMailAsync"/> for synchronous test helpers.</summary>
    public void DeliverMail() => Task.Run(DeliverMailAsync).GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        if (Directory.Exists(SmsFolder)) Directory.Delete(SmsFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
