using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Patching;

namespace KubeKernel.Properties.Serving.Patching;

public class ServerSideApplyTests
{
    private const string Manifest = """
        {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default','labels':{'app':'web'}},
         'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},
          'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx','image':'nginx:1.25'}]}}}}
        """;

    private static JsonObject With(string json, Action<JsonObject> change)
    {
        var obj = Json.Object(json);
        change(obj);
        return obj;
    }

    private static JsonObject Applied(ApplyResult result) => result.Object ?? throw new InvalidOperationException(result.Conflict!.Message);

    /// <summary>kubectl create then kubectl apply --server-side with other replicas: the 409 of kubectl-protocol.md §3.4.</summary>
    [Fact]
    public void Applying_over_client_side_apply_conflicts_on_the_field_it_owns()
    {
        var live = ServerSideApply.RecordUpdate(null, Json.Object(Manifest), "kubectl-client-side-apply");
        var applied = With(Manifest, d => d["spec"]!["replicas"] = 3);

        var result = ServerSideApply.Apply(live, applied, "kubectl", force: false, "Deployment");

        Assert.Null(result.Object);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", result.Conflict!.Message);
        Json.Equal(
            """
            {'kind':'Status','apiVersion':'v1','metadata':{},'status':'Failure',
             'message':'Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas',
             'reason':'Conflict','details':{'causes':[{'reason':'FieldManagerConflict','message':'conflict with \"kubectl-client-side-apply\" using apps/v1','field':'.spec.replicas'}]},'code':409}
            """,
            result.Conflict.ToStatus());
    }

    [Fact]
    public void Applying_the_same_values_shares_the_fields_without_conflict()
    {
        var live = ServerSideApply.RecordUpdate(null, Json.Object(Manifest), "kubectl-client-side-apply");
        var result = Applied(ServerSideApply.Apply(live, Json.Object(Manifest), "kubectl", force: false, "Deployment"));

        var managers = result["metadata"]!["managedFields"]!.AsArray().Select(e => $"{e!["manager"]}/{e["operation"]}").ToArray();
        Assert.Equal(["kubectl-client-side-apply/Update", "kubectl/Apply"], managers);
    }

    [Fact]
    public void Forcing_takes_the_field_and_the_other_manager_loses_it()
    {
        var live = ServerSideApply.RecordUpdate(null, Json.Object(Manifest), "kubectl-client-side-apply");
        var result = Applied(ServerSideApply.Apply(live, With(Manifest, d => d["spec"]!["replicas"] = 3), "kubectl", force: true, "Deployment"));

        Assert.Equal(3, result["spec"]!["replicas"]!.GetValue<int>());
        var entries = ManagedFieldsEntry.Read(result);
        var replicas = FieldPath.Root.Field("spec").Field("replicas");
        Assert.DoesNotContain(replicas, entries.Single(e => e.Manager == "kubectl-client-side-apply").Fields.Paths);
        Assert.Contains(replicas, entries.Single(e => e.Manager == "kubectl").Fields.Paths);
    }

    [Fact]
    public void Creating_by_apply_records_Kubernetes_FieldsV1_and_owns_no_server_set_fields()
    {
        var applied = With(Manifest, d =>
        {
            d["status"] = Json.Parse("{'replicas':9}");
            d["metadata"]!["resourceVersion"] = "7";
        });
        var result = Applied(ServerSideApply.Apply(null, applied, "kubectl", force: false, "Deployment"));

        Assert.Null(result["status"]);
        Assert.Null(result["metadata"]!["resourceVersion"]);
        Json.Equal(
            """
            [{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1','fieldsType':'FieldsV1','fieldsV1':
              {'f:metadata':{'f:labels':{'f:app':{}}},
               'f:spec':{'f:replicas':{},'f:selector':{},'f:template':{'f:metadata':{'f:labels':{'f:app':{}}},
                'f:spec':{'f:containers':{'k:{\"name\":\"nginx\"}':{'.':{},'f:image':{},'f:name':{}}}}}}}}]
            """,
            result["metadata"]!["managedFields"]);
    }

