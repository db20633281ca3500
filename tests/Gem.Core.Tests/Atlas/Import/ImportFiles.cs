using System.Text;
using ClosedXML.Excel;
using Gem.Core.Atlas;
using Gem.Core.Data;

namespace Gem.Core.Tests.Atlas.Import;

/// <summary>Builds import files (CSV, XLSX) of generated offer rows for the import tests, and the partners they name.</summary>
internal static class ImportFiles
{
    public static readonly string[] Headings =
    [
        "organisatie", "naam", "beschrijving", "vorm", "levensdomeinen", "dimensies", "begeleiding", "capaciteit", "instroom",
        "financiering", "kosten", "toegang", "online", "weblink", "adres", "pc4", "plaats", "talen", "toegankelijkheid", "email", "telefoon",
    ];

    public static int Column(string heading) => Array.IndexOf(Headings, heading);

    /// <summary>A valid row: groups in Harderwijk and Ermelo, every fifth one online.</summary>
    public static string[] Row(int i, string partner = "")
    {
        var online = i % 5 == 4;
        return
        [
            partner, $"Groep {i + 1:00}", $"Samen iets doen, groep {i + 1}.", online ? "online" : (i % 3 == 0 ? "inloop" : "groep"),
            i % 2 == 0 ? "eenzaamheid en contact; somberheid" : "geld en schulden", "sociaal; psychisch", "vrijwilliger; ervaringsdeskundige",
            (8 + i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture), "doorlopend", i % 4 == 0 ? "wmo" : "gratis",
            i % 7 == 0 ? "2,50" : "", "zonder verwijzing", online ? "ja" : "nee", online ? "https://voorbeeld.nl/groep" : "",
            online ? "" : $"Dorpsstraat {i + 1}", online ? "" : (i % 2 == 0 ? "3841" : "3851"), "", "nl", "", $"groep{i + 1}@voorbeeld.nl", "",
        ];
    }

    public static List<string[]> Rows(int count, string partner = "") => Enumerable.Range(0, count).Select(i => Row(i, partner)).ToList();

    public static MemoryStream Csv(IEnumerable<string[]> rows, char delimiter = ';')
    {
        static string Quote(string cell, char d) =>
            cell.Contains(d) || cell.Contains('"') || cell.Contains('\n') || cell.Contains(';') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Headings)) text.Append(string.Join(delimiter, row.Select(c => Quote(c, delimiter)))).Append("\r\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static MemoryStream Xlsx(IEnumerable<string[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Aanbod");
        var all = rows.Prepend(Headings).ToList();
        for (var r = 0; r < all.Count; r++)
            for (var c = 0; c < all[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                if (r > 0 && Headings[c] == "capaciteit" && int.TryParse(all[r][c], out var n)) cell.Value = n; // a real number cell
                else cell.Value = all[r][c];
            }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A region with two fictional partners, A and B.</summary>
    public static async Task<(Partner A, Partner B)> SeedPartnersAsync(GemDbContext db)
    {
        var region = new Region { Name = "Testregio" };
        var a = new Partner { Name = "Buurthuis A (fictief)", Sector = Sector.SociaalDomein, RegionId = region.Id };
        var b = new Partner { Name = "Herstelacademie B (fictief)", Sector = Sector.Herstelacademie, RegionId = region.Id };
        region.Partners.AddRange([a, b]);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return (a, b);
    }
}
