using System.ComponentModel.DataAnnotations;

namespace Gem.Web.Hosting;

/// <summary>
/// The region's out-of-hours GP service (huisartsenpost), shown on <c>/crisis</c> with a number to call in one tap.
/// It differs per region, so it is region data in configuration (<c>Gem:Region:OutOfHoursGp</c>); without a number the
/// page says to call the huisartsenpost without one. The phone may hold spaces and dashes; the tel: link keeps digits.
/// </summary>
public sealed class OutOfHoursGpOptions
{
    public const string Section = "Gem:Region:OutOfHoursGp";

    [StringLength(100)] public string? Name { get; set; }

    [RegularExpression(@"^\+?[0-9][0-9 \-]{5,18}$")] public string? Phone { get; set; }

    public bool HasNumber => !string.IsNullOrWhiteSpace(Phone);

    /// <summary>The tel: address: digits (and a leading +) only.</summary>
    public string TelLink => "tel:" + new string((Phone ?? "").Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    public static void Add(WebApplicationBuilder builder) =>
        builder.Services.AddOptions<OutOfHoursGpOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>
/// Who runs the region's Gem and how to reach them (<c>Gem:Region:Contact</c>), for the contact page and the
/// privacy and accessibility statements. Empty values are left out of the pages.
/// </summary>
public sealed class RegionContactOptions
{
    public const string Section = "Gem:Region:Contact";

    [StringLength(200)] public string? Organisation { get; set; }

    [EmailAddress, StringLength(200)] public string? Email { get; set; }

    [RegularExpression(@"^\+?[0-9][0-9 \-]{5,18}$")] public string? Phone { get; set; }

    public string TelLink => "tel:" + new string((Phone ?? "").Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    public static void Add(WebApplicationBuilder builder) =>
        builder.Services.AddOptions<RegionContactOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}