    [Fact]
    public void A_field_dropped_from_the_applied_configuration_is_removed_unless_someone_else_owns_it()
    {
        var withSidecar = With(Manifest, d =>
        {
            d["metadata"]!["labels"]!["tier"] = "front";
            d["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(Json.Parse("{'name':'sidecar','image':'envoy'}"));
        });
        var first = Applied(ServerSideApply.Apply(null, withSidecar, "kubectl", force: false, "Deployment"));
        var second = Applied(ServerSideApply.Apply(first, Json.Object(Manifest), "kubectl", force: false, "Deployment"));

        Json.Equal("{'app':'web'}", second["metadata"]!["labels"]);
        Json.Equal("[{'name':'nginx','image':'nginx:1.25'}]", second["spec"]!["template"]!["spec"]!["containers"]);

        // Another applier that set the same label keeps it alive when the first one lets go.
        var shared = Applied(ServerSideApply.Apply(first, Json.Object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'tier':'front'}}}"), "other", force: false, "Deployment"));
        var released = Applied(ServerSideApply.Apply(shared, Json.Object(Manifest), "kubectl", force: false, "Deployment"));
        Json.Equal("{'app':'web','tier':'front'}", released["metadata"]!["labels"]);
    }

    [Fact]
    public void Two_appliers_of_different_values_conflict_and_appliers_are_named_without_apiVersion()
    {
        var first = Applied(ServerSideApply.Apply(null, Json.Object(Manifest), "alice", force: false, "Deployment"));
        var bob = With(Manifest, d =>
        {
            d["spec"]!["replicas"] = 5;
            d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.27";
        });

        var conflict = ServerSideApply.Apply(first, bob, "bob", force: false, "Deployment").Conflict!;

        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"alice\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"nginx\"].image",
            conflict.Message);
        Assert.Equal([".spec.replicas", ".spec.template.spec.containers[name=\"nginx\"].image"], conflict.Conflicts.Select(c => c.Field.ToString()));
    }

    [Fact]
    public void Keyed_list_items_merge_by_key_and_atomic_lists_are_replaced()
    {
        var live = Json.Object("""
            {'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{
             'containers':[{'name':'a','image':'x','args':['1','2']},{'name':'b','image':'y'}],
             'tolerations':[{'key':'k','operator':'Exists'}]}}
            """);
        var applied = Json.Object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'b','image':'z','args':['3']}],'tolerations':[]}}");

        var result = Applied(ServerSideApply.Apply(live, applied, "m", force: false, "Pod"));

        Json.Equal("[{'name':'a','image':'x','args':['1','2']},{'name':'b','image':'z','args':['3']}]", result["spec"]!["containers"]);
        Json.Equal("[]", result["spec"]!["tolerations"]);
    }

    [Fact]
    public void An_update_takes_the_fields_it_changes_from_other_managers()
    {
        var created = Applied(ServerSideApply.Apply(null, Json.Object(Manifest), "kubectl", force: false, "Deployment"));
        var scaled = With(created.ToJsonString(), d => d["spec"]!["replicas"] = 5);

        var result = ServerSideApply.RecordUpdate(created, scaled, "kube-controller-manager");

        var entries = ManagedFieldsEntry.Read(result);
        var replicas = FieldPath.Root.Field("spec").Field("replicas");
        Assert.DoesNotContain(replicas, entries.Single(e => e.Manager == "kubectl").Fields.Paths);
        var update = entries.Single(e => e.Manager == "kube-controller-manager");
        Assert.Equal((ManagedFieldsEntry.Update, "apps/v1"), (update.Operation, update.ApiVersion));
        Assert.Equal([replicas], update.Fields.Paths);

        // The applier now conflicts with the updater, named with its apiVersion.
        var conflict = ServerSideApply.Apply(result, Json.Object(Manifest), "kubectl", force: false, "Deployment").Conflict!;
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kube-controller-manager\" using apps/v1: .spec.replicas", conflict.Message);
    }

    [Fact]
    public void FieldsV1_reads_back_as_the_set_it_was_written_from()
    {
        var fields = FieldSet.Of(Json.Object(Manifest), PatchStrategies.For("Deployment"));
        var again = FieldSet.FromFieldsV1(fields.ToFieldsV1());

        Assert.Equal(fields.Paths, again.Paths);
        Assert.Contains(FieldPath.Root.Field("spec").Field("template").Field("spec").Field("containers").Key("name", JsonValue.Create("nginx")), again.Paths);
    }
}
