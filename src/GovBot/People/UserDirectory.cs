namespace GovBot.People;

/// <summary>A user as the identity directory (Entra ID, or the local sample directory) knows them.</summary>
public sealed record DirectoryUser(string ObjectId, string DisplayName, string? Email, string? Organisation);

/// <summary>
/// The identity directory: who a Teams user is and which security groups they belong to.
/// Microsoft Graph in production; the sample people locally.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The user with this Entra object id, or null when the directory has no such user.</summary>
    Task<DirectoryUser?> GetUserAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>Whether the user is a member of the group, directly or through nested groups.</summary>
    Task<bool> IsInGroupAsync(string objectId, string groupId, CancellationToken cancellationToken);
}

/// <summary>Which directory GovBot asks; bound from configuration section "Directory".</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>"Local" (the people in GovBot's own storage) or "Graph" (Microsoft Entra ID).</summary>
    public string Source { get; set; } = "Local";

    /// <summary>How long a lookup is reused before the directory is asked again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Who the programme office is; bound from configuration section "Pmo".</summary>
public sealed class PmoOptions
{
    public const string SectionName = "Pmo";

    /// <summary>Object id of the Entra security group whose (transitive) members have PMO powers. Without it, the directory's PMO flag decides.</summary>
    public string? GroupId { get; set; }
}
