namespace Gem.Core.Common;

/// <summary>Who is acting: a signed-in user, their partner organisation (staff) and whether they are an admin.</summary>
public sealed record Actor(Guid UserId, Guid? PartnerId, bool IsAdmin)
{
    public bool MayManage(Guid partnerId) => IsAdmin || PartnerId == partnerId;
}
