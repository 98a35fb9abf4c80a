using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Collections;
using KubeKernel.Model;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintNamespace</c>, <c>TestPrintServiceAccount</c>, <c>TestPrintIngressClass</c>, <c>TestPrintPriorityClass</c>, <c>TestPrintPersistentVolume</c>, <c>TestPrintPersistentVolumeClaim</c>, <c>TestPrintConfigMap</c> and <c>TestPrintSecret</c> cases the kernel's models can express.</summary>
public class PrintOtherKindsTests
{
    [Fact]
    public void TestPrintNamespace()
    {
        Assert.Equal(["namespace1", "Active", "0s"], ResourceTables.Cells(new Namespace(ObjectMeta.Named("namespace1"), ["kubernetes"], NamespacePhase.Active), 0));
        Assert.Equal(["namespace2", "Terminating", "0s"], ResourceTables.Cells(new Namespace(ObjectMeta.Named("namespace2"), [], NamespacePhase.Terminating), 0));
    }

    [Fact]
    public void TestPrintServiceAccount()
    {
        Assert.Equal(["sa1", 0L, "10m"], ResourceTables.Cells(new ServiceAccount(Meta("sa1")), Now));
    }

    [Fact]
    public void TestPrintConfigMap()
    {
        Assert.Equal(["configmap1", 0L, "0s"], ResourceTables.Cells(new ConfigMap(ObjectMeta.Named("configmap1")), 0));
        Assert.Equal(["configmap2", 1L, "0s"], ResourceTables.Cells(new ConfigMap(ObjectMeta.Named("configmap2"), ValueMap.Of(("foo", "bar"))), 0));
        Assert.Equal(["configmap3", 2L, "0s"], ResourceTables.Cells(new ConfigMap(ObjectMeta.Named("configmap3"), ValueMap.Of(("foo", "bar")), ValueMap.Of(("bin", "YmluYXJ5IGRhdGE="))), 0));
    }

    [Fact]
    public void TestPrintSecret()
    {
        Assert.Equal(["secret1", "", 0L, "0s"], ResourceTables.Cells(new Secret(ObjectMeta.Named("secret1")), 0));
        Assert.Equal(["secret2", "kubernetes.io/service-account-token", 1L, "0s"], ResourceTables.Cells(new Secret(ObjectMeta.Named("secret2"), ValueMap.Of(("token", "c2VjcmV0IGRhdGE=")), "kubernetes.io/service-account-token"), 0));
    }

    [Fact]
    public void TestPrintIngressClass()
    {
        Assert.Equal(["test1", "example.com/controller", "<none>", "0s"], ResourceTables.Cells(new IngressClass(ObjectMeta.Named("test1"), "example.com/controller"), 0));
    }

    [Fact]
    public void TestPrintPriorityClass()
    {
        Assert.Equal(["pc1", 1L, false, "0s", ""], ResourceTables.Cells(new PriorityClass(ObjectMeta.Named("pc1"), 1), 0));
        Assert.Equal(["pc2", 1000000000L, true, "0s", "Never"], ResourceTables.Cells(new PriorityClass(ObjectMeta.Named("pc2"), 1000000000, GlobalDefault: true, PreemptionPolicy: PreemptionPolicy.Never), 0));
    }

    [Fact]
    public void TestPrintPersistentVolume()
    {
        var volume = new PersistentVolume(ObjectMeta.Named("test1"), "my-scn");
        Assert.Equal(["test1", "0", "", "", "", "", "my-scn", "<unset>", "", "0s", "<unset>"], ResourceTables.Cells(volume, 0));
        var deleting = volume with { Metadata = volume.Metadata with { DeletionTimestamp = 0 } };
        Assert.Equal("Terminating", ResourceTables.Cells(deleting, 0)[4]);
    }

    [Fact]
    public void TestPrintPersistentVolumeClaim()
    {
        Assert.Equal(["test1", "", "my-volume", "0", "", "my-scn", "<unset>", "0s", "<unset>"], ResourceTables.Cells(new PersistentVolumeClaim(Meta("test1"), "my-volume", "my-scn"), 0));
        Assert.Equal(["test2", "", "", "", "", "", "<unset>", "0s", "<unset>"], ResourceTables.Cells(new PersistentVolumeClaim(Meta("test2")), 0));
    }

    [Fact]
    public void The_beta_storage_class_annotation_wins_over_storageClassName()
    {
        var claim = new PersistentVolumeClaim(Meta("test1") with { Annotations = new ValueMap<string, string>([new(StorageClassText.BetaAnnotation, "annotated")]) }, null, "my-scn");
        Assert.Equal("annotated", ResourceTables.Cells(claim, 0)[5]);
    }
}
