using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Adapters.Serving.Patching;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving.Patching;

public class JsonMergePatchTests
{
    /// <summary>RFC 7386 Appendix A, every example: original, patch, result.</summary>
    public static TheoryData<string, string, string> Rfc7386Examples => new()
    {
        { "{'a':'b'}", "{'a':'c'}", "{'a':'c'}" },
        { "{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}" },
        { "{'a':'b'}", "{'a':null}", "{}" },
        { "{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}" },
        { "{'a':['b']}", "{'a':'c'}", "{'a':'c'}" },
        { "{'a':'c'}", "{'a':['b']}", "{'a':['b']}" },
        { "{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}" },
        { "{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}" },
        { "['a','b']", "['c','d']", "['c','d']" },
        { "{'a':'b'}", "['c']", "['c']" },
        { "{'a':'foo'}", "null", "null" },
        { "{'a':'foo'}", "'bar'", "'bar'" },
        { "{'e':null}", "{'a':1}", "{'e':null,'a':1}" },
        { "[1,2]", "{'a':'b','c':null}", "{'a':'b'}" },
        { "{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}" },
    };

    [Theory]
    [MemberData(nameof(Rfc7386Examples))]
    public void Rfc7386_appendix_examples_merge_as_the_RFC_says(string original, string patch, string result) =>
        Json.Equal(result, JsonMergePatch.Apply(Json.Parse(original), Json.Parse(patch)), $"{original} + {patch}");

    [Fact]
    public void Applying_a_patch_leaves_target_and_patch_as_they_were()
    {
        var target = Json.Object("{'metadata':{'labels':{'app':'web','tier':'front'}}}");
        var patch = Json.Object("{'metadata':{'labels':{'tier':null,'team':'a'}}}");
        var result = JsonMergePatch.Apply(target, patch);

        Json.Equal("{'metadata':{'labels':{'app':'web','team':'a'}}}", result);
        Json.Equal("{'metadata':{'labels':{'app':'web','tier':'front'}}}", target);
        Json.Equal("{'metadata':{'labels':{'tier':null,'team':'a'}}}", patch);
    }

    /// <summary>The merge patch that says how a null-free object became another one turns the first into the second.</summary>
    [Fact]
    public void The_merge_patch_of_a_difference_reproduces_the_second_object() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 9), 48)),
            digits =>
            {
                var before = Json.FromDigits(digits.Take(24).ToList());
                var after = Json.FromDigits(digits.Skip(24).ToList());
                return JsonNode.DeepEquals(JsonMergePatch.Apply(before, Difference(before, after)), after);
            }));

    /// <summary>The merge patch from one object to another: removed members as null, changed ones by value, nested objects recursively.</summary>
    private static JsonObject Difference(JsonObject before, JsonObject after)
    {
        var patch = new JsonObject();
        foreach (var (name, _) in before.Where(m => !after.ContainsKey(m.Key)))
        {
            patch[name] = null;
        }

        foreach (var (name, value) in after)
        {
            if (before[name] is JsonObject was && value is JsonObject @is)
            {
                patch[name] = Difference(was, @is);
            }
            else if (!before.ContainsKey(name) || !JsonNode.DeepEquals(before[name], value))
            {
                patch[name] = value?.DeepClone();
            }
        }

        return patch;
    }
}
