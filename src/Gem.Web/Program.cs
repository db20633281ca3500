using Gem.Web.Atlas;
using Gem.Web.Consultation;
using Gem.Web.Groups;
using Gem.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddGemDatabase();
builder.AddGemIdentity();
builder.AddGemLocalization();
builder.AddGemRateLimits();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddRazorPages(o => o.Conventions.AddPageRoute("/Partner/EditOffer", "/partner/offers/new"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAtlas();
Gem.Web.FrontDoor.FrontDoorSetup.AddFrontDoor(builder.Services);
builder.AddGroups();
Gem.Web.Plan.PlanSetup.AddPlan(builder);
Gem.Web.Dashboard.DashboardSetup.AddDashboard(builder.Services);
Gem.Web.Monitor.MonitorSetup.AddMonitor(builder.Services);
builder.AddConsultation();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapRazorPages();
app.MapCultureSwitch();
app.MapAtlasApi();
Gem.Web.FrontDoor.FrontDoorSetup.MapFrontDoorApi(app);
app.MapGroupsApi();
Gem.Web.Plan.PlanSetup.MapPlanApi(app);
app.MapHsdsApi();
app.MapFhirApi();
app.MapConsultation();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
