using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Patching;

namespace KubeKernel.Properties.Serving.Patching;

public class JsonPatchTests
{
    /// <summary>RFC 6902 Appendix A, the examples that succeed, named after their sections.</summary>
    public static TheoryData<string, string, string, string> Rfc6902Examples => new()
    {
        { "A.1 Adding an Object Member", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}" },
        { "A.2 Adding an Array Element", "{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}" },
        { "A.3 Removing an Object Member", "{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}" },
        { "A.4 Removing an Array Element", "{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}" },
        { "A.5 Replacing a Value", "{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}" },
        {
            "A.6 Moving a Value", "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
            "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]", "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"
        },
        { "A.7 Moving an Array Element", "{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}" },
        {
            "A.8 Testing a Value: Success", "{'baz':'qux','foo':['a',2,'c']}",
            "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]", "{'baz':'qux','foo':['a',2,'c']}"
        },
        { "A.10 Adding a Nested Member Object", "{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]", "{'foo':'bar','child':{'grandchild':{}}}" },
        { "A.11 Ignoring Unrecognized Elements", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}" },
        { "A.14 ~ Escape Ordering", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}" },
        { "A.16 Adding an Array Value", "{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}" },
        { "copy (RFC 6902 §4.5)", "{'a':{'b':1}}", "[{'op':'copy','from':'/a','path':'/c'}]", "{'a':{'b':1},'c':{'b':1}}" },
        { "add at the root replaces the document (§4.1)", "{'a':1}", "[{'op':'add','path':'','value':[1]}]", "[1]" },
        { "a missing member tests equal to null, as in Kubernetes' json-patch", "{'a':1}", "[{'op':'test','path':'/b','value':null}]", "{'a':1}" },
    };

    [Theory]
    [MemberData(nameof(Rfc6902Examples))]
    public void Rfc6902_appendix_examples_patch_as_the_RFC_says(string name, string document, string patch, string result) =>
        Json.Equal(result, JsonPatch.Apply(Json.Parse(document), Json.Parse(patch)!.AsArray()), name);

    /// <summary>The failing examples, with the messages of the json-patch library the Kubernetes API server answers 422 with.</summary>
    public static TheoryData<string, string, string, string> Failures => new()
    {
        { "A.9 Testing a Value: Error", "{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]", "testing value /baz failed: test failed" },
        { "A.12 Adding to a Nonexistent Target", "{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]", "add operation does not apply: doc is missing path: \"/baz/bat\": missing value" },
        { "A.15 Comparing Strings and Numbers", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]", "testing value /~01 failed: test failed" },
        { "removing a missing member", "{'a':1}", "[{'op':'remove','path':'/b'}]", "error in remove for path: '/b': Unable to remove nonexistent key: b: missing value" },
        { "removing past the end of a list", "{'a':[1]}", "[{'op':'remove','path':'/a/1'}]", "error in remove for path: '/a/1': Unable to access invalid index: 1: invalid index referenced" },
        { "adding two past the end of a list", "{'a':[1]}", "[{'op':'add','path':'/a/2','value':0}]", "error in add for path: '/a/2': Unable to access invalid index: 2: invalid index referenced" },
        { "replacing a missing member", "{'a':1}", "[{'op':'replace','path':'/b','value':2}]", "replace operation does not apply: doc is missing key: /b: missing value" },
        { "moving from a missing path", "{'a':1}", "[{'op':'move','from':'/x/y','path':'/b'}]", "move operation does not apply: doc is missing from path: /x/y: missing value" },
        { "testing under a missing path", "{'a':1}", "[{'op':'test','path':'/x/y','value':1}]", "test operation does not apply: is missing path: /x/y: missing value" },
        { "an operation Kubernetes does not know", "{}", "[{'op':'merge','path':'/a','value':1}]", "Unexpected kind: merge" },
        { "a leading zero is not an index", "{'a':[1,2]}", "[{'op':'replace','path':'/a/01','value':0}]", "replace operation does not apply: doc is missing key: /a/01: missing value" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failing_operations_raise_Kubernetes_messages_and_leave_the_document_alone(string name, string document, string patch, string message)
    {
        var target = Json.Parse(document);
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(target, Json.Parse(patch)!.AsArray()));
        Assert.True(message == error.Message, $"{name}: {error.Message}");
        Assert.Equal(PatchException.Unprocessable, error.Code);
        Json.Equal(document, target);
    }

    [Fact]
    public void A_patch_is_all_or_nothing()
    {
        var target = Json.Object("{'spec':{'replicas':2}}");
        var patch = Json.Parse("[{'op':'replace','path':'/spec/replicas','value':5},{'op':'test','path':'/spec/paused','value':true}]")!.AsArray();

        Assert.Throws<PatchException>(() => JsonPatch.Apply(target, patch));
        Json.Equal("{'spec':{'replicas':2}}", target);
    }

    [Fact]
    public void Escaped_pointers_reach_annotation_keys_with_slashes()
    {
        var pod = Json.Object("{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}','a~b':'x'}}}");
        var patch = Json.Parse("[{'op':'remove','path':'/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration'},{'op':'replace','path':'/metadata/annotations/a~0b','value':'y'}]")!.AsArray();

        Json.Equal("{'metadata':{'annotations':{'a~b':'y'}}}", JsonPatch.Apply(pod, patch));
    }

    [Fact]
    public void A_value_cannot_move_into_its_own_child()
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(Json.Parse("{'a':{'b':1}}"), Json.Parse("[{'op':'move','from':'/a','path':'/a/c'}]")!.AsArray()));
        Assert.Contains("/a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_then_adding_back_is_identity_on_every_member()
    {
        var deployment = Json.Object("{'spec':{'replicas':3,'paused':false,'template':{'spec':{'containers':[{'name':'nginx'}]}}}}");
        foreach (var (name, value) in deployment["spec"]!.AsObject())
        {
            var patch = new JsonArray(
                new JsonObject { ["op"] = "remove", ["path"] = "/spec/" + name },
                new JsonObject { ["op"] = "add", ["path"] = "/spec/" + name, ["value"] = value!.DeepClone() });
            Assert.True(JsonNode.DeepEquals(deployment, JsonPatch.Apply(deployment, patch)), name);
        }
    }
}
