using Gem.Core.Atlas;
using Gem.Core.Groups;

namespace Gem.Web.Groups;

/// <summary>Groups in the host: enrolment, seats, attendance and reminders, session editing, and their endpoints (<see cref="GroupsApi"/>, <see cref="SessionEditingApi"/>).</summary>
public static class GroupsModule
{
    public static void AddGroups(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnrolmentService>();
        builder.Services.AddScoped<SeatWatches>();
        builder.Services.AddScoped<GroupShare>();
        builder.Services.AddScoped<GroupAlternatives>();
        builder.Services.AddSingleton<AlternativesCache>(); // the "full" answer's alternatives per offer (issue 17)
        builder.Services.AddScoped<Attendances>();
        builder.Services.AddScoped<EnrolmentMail>();
        builder.Services.AddScoped<Gem.Core.Mail.IOutboxRenderer>(sp => sp.GetRequiredService<EnrolmentMail>()); // builds its mails when the outbox sends them
        builder.Services.AddScoped<SessionCancellation>();
        builder.Services.AddScoped<IOfferSchedule, OfferSchedule>();
        builder.Services.AddScoped<Gem.Core.Sms.ISmsRenderer, EnrolmentSms>(); // phone-only enrolments: confirmation and call-off by SMS
        builder.Services.AddScoped<SessionEditor>();
        builder.Services.AddScoped<SessionSeries>();
        builder.Services.AddScoped<ParticipantContacts>();
        // Tests switch the background loop off and drive ReminderService.RunOnceAsync with a fake clock.
        if (builder.Configuration.GetValue("Gem:Reminders:Enabled", true)) builder.Services.AddHostedService<ReminderService>();
    }

    public static IEndpointRouteBuilder MapGroups(this IEndpointRouteBuilder app)
    {
        app.MapGroupsApi();
        app.MapSessionEditingApi(); // session editing under /api/atlas, owned by Groups
        return app;
    }
}
