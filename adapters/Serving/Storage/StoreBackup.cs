using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>
/// A backup of a store at one revision, and its restore: one file, the same for SQLite and etcd, so a cluster moves
/// between them too.
/// </summary>
/// <remarks>
/// The file is JSON lines: a header (<c>{"kind":"KernelBackup","version":1,"revision":N,"objects":M}</c>), then one
/// <c>{"key","revision","value"}</c> line per object in key order. A restore writes it all in one commit into an empty store
/// and checks the count, so a truncated file is refused rather than half restored.
/// </remarks>
internal static class StoreBackup
{
    private const string Kind = "KernelBackup";

    /// <summary>Writes <paramref name="store"/>'s snapshot to <paramref name="path"/> (through a temporary file, so a failure leaves no partial backup).</summary>
    public static StoreSnapshot Write(IClusterStore store, string path)
    {
        var snapshot = store.Load();
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            writer.WriteLine(new JsonObject { ["kind"] = Kind, ["version"] = 1, ["revision"] = snapshot.Revision, ["objects"] = snapshot.Objects.Count }.ToJsonString());
            foreach (var obj in snapshot.Objects)
            {
                writer.WriteLine(new JsonObject { ["key"] = obj.Key, ["revision"] = obj.Revision, ["value"] = JsonNode.Parse(obj.Json) }.ToJsonString());
            }
        }

        File.Move(temporary, path, overwrite: true);
        return snapshot;
    }

    /// <summary>Reads a backup file; a file that is not one, or is cut short, raises a <see cref="FormatException"/> saying where.</summary>
    public static StoreSnapshot Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = Parse(reader.ReadLine(), path, 1);
        if (header["kind"]?.GetValue<string>() != Kind || header["version"]?.GetValue<int>() != 1)
        {
            throw new FormatException($"{path} is not a kernelctl backup (its first line is not a KernelBackup header of version 1)");
        }

        var revision = header["revision"]!.GetValue<long>();
        var expected = header["objects"]!.GetValue<int>();
        var objects = new List<StoredObject>(expected);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var entry = Parse(text, path, line);
            objects.Add(new StoredObject(
                entry["key"]?.GetValue<string>() ?? throw new FormatException($"{path}: line {line}: no key"),
                entry["revision"]?.GetValue<long>() ?? throw new FormatException($"{path}: line {line}: no revision"),
                entry["value"]?.ToJsonString() ?? throw new FormatException($"{path}: line {line}: no value")));
        }

        if (objects.Count != expected)
        {
            throw new FormatException($"{path} holds {objects.Count.ToString(CultureInfo.InvariantCulture)} objects but its header promises {expected.ToString(CultureInfo.InvariantCulture)}: the backup is incomplete");
        }

        return new StoreSnapshot(revision, objects);
    }

    /// <summary>Restores a backup into <paramref name="store"/>, which must be empty: the cluster comes back at exactly the backup's revision.</summary>
    public static StoreSnapshot Restore(string path, IClusterStore store)
    {
        var snapshot = Read(path);
        var existing = store.Load();
        if (existing.Revision != 0 || existing.Objects.Count != 0)
        {
            throw new InvalidOperationException($"{store.Location} already holds a cluster (revision {existing.Revision.ToString(CultureInfo.InvariantCulture)}); restore into an empty store");
        }

        store.Commit(snapshot.Revision, [.. snapshot.Objects.Select(o => new StoredWrite(o.Key, o.Revision, o.Json))]);
        return snapshot;
    }

    private static JsonObject Parse(string? text, string path, int line)
    {
        try
        {
            return JsonNode.Parse(text ?? string.Empty) as JsonObject ?? throw new FormatException($"{path}: line {line}: not a JSON object");
        }
        catch (JsonException)
        {
            throw new FormatException($"{path}: line {line}: not valid JSON (the file is damaged or not a kernelctl backup)");
        }
    }
}
