using System.Security.Claims;
using System.Text;
using Gem.Core.Consultation;
using Gem.Core.Identity;
using Gem.Web.Plan;

namespace Gem.Web.Consultation;

/// <summary>The Consultation capability ("Vraag het de specialist"): its services, the deadline clock, the demo pool and its endpoints.</summary>
public static class ConsultationModule
{
    public static void AddConsultation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.Section);
        services.AddScoped<ConsultationPool>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<ConsultationDeadlines>();
        services.AddScoped<CaseSessions>();
        services.AddScoped<PublicQuestions>();
        // Tests switch background loops off (as Groups' reminders) and drive ConsultationDeadlines.RunOnceAsync with a fake clock.
        if (builder.Configuration.GetValue("Gem:Reminders:Enabled", true)) services.AddHostedService<ConsultationDeadlineService>();
        services.AddHostedService<ConsultationDemoStartup>();
    }

    public static void MapConsultation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/consultatie").ExcludeFromDescription();
        group.MapGet("/sessies.ics", async (CaseSessions sessions, CancellationToken ct) =>
            Results.Text(CaseSessions.Ics(await sessions.ComingAsync(ct)), CaseSessions.ContentType, Encoding.UTF8));
        group.MapGet("/{id:guid}/fhir.json", async (Guid id, ClaimsPrincipal user, ConsultationService service, CancellationToken ct) =>
        {
            var view = await service.ReadAsync(id, user.UserId(), ct);
            return Results.Text(PlanFhir.Serialize(ConsultationFhir.ToBundle([view.Request])), "application/fhir+json", Encoding.UTF8);
        }).RequireAuthorization();
    }

    /// <summary>Who may ask: partner staff and citizens (about themself, or as resource-group member with consent).</summary>
    public static bool MayAsk(ClaimsPrincipal user) => user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.Citizen);
}

/// <summary>With the demo region: puts the demo's fictional specialists in the pool, with a rota and case sessions, once.</summary>
public sealed class ConsultationDemoStartup(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Gem.Core.Data.DatabaseOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Gem.Core.Data.GemDbContext>();
        await ConsultationDemo.EnsurePoolAsync(db, clock, Gem.Core.Demo.DemoAccounts.Password, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
