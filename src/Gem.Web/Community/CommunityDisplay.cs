using Gem.Core.Community;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Community;

/// <summary>How a space is named on the pages: themes by their life domain, the youth and naasten spaces by name, an offer's by the offer.</summary>
public static class CommunityDisplay
{
    public static string Title(CommunitySpace space, IStringLocalizer<CommunityResource> text)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(text);
        return space switch
        {
            { Kind: SpaceKind.Naasten } => text["Space.Naasten"],
            { Kind: SpaceKind.Theme, IsYouth: true } => text["Space.Youth"],
            { Kind: SpaceKind.Theme } => text["Domain." + space.Domain],
            { Kind: SpaceKind.Offer } => string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Space.Offer"], space.Title),
            _ => string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Space.Room"], space.Title),
        };
    }
}
