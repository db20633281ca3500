using Gem.Core.Data;
using Gem.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Hosting;

/// <summary>
/// Every URL answers as before: the host's endpoints (pages and APIs, with their HTTP methods) equal the committed
/// list <c>routes.txt</c>, made before issue 11 moved pages and wiring. A new or removed route is a deliberate change
/// of that file (set GEM_RECORD_ROUTES=1 and run this test once to rewrite it).
/// </summary>
public sealed class RouteListTests
{
    [SqliteOnly("lists the routes; the database is only the host")]
    [Fact]
    public async Task Endpoints_EqualTheCommittedList()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        var actual = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m.Order(StringComparer.Ordinal)) : "*")
                + " " + "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var file = Path.Combine(RepoRoot(), "tests", "Gem.Web.Tests", "Hosting", "routes.txt");
        if (Environment.GetEnvironmentVariable("GEM_RECORD_ROUTES") == "1") await File.WriteAllLinesAsync(file, actual);
        var expected = (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, actual);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gem.sln"))) return dir.FullName;
        throw new InvalidOperationException("No Gem.sln above " + AppContext.BaseDirectory);
    }
}
