using Gem.Web.Atlas;
using Gem.Web.Community;
using Gem.Web.Consent;
using Gem.Web.Consultation;
using Gem.Web.Dashboard;
using Gem.Web.Diary;
using Gem.Web.FrontDoor;
using Gem.Web.Groups;
using Gem.Web.Hosting;
using Gem.Web.Learning;
using Gem.Web.Monitor;
using Gem.Web.Plan;

var builder = WebApplication.CreateBuilder(args);

builder.AddGemHosting();
builder.AddAtlas();
builder.AddFrontDoor();
builder.AddGroups();
builder.AddPlan();
builder.AddConsent();
builder.AddDashboard();
builder.AddMonitor();
builder.AddConsultation();
builder.AddDiary();
builder.AddCommunity();
builder.AddLearning();

var app = builder.Build();

await app.UseGemHostingAsync();
app.MapAtlas();
app.MapFrontDoor();
app.MapGroups();
app.MapPlan();
app.MapConsent();
app.MapDashboard();
app.MapMonitor();
app.MapConsultation();
app.MapDiary();
app.MapCommunity();
app.MapLearning();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
