namespace Gem.Core.Common;

/// <summary>Base of the errors our rules raise; the web host maps each kind to a ProblemDetails status.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The thing asked for does not exist, or the caller may not know it exists (404).</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The request conflicts with the current state (409).</summary>
public class ConflictException(string message) : DomainException(message);

/// <summary>The caller may not do this (403).</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>Input is invalid (400); errors by field name.</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public ValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}
