using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>How a commit's writes are cut into transactions etcd accepts (the table in <see cref="EtcdBatch.Chunks"/>).</summary>
public sealed class EtcdBatchTests
{
    [Theory]
    [InlineData("no writes still make one (empty) transaction", 0, 1024, 2, new[] { 0 })]
    [InlineData("126 writes and 2 reserved operations fill one transaction", 126, 1024, 2, new[] { 126 })]
    [InlineData("one write more spills into a second", 127, 1024, 2, new[] { 126, 1 })]
    [InlineData("with 1 reserved, 127 writes fit", 127, 1024, 1, new[] { 127 })]
    [InlineData("600 KiB objects go one per transaction, under the 1 MiB budget", 3, 600 * 1024, 2, new[] { 1, 1, 1 })]
    public void Chunks_respect_the_operation_and_byte_limits(string because, int count, int valueBytes, int reservedOps, int[] sizes)
    {
        var writes = Enumerable.Range(0, count).Select(i => EtcdWrite.Put($"/registry/configmaps/default/cm-{i:D3}", new string('x', valueBytes))).ToList();

        var chunks = EtcdBatch.Chunks(writes, reservedOps);

        Assert.True(sizes.SequenceEqual(chunks.Select(c => c.Count)), because);
        Assert.Equal(writes, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Collapse_keeps_the_last_write_of_each_key_in_key_order()
    {
        var collapsed = EtcdBatch.Collapse([
            ClusterStoreContract.Put("b", 1), ClusterStoreContract.Put("a", 2), ClusterStoreContract.Delete("b", 3),
        ]);

        Assert.Equal([EtcdWrite.Put(ClusterStoreContract.Key("a"), ClusterStoreContract.Put("a", 2).Json!), EtcdWrite.Delete(ClusterStoreContract.Key("b"))], collapsed);
    }
}
