namespace Gem.Core.Atlas.Import;

/// <summary>One offer read from a file: its line, the partner it names (id or name; null = the default) and its input.</summary>
public sealed record ImportRow(int Line, string? Partner, OfferInput Input)
{
    /// <summary>Where each field sits in the file, so a validation message can name line and column.</summary>
    public required IReadOnlyDictionary<string, (string Column, string? Heading)> Cells { get; init; }

    /// <summary>The stable key the file gives this offer (the "sleutel" column, an HSDS service id); null: its name is the key.</summary>
    public string? Key { get; init; }
}

/// <summary>What a reader got out of a file: the rows it could read and the cells it could not.</summary>
public sealed record ImportSheet(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors);
