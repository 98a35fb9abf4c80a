using System.Text;
using KubeKernel.Adapters.Serving.Protobuf;
using static KubeKernel.Properties.Serving.Protobuf.KubectlBodies;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>Malformed bodies raise ProtobufException with a message in plain words, and never anything else.</summary>
public class MalformedBodyTests
{
    private static byte[] Spec(Action<ProtoWriter> spec) =>
        Body("apps/v1", "Deployment", d => d.Message(2, spec));

    private static byte[] Envelope(Action<ProtoWriter> unknown) => [.. "k8s\0"u8, .. Build(unknown)];

    private static byte[] Build(Action<ProtoWriter> build)
    {
        var writer = new ProtoWriter();
        build(writer);
        return writer.ToArray();
    }

    public static TheoryData<string, byte[], string> Cases => new()
    {
        { "an empty body", [], "does not start with the Kubernetes protobuf prefix" },
        { "a JSON body", Encoding.UTF8.GetBytes("""{"kind":"Deployment"}"""), "does not start with the Kubernetes protobuf prefix" },
        { "a wrong magic", [0x6B, 0x38, 0x73, 0x01, 0x0A, 0x00], "does not start with the Kubernetes protobuf prefix" },
        { "the magic alone", [.. "k8s\0"u8], "does not say which apiVersion and kind" },
        { "no object", Envelope(u => u.Message(1, t => t.String(1, "apps/v1").String(2, "Deployment"))), "carries no object" },
        { "a kind without a schema", Body("apps/v1", "StatefulSet", _ => { }), "StatefulSet in apps/v1 cannot be read from protobuf here" },
        { "a gzip-encoded object", Envelope(u => u.Message(1, t => t.String(1, "v1").String(2, "Pod")).Message(2, _ => { }).String(3, "gzip")), "content encoding \"gzip\"" },
        { "a length past the end", Envelope(u => u.Message(1, t => t.String(1, "v1").String(2, "Pod")).Append(0x12, 0xC8, 0x01, 1, 2, 3)), "a length of 200 bytes runs past the end of the message, which has 3 left" },
        { "a truncated varint", Spec(s => s.Append(0x08, 0x80)), "a number runs past the end of the message" },
        { "a varint of eleven bytes", Spec(s => s.Append(0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)), "a number is longer than ten bytes" },
        { "replicas sent as bytes", Spec(s => s.String(1, "3")), "field 1 (replicas) of DeploymentSpec should be a varint but is length-delimited" },
        { "a selector sent as a number", Spec(s => s.Int(2, 1)), "field 2 (selector) of DeploymentSpec should be length-delimited but is a varint" },
        { "a group", Spec(s => s.Append(0x0B)), "field 1 has wire type 3, a group or an undefined type" },
        { "field number zero", Spec(s => s.Append(0x00, 0x00)), "a field number of 0 is outside 1 to 536870911" },
        { "an unknown fixed64 cut short", Spec(s => s.Append(0xA1, 0x06, 1, 2, 3)), "a fixed-size value of 8 bytes runs past the end" },
        { "an IntOrString of type 7", Spec(s => s.Message(4, st => st.Message(2, r => r.Message(2, i => i.Int(1, 7))))), "an IntOrString has type 7" },
        { "a time after 9999", Body("v1", "Pod", p => p.Message(1, m => m.Message(8, t => t.Int(1, 253_402_300_800)))), "outside the years 0001 to 9999" },
        { "a map key sent as a number", Spec(s => s.Message(2, sel => sel.Message(1, e => e.Int(1, 5)))), "field matchLabels key of LabelSelector should be length-delimited" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_with_a_plain_message(string name, byte[] body, string expected)
    {
        var error = Assert.Throws<ProtobufException>(() => ProtobufBody.Decode(body));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(name);
    }
}
