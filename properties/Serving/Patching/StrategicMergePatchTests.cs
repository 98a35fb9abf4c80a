using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Adapters.Serving.Patching;
using KubeKernel.Properties.Support;
using static KubeKernel.Adapters.Serving.Patching.PatchStrategy;

namespace KubeKernel.Properties.Serving.Patching;

public class StrategicMergePatchTests
{
    /// <summary>
    /// The MergeItem test type of k8s.io/apimachinery strategicpatch patch_test.go, as a strategy table: mergingList merges
    /// by name, mergingIntList is a set, nonMergingList and nonMergingIntList are atomic, mergeItemPtr and retainKeysMap are
    /// objects, retainKeysMergingList merges by name.
    /// </summary>
    private static PatchStrategy MergeItem(int depth)
    {
        var item = depth == 0 ? Plain : MergeItem(depth - 1);
        return Object(
            ("mergingList", MapList("name", item)),
            ("mergingIntList", SetList),
            ("mergeItemPtr", item),
            ("retainKeysMap", Object(("mergingIntList", SetList), ("mergingList", MapList("name")))),
            ("retainKeysMergingList", MapList("name", item)));
    }

    private static readonly PatchStrategy MergeItemSchema = MergeItem(3);

    /// <summary>Cases of patch_test.go (customStrategicMergePatchTestCaseData, createStrategicMergePatchTestCaseData and the raw cases), by their Kubernetes names: the object, the patch, the expected result.</summary>
    public static TheoryData<string, string, string, string> KubernetesCases => new()
    {
        { "unique scalars when merging lists", "{'mergingIntList':[1,2]}", "{'mergingIntList':[2,3]}", "{'mergingIntList':[1,2,3]}" },
        { "delete map from nested map", "{'simpleMap':{'key1':1,'key2':1}}", "{'simpleMap':{'$patch':'delete'}}", "{'simpleMap':{}}" },
        { "delete all items from merging list", "{'mergingList':[{'name':1},{'name':2}]}", "{'mergingList':[{'$patch':'replace'}]}", "{'mergingList':[]}" },
        { "merge empty merging lists", "{'mergingList':[]}", "{'mergingList':[]}", "{'mergingList':[]}" },
        { "delete all keys from map", "{'name':1,'value':1}", "{'$patch':'replace'}", "{}" },
        { "add key and delete all keys from map", "{'name':1,'value':1}", "{'other':'a','$patch':'replace'}", "{'other':'a'}" },
        {
            "delete all duplicate entries in a merging list",
            "{'mergingList':[{'name':1},{'name':1},{'name':2,'value':'a'},{'name':3},{'name':3}]}",
            "{'mergingList':[{'name':1,'$patch':'delete'},{'name':1,'$patch':'delete'},{'name':3,'$patch':'delete'},{'name':3,'$patch':'delete'}]}",
            "{'mergingList':[{'name':2,'value':'a'}]}"
        },
        { "retainKeys map can add a field when no retainKeys directive present", "{'retainKeysMap':{'name':'foo'}}", "{'retainKeysMap':{'value':'bar'}}", "{'retainKeysMap':{'name':'foo','value':'bar'}}" },
        { "retainKeys map can delete a field when no retainKeys directive present", "{'retainKeysMap':{'name':'foo','value':'a'}}", "{'retainKeysMap':{'value':null}}", "{'retainKeysMap':{'name':'foo'}}" },
        { "retainKeys map merge an empty map", "{'retainKeysMap':{'name':'foo','value':'a'}}", "{'retainKeysMap':{}}", "{'retainKeysMap':{'name':'foo','value':'a'}}" },
        {
            "retainKeys list can delete a field when no retainKeys directive present",
            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a'}]}", "{'retainKeysMergingList':[{'name':'foo','value':null}]}",
            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo'}]}"
        },
        {
            "preserve the order from the patch in a merging list",
            "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
            "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},{'name':2,'other':'x'}]}",
            "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'},{'name':2,'value':'b','other':'x'}]}"
        },
        {
            "preserve the order from the patch in a merging list 2",
            "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
            "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'}]}",
            "{'mergingList':[{'name':2,'value':'b'},{'name':3,'value':'c'},{'name':1,'value':'a'}]}"
        },
        { "preserve the order from the patch in a merging int list", "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1,2]}", "{'mergingIntList':[3,1,2]}" },
        { "preserve the order from the patch in a merging int list (a shorter patch)", "{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1]}", "{'mergingIntList':[2,3,1]}" },
        {
            "$setElementOrder contains item that is not present in the list to be merged",
            "{'mergingList':[{'name':1},{'name':3}]}",
            "{'$setElementOrder/mergingList':[{'name':3},{'name':2},{'name':1}],'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}",
            "{'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}"
        },
        { "$setElementOrder contains item that is not present in the int list to be merged", "{'mergingIntList':[1,3]}", "{'$setElementOrder/mergingIntList':[3,2,1]}", "{'mergingIntList':[3,1]}" },
        { "add field to map with conflict", "{'name':'a','other':'a'}", "{'name':1,'value':1}", "{'name':1,'value':1,'other':'a'}" },
        {
            "delete field from nested map with conflict", "{'simpleMap':{'key1':'a','key2':1,'other':'a'}}", "{'simpleMap':{'key1':1,'key2':null}}",
            "{'simpleMap':{'key1':1,'other':'a'}}"
        },
        { "replace list of scalars with conflict", "{'nonMergingIntList':[1,4]}", "{'nonMergingIntList':[2,3]}", "{'nonMergingIntList':[2,3]}" },
        {
            "delete all maps from merging list with conflict", "{'mergingList':[{'name':1,'other':'a'},{'name':2,'other':'b'}]}",
            "{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'$patch':'delete'}]}", "{'mergingList':[]}"
        },
        { "delete all maps from empty merging list", "{'mergingList':[]}", "{'mergingList':[{'name':1,'$patch':'delete'},{'name':2,'$patch':'delete'}]}", "{'mergingList':[]}" },
        { "defined null values should propagate overwrite current fields (with conflict)", "{'name':'a','other':'a'}", "{'name':1,'value':1,'other':null}", "{'name':1,'value':1}" },
        {
            "delete items in lists of scalars", "{'mergingIntList':[1,2,3,4]}",
            "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}", "{'mergingIntList':[1,2,4]}"
        },
        {
            "delete all duplicate items in lists of scalars", "{'mergingIntList':[1,2,3,3,4]}",
            "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/mergingIntList':[3]}", "{'mergingIntList':[1,2,4]}"
        },
        {
            "add and delete items in lists of scalars", "{'mergingIntList':[1,2,3,4]}",
            "{'$setElementOrder/mergingIntList':[1,2,4],'$deleteFromPrimitiveList/mergingIntList':[3],'mergingIntList':[4]}", "{'mergingIntList':[1,2,4]}"
        },
        {
            "merge lists of maps", "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
            "{'$setElementOrder/mergingList':[{'name':4},{'name':1},{'name':2},{'name':3}],'mergingList':[{'name':4,'value':4},{'name':3,'value':3}]}",
            "{'mergingList':[{'name':4,'value':4},{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'name':3,'value':3}]}"
        },
        {
            "merge lists of maps with conflict", "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':3,'other':'b'}]}",
            "{'$setElementOrder/mergingList':[{'name':1},{'name':2},{'name':3}],'mergingList':[{'name':2,'value':2},{'name':3,'value':3}]}",
            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'name':3,'value':3}]}"
        },
        {
            "add field to map in merging list", "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
            "{'$setElementOrder/mergingList':[{'name':1},{'name':2}],'mergingList':[{'name':1,'value':1}]}",
            "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}"
        },
    };

    [Theory]
    [MemberData(nameof(KubernetesCases))]
    public void Kubernetes_patch_test_cases_merge_as_in_Kubernetes(string name, string original, string patch, string result) =>
        Json.Equal(result, StrategicMergePatch.Apply(Json.Parse(original), Json.Parse(patch), MergeItemSchema), name);

    public static TheoryData<string, string, string, string> KubernetesErrors => new()
    {
        {
            "should check if order in $setElementOrder and patch list match", "{'mergingList':[{'name':1},{'name':3},{'name':2}]}",
            "{'$setElementOrder/mergingList':[{'name':1},{'name':2},{'name':3}],'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}", "doesn't match"
        },
        { "should check if order in $setElementOrder and patch int list match", "{'mergingIntList':[1,3,2]}", "{'$setElementOrder/mergingIntList':[1,2,3],'mergingIntList':[3,1]}", "doesn't match" },
        { "missing merge key should error out", "{'mergingList':[{'name':1,'value':'a'}]}", "{'mergingList':[{'value':'b'}]}", "does not contain declared merge key" },
        { "an unknown $patch", "{'name':1}", "{'$patch':'rename'}", "unknown patch type: rename in map" },
        { "$retainKeys that does not cover the patch", "{'retainKeysMap':{'name':'a'}}", "{'retainKeysMap':{'$retainKeys':['name'],'value':'b'}}", "invalid patch format of retainKeys" },
    };

    [Theory]
    [MemberData(nameof(KubernetesErrors))]
    public void Malformed_patches_are_refused_with_Kubernetes_messages(string name, string original, string patch, string message)
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(Json.Parse(original), Json.Parse(patch), MergeItemSchema));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    private const string Deployment = """
        {'apiVersion':'apps/v1','kind':'Deployment',
         'metadata':{'name':'web','namespace':'default','labels':{'app':'web','tier':'front'},'finalizers':['a']},
         'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},
          'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},
          'template':{'metadata':{'labels':{'app':'web'}},'spec':{
           'containers':[
            {'name':'nginx','image':'nginx:1.25','args':['-g','daemon off;'],
             'ports':[{'containerPort':80},{'containerPort':443}],
             'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
             'volumeMounts':[{'name':'data','mountPath':'/data'}]},
            {'name':'b','image':'busybox'}],
           'tolerations':[{'key':'k','operator':'Exists'}],
           'volumes':[{'name':'data','emptyDir':{}}]}}},
         'status':{'conditions':[{'type':'Available','status':'True'},{'type':'Progressing','status':'True'}]}}
        """;

    /// <summary>The bodies kubectl 1.32 sends (kubectl-protocol.md §3.3 and §3.12) and what the Deployment looks like after each.</summary>
    public static TheoryData<string, string, Func<JsonObject, string>> KubectlPatches => new()
    {
        {
            "kubectl set image deployment/web nginx=nginx:1.27",
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'}],'containers':[{'image':'nginx:1.27','name':'nginx'}]}}}}",
            d => $"{d["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString()}"
        },
        {
            "kubectl apply: replicas and image changed",
            "{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}},'spec':{'replicas':3,'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'b'}],'containers':[{'image':'nginx:1.26','name':'nginx'}]}}}}",
            d => $"{d["metadata"]!["annotations"]!.ToJsonString()} {d["spec"]!["replicas"]} {d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]}"
        },
        {
            "kubectl apply: a label, a port, an env var and a container removed, and the strategy switched",
            """
            {'metadata':{'labels':{'tier':null}},
             'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'},
              'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'}],
               'containers':[
                {'$setElementOrder/env':[{'name':'A'}],'$setElementOrder/ports':[{'containerPort':80}],
                 'env':[{'$patch':'delete','name':'B'}],'name':'nginx','ports':[{'$patch':'delete','containerPort':443}]},
                {'$patch':'delete','name':'b'}]}}}}
            """,
            d => $"{d["metadata"]!["labels"]!.ToJsonString()} {d["spec"]!["strategy"]!.ToJsonString()} {d["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString()}"
        },
        {
            "tolerations and args are replaced wholesale",
            "{'spec':{'template':{'spec':{'tolerations':[{'key':'x','operator':'Exists'}],'containers':[{'name':'nginx','args':['-v']}]}}}}",
            d => $"{d["spec"]!["template"]!["spec"]!["tolerations"]!.ToJsonString()} {d["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.ToJsonString()}"
        },
        {
            "a finalizer added and another deleted",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a'],'finalizers':['b']}}",
            d => d["metadata"]!["finalizers"]!.ToJsonString()
        },
        {
            "a status condition merged by type",
            "{'status':{'conditions':[{'type':'Progressing','status':'False','reason':'ProgressDeadlineExceeded'}]}}",
            d => d["status"]!["conditions"]!.ToJsonString()
        },
        {
            "a volume switched from emptyDir to hostPath with $retainKeys",
            "{'spec':{'template':{'spec':{'volumes':[{'$retainKeys':['hostPath','name'],'name':'data','hostPath':{'path':'/srv'}}]}}}}",
            d => d["spec"]!["template"]!["spec"]!["volumes"]!.ToJsonString()
        },
    };

    private static readonly Dictionary<string, string> KubectlExpected = new()
    {
        ["kubectl set image deployment/web nginx=nginx:1.27"] =
            """[{"name":"nginx","image":"nginx:1.27","args":["-g","daemon off;"],"ports":[{"containerPort":80},{"containerPort":443}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"b","image":"busybox"}]""",
        ["kubectl apply: replicas and image changed"] = """{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"} 3 nginx:1.26""",
        ["kubectl apply: a label, a port, an env var and a container removed, and the strategy switched"] =
            """{"app":"web"} {"type":"Recreate"} [{"name":"nginx","image":"nginx:1.25","args":["-g","daemon off;"],"ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]}]""",
        ["tolerations and args are replaced wholesale"] = """[{"key":"x","operator":"Exists"}] ["-v"]""",
        ["a finalizer added and another deleted"] = """["b"]""",
        ["a status condition merged by type"] =
            """[{"type":"Available","status":"True"},{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]""",
        ["a volume switched from emptyDir to hostPath with $retainKeys"] = """[{"name":"data","hostPath":{"path":"/srv"}}]""",
    };

    [Theory]
    [MemberData(nameof(KubectlPatches))]
    public void Kubectl_patch_bodies_change_a_Deployment_as_in_Kubernetes(string name, string patch, Func<JsonObject, string> view)
    {
        var result = StrategicMergePatch.Apply(Json.Parse(Deployment), Json.Parse(patch), "Deployment")!.AsObject();
        Assert.Equal(KubectlExpected[name], view(result));
        Assert.DoesNotContain("\"$", result.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>With a patch that says nothing, any object comes back as it was, whatever the kind.</summary>
    [Fact]
    public void An_empty_patch_is_identity() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 9), 32)),
            digits =>
            {
                var target = Json.FromDigits(digits);
                return JsonNode.DeepEquals(StrategicMergePatch.Apply(target, new JsonObject(), "Deployment"), target) &&
                    JsonNode.DeepEquals(StrategicMergePatch.Apply(Json.Parse(Deployment), new JsonObject(), "Deployment"), Json.Parse(Deployment));
            }));

    /// <summary>Where no list has a strategy and no directive is sent, a strategic merge patch is a JSON merge patch.</summary>
    [Fact]
    public void Without_merged_lists_or_directives_it_agrees_with_JSON_merge_patch() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 9), 48)),
            digits =>
            {
                var target = Json.FromDigits(digits.Take(24).ToList());
                var patch = Json.FromDigits(digits.Skip(24).ToList(), withNulls: true);
                return JsonNode.DeepEquals(StrategicMergePatch.Apply(target, patch, "ConfigMap"), JsonMergePatch.Apply(target, patch));
            }));
}
