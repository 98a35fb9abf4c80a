using KubeKernel.Adapters.Serving.Protobuf;
using static KubeKernel.Properties.Serving.Protobuf.KubectlBodies;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>Which zeros mean "unset" and which are values, and how Times read.</summary>
public class ZeroValueTests
{
    private static byte[] DeploymentSpec(Action<ProtoWriter> spec) =>
        Body("apps/v1", "Deployment", d => d.Message(1, m => Meta(m, "web")).Message(2, spec));

    [Fact]
    public void Replicas_zero_is_kept_because_the_field_is_a_pointer_sent_only_when_set() =>
        ProtobufBodyTests.AssertDecodes(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":0}}""",
            DeploymentSpec(s => s.Int(1, 0).Int(5, 0).Bool(7, false)));

    [Fact]
    public void Explicit_zero_surge_and_unavailability_are_kept_and_a_zero_target_port_is_not() =>
        Assert.Multiple(
            () => ProtobufBodyTests.AssertDecodes(
                """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}}}}""",
                DeploymentSpec(s => s.Message(4, st => st.String(1, "RollingUpdate").Message(2, r => r
                    .Message(1, i => i.Int(1, 0).Int(2, 0).String(3, ""))
                    .Message(2, i => i.Int(1, 1).Int(2, 0).String(3, "25%")))))),
            () => ProtobufBodyTests.AssertDecodes(
                """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80}]}}""",
                Body("v1", "Service", svc => svc.Message(1, m => Meta(m, "web"))
                    .Message(2, s => s.Message(1, p => p.String(1, "").Int(3, 80).Message(4, i => i.Int(1, 0).Int(2, 0).String(3, "")))))));

    [Fact]
    public void A_later_zero_unsets_an_earlier_value_as_protobuf_last_one_wins() =>
        ProtobufBodyTests.AssertDecodes(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{}}""",
            DeploymentSpec(s => s.Int(5, 10).Int(5, 0)));

    [Theory]
    [InlineData(1_700_000_000L, "2023-11-14T22:13:20Z")]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(-62_135_596_800L, "0001-01-01T00:00:00Z")]
    [InlineData(253_402_300_799L, "9999-12-31T23:59:59Z")]
    public void A_time_with_seconds_reads_as_RFC_3339_in_UTC_without_nanos(long seconds, string expected)
    {
        var body = Body("v1", "Namespace", ns => ns.Message(1, m => m.String(1, "a").Message(8, t => t.Int(1, seconds).Int(2, 999_999_999))));
        Assert.Equal(expected, ProtobufBody.Decode(body)["metadata"]!["creationTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void An_empty_time_is_unset_as_Go_writes_a_zero_time() =>
        Assert.False(ProtobufBody.Decode(Body("v1", "Namespace", ns => ns.Message(1, m => Meta(m, "a"))))["metadata"]!
            .AsObject().ContainsKey("creationTimestamp"));

    [Fact]
    public void Fields_this_server_does_not_know_are_skipped_whatever_their_wire_type() =>
        ProtobufBodyTests.AssertDecodes(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""",
            DeploymentSpec(s =>
            {
                s.Int(999, 7).String(1000, "future").Int(1, 2);
                s.Tag(1001, 1);
                s.Append(1, 2, 3, 4, 5, 6, 7, 8);
                s.Tag(1002, 5);
                s.Append(1, 2, 3, 4);
            }));
}
