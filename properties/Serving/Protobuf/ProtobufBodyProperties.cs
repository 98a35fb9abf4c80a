using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Adapters.Serving.Protobuf;
using KubeKernel.Properties.Support;
using static KubeKernel.Properties.Serving.Protobuf.KubectlBodies;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>Laws of the decoder: totality over any bytes, refusal of every cut body, and faithful ports.</summary>
public class ProtobufBodyProperties
{
    /// <summary>True when the body decodes or is refused with ProtobufException; any other exception escapes and fails.</summary>
    private static bool DecodesOrRefuses(byte[] body)
    {
        try
        {
            ProtobufBody.Decode(body);
            return true;
        }
        catch (ProtobufException)
        {
            return false;
        }
    }

    [Fact]
    public void Any_bytes_decode_or_raise_ProtobufException_and_nothing_else() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(from magic in Gen.Elements(true, false)
                     from rest in ArbMap.Default.GeneratorFor<byte[]>()
                     select magic ? [.. "k8s\0"u8, .. rest] : rest),
            body => { DecodesOrRefuses(body); }));

    /// <summary>Random changes to a real body reach far deeper than random bytes, which rarely name a known kind.</summary>
    [Fact]
    public void Any_corruption_of_a_real_body_decodes_or_raises_ProtobufException() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Zip(Gen.Choose(0, CreateDeployment().Length - 1), Gen.Choose(0, 255)))),
            changes =>
            {
                var body = CreateDeployment();
                foreach (var (at, value) in changes)
                {
                    body[at] = (byte)value;
                }

                DecodesOrRefuses(body);
            }));

    [Fact]
    public void Every_single_byte_change_of_the_deployment_body_decodes_or_raises_ProtobufException()
    {
        var original = CreateDeployment();
        for (var at = 0; at < original.Length; at++)
        {
            for (var value = 0; value < 256; value++)
            {
                var body = (byte[])original.Clone();
                body[at] = (byte)value;
                DecodesOrRefuses(body);
            }
        }
    }

    /// <summary>Any cut before the object's last byte leaves a length, a varint or the object itself missing.</summary>
    [Fact]
    public void Every_cut_of_the_deployment_body_before_its_object_ends_raises_ProtobufException()
    {
        var body = CreateDeployment();
        var objectEnd = body.Length - 4; // after the object come only contentEncoding and contentType, 2 bytes each
        for (var cut = 0; cut < objectEnd; cut++)
        {
            Assert.False(DecodesOrRefuses(body[..cut]), $"a body cut to {cut} of {body.Length} bytes decoded");
        }

        Assert.True(DecodesOrRefuses(body));
    }

    private sealed record Port(string Name, int Number, int? TargetNumber, string TargetName);

    private static readonly Gen<Port> Ports =
        from name in Gen.Elements("", "http", "metrics", "80-8080")
        from number in Gen.Choose(1, 65535)
        from numbered in ArbMap.Default.GeneratorFor<bool>()
        from targetNumber in Gen.Choose(0, 65535)
        from targetName in Gen.Elements("http", "grpc", "")
        select new Port(name, number, numbered ? targetNumber : null, targetName);

    [Fact]
    public void Service_ports_decode_to_what_they_were_written_from() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Gen.NonEmptyListOf(Ports)), ports =>
        {
            var body = Body("v1", "Service", svc => svc.Message(2, spec =>
            {
                foreach (var p in ports)
                {
                    spec.Message(1, w => w.String(1, p.Name).String(2, "TCP").Int(3, p.Number).Message(4, t => t
                        .Int(1, p.TargetNumber is null ? 1 : 0).Int(2, p.TargetNumber ?? 0).String(3, p.TargetNumber is null ? p.TargetName : "")));
                }
            }));

            var expected = new JsonArray([.. ports.Select(p =>
            {
                var port = new JsonObject();
                if (p.Name.Length > 0)
                {
                    port["name"] = p.Name;
                }

                port["protocol"] = "TCP";
                port["port"] = p.Number;
                if (p.TargetNumber is not (null or 0))
                {
                    port["targetPort"] = p.TargetNumber;
                }
                else if (p.TargetNumber is null)
                {
                    port["targetPort"] = p.TargetName;
                }

                return (JsonNode)port;
            })]);
            var actual = ProtobufBody.Decode(body)["spec"]!["ports"];
            return JsonNode.DeepEquals(expected, actual).Label($"expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
        }));
}
