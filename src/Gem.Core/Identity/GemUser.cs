using Microsoft.AspNetCore.Identity;

namespace Gem.Core.Identity;

/// <summary>A person who signs in. Partner staff belong to exactly one partner organisation.</summary>
public class GemUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
    /// <summary>The organisation a partner-staff member works for.</summary>
    public Guid? PartnerId { get; set; }
}

public static class Roles
{
    public const string PartnerStaff = "partner-staff";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
    /// <summary>A person with their own plan (issue 5).</summary>
    public const string Citizen = "citizen";
    /// <summary>A member of the consultation pool (issue 14): psychiater, psycholoog, verslavingsarts, verpleegkundig specialist, ervaringsdeskundige.</summary>
    public const string Specialist = "specialist";
    public static readonly IReadOnlyList<string> All = [PartnerStaff, Coordinator, Admin, Citizen, Specialist];
}
