using Microsoft.Data.Sqlite;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>The embedded store: one SQLite file, written ahead (WAL) with a full sync on every commit.</summary>
/// <remarks>
/// Two tables: <c>objects</c> (key, revision, JSON) and <c>meta</c> (the store revision). A commit is one transaction,
/// so a crash leaves the file at the last acknowledged batch. <c>synchronous=FULL</c> makes each commit durable before it
/// returns (in WAL mode NORMAL would only survive a process crash, not a power loss).
/// </remarks>
internal sealed class SqliteClusterStore : IClusterStore
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "cluster.db";

    /// <summary>The lock file a writer holds open: SQLite does not fence writers, so two servers on one file would overwrite each other.</summary>
    public const string LockFileName = "cluster.lock";

    private readonly SqliteConnection connection;
    private readonly FileStream? writerLock;

    private SqliteClusterStore(string path, FileStream? writerLock)
    {
        this.writerLock = writerLock;
        Location = $"sqlite {path}";
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode=WAL");
        Execute("PRAGMA synchronous=FULL");
        Execute("CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, revision INTEGER NOT NULL, value TEXT NOT NULL) WITHOUT ROWID");
        Execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
    }

    public string Location { get; }

    /// <summary>Opens (creating when absent) the store in <paramref name="dataDir"/>.</summary>
    /// <param name="dataDir">The folder.</param>
    /// <param name="writer">
    /// Take the folder's writer lock (serve, restore): a second writer is refused with a <see cref="ClusterStoreException"/>
    /// while the first runs. Readers (backup) need no lock: WAL gives them a consistent snapshot beside a writer.
    /// </param>
    public static SqliteClusterStore Open(string dataDir, bool writer = true)
    {
        Directory.CreateDirectory(dataDir);
        FileStream? held = null;
        if (writer)
        {
            try
            {
                held = new FileStream(Path.Combine(dataDir, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new ClusterStoreException($"{dataDir} is in use by another kernelctl serve or restore; stop it first");
            }
        }

        try
        {
            return new SqliteClusterStore(Path.Combine(dataDir, FileName), held);
        }
        catch
        {
            held?.Dispose();
            throw;
        }
    }

    public StoreSnapshot Load()
    {
        using var transaction = connection.BeginTransaction();
        using var revision = connection.CreateCommand();
        revision.Transaction = transaction;
        revision.CommandText = "SELECT value FROM meta WHERE name = 'revision'";
        var current = revision.ExecuteScalar() is long r ? r : 0;

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT key, revision, value FROM objects ORDER BY key";
        var objects = new List<StoredObject>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                objects.Add(new StoredObject(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        transaction.Commit();
        return new StoreSnapshot(current, objects);
    }

    public void Commit(long revision, IReadOnlyList<StoredWrite> writes)
    {
        using var transaction = connection.BeginTransaction();
        using var put = connection.CreateCommand();
        put.Transaction = transaction;
        put.CommandText = "INSERT INTO objects (key, revision, value) VALUES ($key, $revision, $value) ON CONFLICT(key) DO UPDATE SET revision = excluded.revision, value = excluded.value";
        var putKey = put.Parameters.Add("$key", SqliteType.Text);
        var putRevision = put.Parameters.Add("$revision", SqliteType.Integer);
        var putValue = put.Parameters.Add("$value", SqliteType.Text);

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM objects WHERE key = $key";
        var deleteKey = delete.Parameters.Add("$key", SqliteType.Text);

        foreach (var write in writes)
        {
            if (write.Json is null)
            {
                deleteKey.Value = write.Key;
                delete.ExecuteNonQuery();
            }
            else
            {
                putKey.Value = write.Key;
                putRevision.Value = write.Revision;
                putValue.Value = write.Json;
                put.ExecuteNonQuery();
            }
        }

        using var meta = connection.CreateCommand();
        meta.Transaction = transaction;
        meta.CommandText = "INSERT INTO meta (name, value) VALUES ('revision', $revision) ON CONFLICT(name) DO UPDATE SET value = excluded.value";
        meta.Parameters.AddWithValue("$revision", revision);
        meta.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose()
    {
        connection.Dispose();
        writerLock?.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
