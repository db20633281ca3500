using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gem.Core.Data;
using Gem.Core.Demo;
using Gem.Core.Identity;
using Gem.Core.Learning;
using Gem.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Web.Learning;

/// <summary>The learning ecosystem (values charter, change workshops, experiments, proposals): its services, the renewal reminders, the demo and its endpoints.</summary>
public static class LearningModule
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() }, WriteIndented = true };

    public static void AddLearning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddScoped<ValuesCharters>();
        services.AddScoped<Workshops>();
        services.AddScoped<ExperimentMeasures>();
        services.AddScoped<LearningReports>();
        // Tests switch background loops off (as Groups' reminders) and call ValuesCharters.QueueRenewalRemindersAsync themselves.
        if (builder.Configuration.GetValue("Gem:Reminders:Enabled", true)) services.AddHostedService<CharterRenewalService>();
        services.AddHostedService<LearningDemoStartup>();
    }

    public static void MapLearning(this IEndpointRouteBuilder app)
    {
        app.MapGet("/leren/ateliers/{id:guid}/agenda.ics", async (Guid id, Workshops workshops, CancellationToken ct) =>
        {
            var view = await workshops.ReadAsync(id, null, ct);
            return Results.Text(Workshops.Ics(view.Workshop, view.Meetings), Workshops.CalendarContentType, Encoding.UTF8);
        }).ExcludeFromDescription();
        var api = app.MapGroup("/api/learning").WithTags("Learning");
        api.MapGet("/regions", async (GemDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, Href = "/api/learning/regions/" + r.Id }).ToListAsync(ct)));
        api.MapGet("/regions/{id:guid}", async (Guid id, LearningReports reports, CancellationToken ct) =>
            await reports.BuildAsync(id, ct) is { } report ? Results.Text(JsonSerializer.Serialize(report, Json), "application/json", Encoding.UTF8) : Results.NotFound())
            .Produces<LearningReport>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The learning actor of a signed-in user; a coordinator is someone in the coordinator role (admins are not decision makers).</summary>
    public static LearningActor Actor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var actor = user.ToActor();
        return new LearningActor(actor.UserId, actor.PartnerId, user.IsInRole(Roles.Coordinator), user.FindFirstValue("gem:name") ?? user.Identity?.Name ?? "?");
    }
}

/// <summary>Queues the yearly charter renewal reminders once an hour (claim by outbox key: safe with several instances).</summary>
public sealed class CharterRenewalService(IServiceScopeFactory scopes, ILogger<CharterRenewalService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<ValuesCharters>().QueueRenewalRemindersAsync(stoppingToken);
                if (queued > 0) log.LogInformation("Queued {Count} charter renewal reminders", queued);
            }
            catch (DbUpdateException e)
            {
                // Another instance queued the same reminder first (unique outbox key): nothing lost, try again next hour.
                log.LogInformation(e, "Charter renewal reminders were queued by another instance");
            }
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
        }
    }
}

/// <summary>With the demo region: the charter, one workshop per challenge and a few experiments, once.</summary>
public sealed class LearningDemoStartup(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        await LearningDemo.EnsureAsync(db, clock, Gem.Core.Demo.DemoAccounts.Password, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
