using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Tests.Atlas;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Interop;

/// <summary>
/// Calls every operation of /openapi/v1.json (anonymous and as admin, with unknown and with real ids, bad and good bodies)
/// and has an outside validator check the document (@seriousme/openapi-schema-validator) and each response's status and
/// body against it (ajv, JSON Schema 2020-12): Interop/Checks/check-openapi.mjs.
/// </summary>
[SqliteOnly("the OpenAPI document; no query")]
public sealed class OpenApiTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed record Call(string Method, string Template, int Status, string? ContentType, string? Body);

    [Fact]
    public async Task EveryOperation_AnswersAsDocumented()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var admin = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Admin));
        var documentJson = await anonymous.GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(documentJson)!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete").Select(m => (Template: p.Key, Method: m.Key.ToUpperInvariant())))
            .ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations documented");

        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Capacity != null && !s.Offer.IsOnline && s.Start > now.AddDays(1))
            .OrderBy(s => s.Start).FirstAsync();
        var enrolled = await anonymous.PostAsJsonAsync($"/api/groups/sessions/{session.Id}/enrolments", new { name = "Sam", email = "sam@test.gem.example" });
        var token = (string)JsonNode.Parse(await enrolled.Content.ReadAsStringAsync())!["token"]!;
        var real = new Dictionary<string, string>
        {
            ["id"] = session.OfferId.ToString(), ["offerId"] = session.OfferId.ToString(), ["partnerId"] = session.Offer!.PartnerId.ToString(),
            ["sessionId"] = session.Id.ToString(), ["token"] = token, ["regionId"] = (await db.Regions.Select(r => r.Id).FirstAsync()).ToString(),
        };
        var calls = new List<Call>();
        async Task SendAsync(HttpClient client, string method, string template, string url, object? body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null) request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, AtlasApiTests.Json), Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            calls.Add(new Call(method, template, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text.Length == 0 ? null : text));
        }
        string Fill(string template, Func<string, string> value) =>
            System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => value(m.Groups[1].Value));

        foreach (var (template, method) in operations)
        {
            var unknown = Fill(template, _ => Guid.NewGuid().ToString());
            var body = method is "POST" or "PUT" ? "{}" : null;
            await SendAsync(anonymous, method, template, unknown, body);
            await SendAsync(admin, method, template, unknown, body);
            await SendAsync(admin, method, template, unknown + (unknown.Contains('?') ? "&" : "?") + "page=x&per_page=0&_count=0", body);
            if (method == "GET")
            {
                var url = Fill(template, name => template.Contains("/partners/{id}") || template.Contains("/organizations/{id}") ? real["partnerId"]
                    : template.Contains("/locations/{id}") || template.Contains("/Location/{id}") ? Web.Atlas.Interop.HsdsMapper.LocationId(session.OfferId).ToString()
                    : template.Contains("/Organization/{id}") ? real["partnerId"]
                    : template.Contains("/regions/{id}") ? real["regionId"]
                    : template.Contains("/sessions/{id}") || template.Contains("{sessionId}") ? real["sessionId"] : real[name]);
                await SendAsync(admin, method, template, url, null);
                await SendAsync(anonymous, method, template, url, null);
            }
        }

        // The writes with good input, and their conflicts.
        await SendAsync(admin, "POST", "/api/atlas/partners/{partnerId}/offers", $"/api/atlas/partners/{real["partnerId"]}/offers", StaffAuthorizationTests.ValidInput());
        await SendAsync(admin, "PUT", "/api/atlas/offers/{id}", $"/api/atlas/offers/{session.OfferId}", StaffAuthorizationTests.ValidInput("Nieuwe naam"));
        var start = now.AddDays(3);
        await SendAsync(admin, "POST", "/api/atlas/offers/{id}/sessions", $"/api/atlas/offers/{session.OfferId}/sessions", new SessionInput(start, start.AddHours(2), null, null, null));
        var added = JsonNode.Parse(calls[^1].Body!)!["id"]!.ToString();
        await SendAsync(admin, "DELETE", "/api/atlas/sessions/{id}", $"/api/atlas/sessions/{added}", null);
        await SendAsync(admin, "GET", "/api/groups/sessions/{sessionId}/attendees", $"/api/groups/sessions/{session.Id}/attendees", null);
        await SendAsync(admin, "PUT", "/api/groups/sessions/{sessionId}/attendance", $"/api/groups/sessions/{session.Id}/attendance", "[]");
        await SendAsync(admin, "DELETE", "/api/atlas/sessions/{id}", $"/api/atlas/sessions/{session.Id}", null);
        await SendAsync(admin, "DELETE", "/api/atlas/offers/{id}", $"/api/atlas/offers/{session.OfferId}", null);
        await SendAsync(anonymous, "POST", "/api/groups/enrolments/{token}/pause", $"/api/groups/enrolments/{token}/pause", null);
        await SendAsync(anonymous, "POST", "/api/groups/enrolments/{token}/cancel", $"/api/groups/enrolments/{token}/cancel", null);
        await SendAsync(admin, "POST", "/api/atlas/sessions/{id}/cancel", $"/api/atlas/sessions/{session.Id}/cancel", null);
        await SendAsync(admin, "POST", "/api/atlas/offers/{id}/archive", $"/api/atlas/offers/{session.OfferId}/archive", null);
        await SendAsync(anonymous, "GET", "/api/atlas/offers", "/api/atlas/offers?lifeDomains=MoneyAndDebt,Housing&format=Group", null);
        await SendAsync(anonymous, "GET", "/api/frontdoor/match", "/api/frontdoor/match?d=MoneyAndDebt&pc4=3841", null);

        Assert.DoesNotContain(calls, c => c.Status >= 500);
        var folder = Directory.CreateTempSubdirectory("gem-openapi-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), documentJson);
        await File.WriteAllTextAsync(Path.Combine(folder, "responses.json"), JsonSerializer.Serialize(calls.Select(c => new
        {
            method = c.Method, template = c.Template, status = c.Status, contentType = c.ContentType, body = c.Body,
        })));
        var summary = JsonNode.Parse(await OutsideCheck.RunAsync("node", "check-openapi.mjs", Path.Combine(folder, "openapi.json"), Path.Combine(folder, "responses.json")))!;
        output.WriteLine($"{operations.Count} operations, {calls.Count} calls, {(int)summary["checked"]!} checked, {summary["errors"]!.AsArray().Count} validator errors");
        Assert.Equal(calls.Count, (int)summary["checked"]!);
        Assert.Empty(summary["errors"]!.AsArray());
        // Every read was called with a real id and succeeded.
        foreach (var (template, method) in operations.Where(o => o.Method == "GET"))
            Assert.True(calls.Any(c => c.Template == template && c.Method == method && c.Status < 300),
                $"{method} {template} never succeeded: " + string.Join(", ", calls.Where(c => c.Template == template && c.Method == method).Select(c => $"{c.Status} {c.Body?[..Math.Min(c.Body.Length, 200)]}")));
    }
}
