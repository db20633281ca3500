using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Atlas.Import;

/// <summary>
/// Imports offers from a CSV, Excel or HSDS JSON file, all or nothing: every row is read and validated with
/// <see cref="OfferInput.Validate"/>, every bad cell is reported with line, column and a reason in Dutch and
/// English, and only when no row is bad are all offers written, in one transaction. Staff import only for their
/// own organisation (<see cref="Actor.MayManage"/>); admins and the command line for any.
/// </summary>
public sealed class OfferImporter(GemDbContext db, TimeProvider clock)
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The format of a file from its name: .csv/.txt, .xlsx or .json; null when unknown.</summary>
    public static ImportFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => ImportFormat.Csv,
        ".xlsx" => ImportFormat.Xlsx,
        ".json" => ImportFormat.HsdsJson,
        _ => null,
    };

    public static ImportSheet ReadSheet(Stream content, ImportFormat format) => format switch
    {
        ImportFormat.Csv => TabularOfferReader.ReadCsv(content),
        ImportFormat.Xlsx => TabularOfferReader.ReadXlsx(content),
        ImportFormat.HsdsJson => HsdsOfferReader.Read(content),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown import format."),
    };

    /// <param name="actor">Who imports.</param>
    /// <param name="content">The file.</param>
    /// <param name="fileName">Its name; the extension chooses the format.</param>
    /// <param name="partner">Id or exact name of the organisation for rows that name none; for staff, their own by default.</param>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream content, string fileName, string? partner = null, CancellationToken ct = default)
    {
        if (FormatOf(fileName) is not { } format)
            return Failed(ImportError.File("Gem leest .csv-, .xlsx- en .json-bestanden (HSDS).", "Gem reads .csv, .xlsx and .json (HSDS) files."));
        if (content.CanSeek && content.Length > MaxBytes)
            return Failed(ImportError.File("Het bestand is groter dan 10 MB.", "The file is larger than 10 MB."));

        var sheet = ReadSheet(content, format);
        var errors = new List<ImportError>(sheet.Errors);
        if (sheet.Rows.Count > MaxRows)
            return Failed(ImportError.File($"Het bestand heeft meer dan {MaxRows} regels; splits het op.", $"The file has more than {MaxRows} rows; split it up."));
        if (sheet.Rows.Count == 0 && errors.Count == 0)
            errors.Add(ImportError.File("Er staat geen aanbod in het bestand.", "The file holds no offers."));

        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Guid? Resolve(string reference)
        {
            if (Guid.TryParse(reference, out var id)) return partners.Any(p => p.Id == id) ? id : null;
            var named = partners.Where(p => string.Equals(p.Name.Trim(), reference.Trim(), StringComparison.Ordinal)).ToList();
            return named.Count == 1 ? named[0].Id : null;
        }

        Guid? fallback = null;
        if (partner is not null)
        {
            fallback = Resolve(partner);
            if (fallback is null)
                errors.Add(ImportError.File($"Organisatie '{partner}' bestaat niet in Gem.", $"Organisation '{partner}' is not in Gem."));
            else if (!actor.MayManage(fallback.Value))
                errors.Add(ImportError.File("U mag alleen aanbod voor uw eigen organisatie importeren.", "You may only import offers for your own organisation."));
        }
        else if (actor.PartnerId is { } own) fallback = own;

        var rows = new List<(Guid Partner, string Key, ImportRow Row)>();
        var keys = new HashSet<(Guid, string)>();
        var now = clock.GetUtcNow();
        var partnerMissing = false;
        foreach (var row in sheet.Rows)
        {
            void Add(string field, Bilingual reason)
            {
                var (column, heading) = row.Cells.TryGetValue(field, out var cell) ? cell : ("-", field);
                errors.Add(new ImportError(row.Line, column, heading, reason));
            }

            Guid? partnerId = fallback;
            if (row.Partner is { } reference)
            {
                partnerId = Resolve(reference);
                if (partnerId is null)
                    Add(OfferColumns.PartnerField, new($"Organisatie '{reference}' bestaat niet in Gem (gebruik het id of de precieze naam).",
                        $"Organisation '{reference}' is not in Gem (use its id or exact name)."));
                else if (!actor.MayManage(partnerId.Value))
                    Add(OfferColumns.PartnerField, new("U mag alleen aanbod voor uw eigen organisatie importeren.", "You may only import offers for your own organisation."));
            }
            else if (partnerId is null && row.Cells.ContainsKey(OfferColumns.PartnerField))
                Add(OfferColumns.PartnerField, new("Voor welke organisatie is dit aanbod? Vul de kolom organisatie in of kies een organisatie bij het importeren (--partner).",
                    "Which organisation is this offer for? Fill in the partner column or choose an organisation when importing (--partner)."));
            else if (partnerId is null && !partnerMissing)
            {
                partnerMissing = true;
                errors.Add(ImportError.File("Voor welke organisatie is dit aanbod? Voeg de kolom organisatie toe of kies een organisatie bij het importeren (--partner).",
                    "Which organisation are these offers for? Add the partner column or choose an organisation when importing (--partner)."));
            }

            foreach (var (field, messages) in row.Input.Validate())
                foreach (var message in messages)
                    Add(field, OfferColumns.Translate(field, message));

            var key = KeyOf(row);
            if (key.Length > 200) Add(OfferColumns.KeyField, new("De sleutel is langer dan 200 tekens.", "The key is longer than 200 characters."));
            if (partnerId is { } pid)
            {
                if (!keys.Add((pid, key)))
                    Add(row.Key is null ? nameof(OfferInput.Name) : OfferColumns.KeyField, new(
                        row.Key is null ? "Dit aanbod staat twee keer in het bestand (dezelfde naam). Geef elk aanbod een eigen naam of een eigen sleutel." : "Deze sleutel staat twee keer in het bestand. Elke regel heeft een eigen sleutel.",
                        row.Key is null ? "This offer appears twice in the file (same name). Give each offer its own name or key." : "This key appears twice in the file. Each line has its own key."));
                rows.Add((pid, key, row));
            }
        }

        if (errors.Count > 0) return new ImportResult(sheet.Rows.Count, 0, Sorted(errors));

        // Re-importing updates: an offer of the same organisation with the same key (or, without a stored key, the same
        // name) is updated in place, so its sessions, enrolments and links stay; only new keys add offers.
        var partnerIds = rows.Select(r => r.Partner).Distinct().ToList();
        var existing = (await db.Offers.Where(o => partnerIds.Contains(o.PartnerId)).ToListAsync(ct)).OrderBy(o => o.Id).ToList();
        var byKey = existing.Where(o => o.ImportKey is not null).GroupBy(o => (o.PartnerId, o.ImportKey!)).ToDictionary(g => g.Key, g => g.First());
        var byName = existing.Where(o => o.ImportKey is null).GroupBy(o => (o.PartnerId, NameKey(o.Name))).ToDictionary(g => g.Key, g => g.First());
        var updated = 0;
        var used = new HashSet<Guid>();
        foreach (var (pid, key, row) in rows)
        {
            // Same key; or else (a file that now has keys, offers made by hand) the same name.
            var name = NameKey(row.Input.Name);
            var offer = byKey.GetValueOrDefault((pid, key)) ?? byName.GetValueOrDefault((pid, name)) ?? byKey.GetValueOrDefault((pid, name));
            if (offer is not null && !used.Add(offer.Id)) offer = null;
            if (offer is null)
            {
                offer = new Offer { Name = row.Input.Name, PartnerId = pid };
                db.Offers.Add(offer);
            }
            else updated++;
            row.Input.ApplyTo(offer, now);
            offer.ImportKey = key;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(sheet.Rows.Count, rows.Count, [], updated);
    }

    /// <summary>A row's stable key: the file's own key, or else its name (trimmed, spaces collapsed, lower case).</summary>
    private static string KeyOf(ImportRow row) => row.Key is { } key ? key.Trim() : NameKey(row.Input.Name);

    private static string NameKey(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static ImportResult Failed(ImportError error) => new(0, 0, [error]);

    private static List<ImportError> Sorted(List<ImportError> errors) =>
        errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.e.Column == "-" ? int.MaxValue : x.e.Column.Length).ThenBy(x => x.e.Column, StringComparer.Ordinal)
            .ThenBy(x => x.i).Select(x => x.e).ToList();
}
