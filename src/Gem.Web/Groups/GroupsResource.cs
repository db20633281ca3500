namespace Gem.Web;

/// <summary>
/// Marker for Groups' UI strings in Resources/GroupsResource.resx (Dutch) and GroupsResource.en.resx (English): closing
/// the loop on an enrolment, the staff week, and the Dutch wording of Groups' validation messages (keyed by the English text).
/// </summary>
public sealed class GroupsResource;
