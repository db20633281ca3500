using System.Xml.Linq;
using Gem.Core.Plan;

namespace Gem.Core.Tests.Plan;

public sealed class CheckInChartTests
{
    private static CheckIn At(int day, int hope) => new()
    {
        At = new DateTimeOffset(2026, 11, day, 12, 0, 0, TimeSpan.Zero), Connectedness = 5, Hope = hope, Identity = 5, Meaning = 5, Empowerment = 5, QualityOfLife = 5, Participation = 5,
    };

    [Fact]
    public void Render_TwoCheckIns_OneLinePerItemWithScaledPoints()
    {
        var svg = XDocument.Parse(CheckInChart.Render([At(1, 0), At(8, 10)], CheckInChart.DefaultSeries(k => k), "Chart & <title>"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = svg.Descendants(ns + "polyline").ToList();
        Assert.Equal(7, lines.Count);
        var hope = lines.Single(l => l.Element(ns + "title")!.Value == "Hope");
        // x from Left to Width-Right; y: 0 at the bottom (Top + plot height), 10 at Top.
        Assert.Equal($"{CheckInChart.Left},{CheckInChart.Height - CheckInChart.Bottom} {CheckInChart.Width - CheckInChart.Right},{CheckInChart.Top}", hope.Attribute("points")!.Value);
        Assert.Equal("Chart & <title>", svg.Root!.Element(ns + "title")!.Value);
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "2026-11-08");
    }

    [Fact]
    public void Render_NoCheckIns_AxesOnly()
    {
        var svg = XDocument.Parse(CheckInChart.Render([], CheckInChart.DefaultSeries(k => k), "t"));
        Assert.Empty(svg.Descendants("{http://www.w3.org/2000/svg}polyline"));
    }
}
