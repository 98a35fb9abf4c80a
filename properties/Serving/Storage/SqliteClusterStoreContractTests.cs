using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>The store contract against the embedded SQLite store, in a temp directory per test.</summary>
public sealed class SqliteClusterStoreContractTests : ClusterStoreContract, IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("kernel-sqlite-").FullName;

    internal override IClusterStore Open() => SqliteClusterStore.Open(dataDir);

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    /// <summary>SQLite does not fence writers itself, so the folder has a writer lock: a second writer is refused while the first
    /// holds it, a reader (backup) is not, and once the first is gone the folder is free again.</summary>
    [Fact]
    public void A_second_writer_is_refused_while_the_first_holds_the_folder_and_a_reader_is_not()
    {
        using (var first = Open())
        {
            first.Load();
            first.Commit(1, [Put("a", 1)]);
            var refused = Assert.Throws<ClusterStoreException>(() => SqliteClusterStore.Open(dataDir));
            Assert.Contains("in use by another kernelctl serve or restore", refused.Message);
            using var reader = SqliteClusterStore.Open(dataDir, writer: false);
            Assert.Equal([Object("a", 1)], reader.Load().Objects);
        }

        using var next = Open();
        next.Commit(2, [Put("b", 2)]);
        Assert.Equal(2, next.Load().Revision);
    }
}
