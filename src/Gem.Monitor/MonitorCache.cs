using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;

namespace Gem.Monitor;

/// <summary>What the monitor computes from a data folder, as kept in the cache: the inputs and every year's figures.</summary>
public sealed record MonitorComputed(MonitorInputs Inputs, IReadOnlyList<MonitorYear> Years);

/// <summary>
/// The monitor's figures computed once per data version and kept in a file (issue 17, decision 111), so a restarted
/// host answers its first <c>/monitor</c> without reading and computing the public data again. The data version is a
/// hash of every file in the data folder (path, size, last write time) and of this assembly's build, so a changed,
/// added or removed file, or a new Gem, makes a new version and the old file is ignored and replaced.
/// Writes are atomic (temporary file, then rename), so parallel hosts never read half a file.
/// </summary>
public static class MonitorCache
{
    private const string Prefix = "monitor-";

    /// <summary>The data version of a folder: changes when any file in it (or Gem.Monitor itself) changes.</summary>
    public static string VersionOf(string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        var text = new StringBuilder(typeof(MonitorCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        if (Directory.Exists(dataFolder))
        {
            foreach (var file in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                text.Append('\n').Append(Path.GetRelativePath(dataFolder, file)).Append('|')
                    .Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    /// <summary>The cache file of a version.</summary>
    public static string PathOf(string cacheFolder, string version) => Path.Combine(cacheFolder, Prefix + version + ".json");

    /// <summary>The kept figures of this version, or null when there are none (or they cannot be read: then they are computed again).</summary>
    public static MonitorComputed? TryRead(string cacheFolder, string version)
    {
        string path = PathOf(cacheFolder, version);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<MonitorComputed>(stream, Options);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the figures of this version and removes files of other versions.</summary>
    public static void Write(string cacheFolder, string version, MonitorComputed computed)
    {
        Directory.CreateDirectory(cacheFolder);
        string path = PathOf(cacheFolder, version);
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (FileStream stream = File.Create(temp))
        {
            JsonSerializer.Serialize(stream, computed, Options);
        }

        File.Move(temp, path, overwrite: true);
        foreach (string old in Directory.EnumerateFiles(cacheFolder, Prefix + "*.json").Where(f => !string.Equals(f, path, StringComparison.Ordinal)))
        {
            try
            {
                File.Delete(old);
            }
            catch (IOException)
            {
                // another host may be reading it; the next write removes it
            }
        }
    }

    /// <summary>The serializer settings of the cache (also used by tests to compare a cached load with a computed one).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        IgnoreReadOnlyProperties = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new PointConverter(), new NamesConverter(), new CrosswalkConverter(), new ReadOnlySetConverterFactory() },
    };

    /// <summary>A boundary point as [lon, lat].</summary>
    private sealed class PointConverter : JsonConverter<(double Lon, double Lat)>
    {
        public override (double Lon, double Lat) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Read();
            double lon = reader.GetDouble();
            reader.Read();
            double lat = reader.GetDouble();
            reader.Read();
            return (lon, lat);
        }

        public override void Write(Utf8JsonWriter writer, (double Lon, double Lat) value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Lon);
            writer.WriteNumberValue(value.Lat);
            writer.WriteEndArray();
        }
    }

    /// <summary>The gemeente names are embedded in Gem.Monitor (<see cref="GemeenteNames.Default"/>): kept as a marker only.</summary>
    private sealed class NamesConverter : JsonConverter<GemeenteNames>
    {
        public override GemeenteNames Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? marker = reader.GetString();
            return marker == "default" ? GemeenteNames.Default : throw new JsonException("Only the embedded gemeente names are cached.");
        }

        public override void Write(Utf8JsonWriter writer, GemeenteNames value, JsonSerializerOptions options)
        {
            if (!ReferenceEquals(value, GemeenteNames.Default))
            {
                throw new NotSupportedException("Only the embedded gemeente names are cached.");
            }

            writer.WriteStringValue("default");
        }
    }

    private sealed class CrosswalkConverter : JsonConverter<Pc4Crosswalk>
    {
        private sealed record Tables(Dictionary<string, string> GemeenteByPc4, Dictionary<string, double> PopulationByPc4);

        public override Pc4Crosswalk Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Tables tables = JsonSerializer.Deserialize<Tables>(ref reader, options) ?? throw new JsonException("No crosswalk.");
            return new Pc4Crosswalk(tables.GemeenteByPc4, tables.PopulationByPc4);
        }

        public override void Write(Utf8JsonWriter writer, Pc4Crosswalk value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Tables(
                value.GemeenteByPc4.ToDictionary(StringComparer.Ordinal),
                value.PopulationByPc4.ToDictionary(StringComparer.Ordinal)), options);
    }

    private sealed class ReadOnlySetConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ReadOnlySetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new HashSet<T>(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToList(), options);
    }
}
