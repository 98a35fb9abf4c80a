using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>The store contract against the embedded SQLite store, in a temp directory per test.</summary>
public sealed class SqliteClusterStoreContractTests : ClusterStoreContract, IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("kernel-sqlite-").FullName;

    internal override IClusterStore Open() => SqliteClusterStore.Open(dataDir);

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    /// <summary>SQLite does not fence: the file belongs to the one server that opened it, so a second writer's batch is
    /// overwritten key by key and the last commit's revision stands. (serve must keep a second server off the file.)</summary>
    [Fact]
    public void A_second_writer_behind_the_firsts_back_is_not_detected_and_the_last_commit_wins()
    {
        using var first = Open();
        first.Load();
        first.Commit(1, [Put("a", 1)]);
        using (var second = Open())
        {
            second.Load();
            second.Commit(2, [Put("b", 2)]);
        }

        first.Commit(2, [Put("a", 2)]);

        var snapshot = first.Load();
        Assert.Equal(2, snapshot.Revision);
        Assert.Equal([Object("a", 2), Object("b", 2)], snapshot.Objects);
    }
}
