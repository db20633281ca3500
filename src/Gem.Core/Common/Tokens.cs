using System.Security.Cryptography;

namespace Gem.Core.Common;

/// <summary>Secret tokens for links (enrolments, invitations, public questions): 128 random bits as lowercase hex.</summary>
public static class Tokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
