namespace Gem.Core.Common;

/// <summary>Free text a person types: trimmed, empty becomes null, too long is a <see cref="ValidationException"/> on its field.</summary>
public static class TextInput
{
    public static string? Optional(string? text, int max, string field)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (t.Length > max) throw new ValidationException(field, $"At most {max} characters.");
        return t;
    }
}
