using System.Text.Json;
using Gem.Monitor.Indicators;

namespace Gem.Monitor.Tests;

/// <summary>The monitor's kept figures (issue 17): one file per data version, read back equal to what was computed.</summary>
public sealed class MonitorCacheTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gem-monitor-cache-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void VersionOf_ChangesWhenAFileChangesIsAddedOrRemoved_NotOtherwise()
    {
        string data = Directory.CreateDirectory(Path.Combine(_temp, "data", "vektis")).Parent!.FullName;
        string file = Path.Combine(data, "vektis", "a.csv");
        File.WriteAllText(file, "x;y\n1;2\n");
        string first = MonitorCache.VersionOf(data);
        Assert.Equal(first, MonitorCache.VersionOf(data));

        File.AppendAllText(file, "3;4\n");
        string changed = MonitorCache.VersionOf(data);
        Assert.NotEqual(first, changed);

        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(-10)); // same size, other time: a replaced file
        string touched = MonitorCache.VersionOf(data);
        Assert.NotEqual(changed, touched);

        string added = Path.Combine(data, "b.geojson");
        File.WriteAllText(added, "{}");
        Assert.NotEqual(touched, MonitorCache.VersionOf(data));
        File.Delete(added);
        Assert.Equal(touched, MonitorCache.VersionOf(data));
    }

    [Fact]
    public void WriteThenRead_TheShippedData_GivesBackExactlyTheComputedFigures()
    {
        MonitorInputs inputs = MonitorInputs.Load(RepoPaths.Datasets);
        var computed = new MonitorComputed(inputs, [.. inputs.Years.Select(inputs.Year)]);

        MonitorCache.Write(_temp, "v1", computed);
        MonitorComputed? read = MonitorCache.TryRead(_temp, "v1");

        Assert.NotNull(read);
        // Every kept value, compared through the cache's own serialization (records hold lists, which compare by reference).
        Assert.Equal(JsonSerializer.Serialize(computed, MonitorCache.Options), JsonSerializer.Serialize(read, MonitorCache.Options));
        // And a few figures the page shows, compared directly.
        MonitorYear last = read.Years[^1];
        Assert.Equal(computed.Years[^1].Standardised.NationalMean, last.Standardised.NationalMean);
        Assert.Equal(computed.Years[^1].Deprivation.Fit.Coefficients, last.Deprivation.Fit.Coefficients);
        Assert.Equal(inputs.Crosswalk.GemeenteByPc4.Count, read.Inputs.Crosswalk.GemeenteByPc4.Count);
        Assert.Equal(inputs.Pc4.Count, read.Inputs.Pc4.Count);
        Assert.Equal(inputs.Pc4[0].Rings[0][0], read.Inputs.Pc4[0].Rings[0][0]);
        Assert.Equal(inputs.Years[^1].Gemeenten[0].GgzPerPersonYear, read.Inputs.Years[^1].Gemeenten[0].GgzPerPersonYear);
        Assert.Same(inputs.Names, read.Inputs.Names);
    }

    [Fact]
    public void TryRead_OtherVersionOrDamagedFile_IsNull_AndWritingANewVersionRemovesTheOld()
    {
        MonitorInputs inputs = MonitorInputs.Load(RepoPaths.Datasets);
        var computed = new MonitorComputed(inputs, [inputs.Year(inputs.Years[^1])]);
        MonitorCache.Write(_temp, "old", computed);

        Assert.Null(MonitorCache.TryRead(_temp, "new"));

        MonitorCache.Write(_temp, "new", computed);
        Assert.False(File.Exists(MonitorCache.PathOf(_temp, "old")));
        Assert.NotNull(MonitorCache.TryRead(_temp, "new"));

        File.WriteAllText(MonitorCache.PathOf(_temp, "new"), "{\"Inputs\": [");
        Assert.Null(MonitorCache.TryRead(_temp, "new"));
    }
}
