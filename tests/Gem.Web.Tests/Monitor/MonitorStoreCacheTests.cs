using Gem.Web.Monitor;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gem.Web.Tests.Monitor;

/// <summary>
/// A restarted host answers its first /monitor from the figures kept for the data version (issue 17): the first store
/// computes and keeps them, a second store (the restart) loads them, and figures kept for another data version are not used.
/// </summary>
public sealed class MonitorStoreCacheTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gem-monitor-store-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private MonitorStore Store() => new(Options.Create(new MonitorOptions { Cache = _cache }), new Environment(), NullLogger<MonitorStore>.Instance);

    [Fact]
    public void Restart_SameData_LoadsTheKeptFigures()
    {
        var first = Store().Get();
        Assert.Null(first.Problem);
        Assert.False(first.FromCache);
        Assert.True(File.Exists(Gem.Monitor.MonitorCache.PathOf(_cache, first.Version!)));

        var restarted = Store().Get();

        Assert.True(restarted.FromCache);
        Assert.Equal(first.Version, restarted.Version);
        Assert.Equal(first.YearList, restarted.YearList);
        var year = first.YearList[^1];
        Assert.Equal(first.Years[year].Standardised.NationalMean, restarted.Years[year].Standardised.NationalMean);
        Assert.Equal(first.Years[year].Deprivation.Fit.RSquared, restarted.Years[year].Deprivation.Fit.RSquared);
    }

    [Fact]
    public void Restart_KeptFiguresBelongToOtherData_ComputesAgainAndReplacesThem()
    {
        var first = Store().Get();
        var stale = Gem.Monitor.MonitorCache.PathOf(_cache, "0123456789abcdef01234567");
        File.Move(Gem.Monitor.MonitorCache.PathOf(_cache, first.Version!), stale); // as if the data changed since they were kept

        var restarted = Store().Get();

        Assert.False(restarted.FromCache);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Gem.Monitor.MonitorCache.PathOf(_cache, restarted.Version!)));
    }

    /// <summary>The web project's folder as content root: the store finds the repository's datasets/ above it.</summary>
    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Gem.Web";
        public string ContentRootPath { get; set; } = Path.Combine(Root(), "src", "Gem.Web");
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        private static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gem.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("No Gem.sln above the test output.");
        }
    }
}
