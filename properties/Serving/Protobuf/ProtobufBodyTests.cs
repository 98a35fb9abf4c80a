using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Protobuf;
using static KubeKernel.Properties.Serving.Protobuf.KubectlBodies;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>kubectl 1.32's protobuf create bodies decode to the JSON bodies older kubectls send for the same commands.</summary>
public class ProtobufBodyTests
{
    internal static void AssertDecodes(string expectedJson, byte[] body)
    {
        var expected = JsonBody(expectedJson);
        var actual = ProtobufBody.Decode(body);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n  actual {actual.ToJsonString()}");
    }

    [Fact]
    public void Kubectl_1_32_create_deployment_decodes_to_the_JSON_kubectl_1_31_sends() =>
        AssertDecodes(CreateDeploymentJson, CreateDeployment());

    /// <summary>§3.10 measured 205 bytes; the rebuilt body matching it says the field list (and status' six zero counters) is right.</summary>
    [Fact]
    public void The_rebuilt_create_deployment_body_is_as_long_as_the_one_kubectl_sent() =>
        Assert.Equal(205, CreateDeployment().Length);

    [Fact]
    public void The_decoded_object_starts_with_apiVersion_and_kind_like_a_JSON_body() =>
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], ProtobufBody.Decode(CreateDeployment()).Select(p => p.Key));

    [Fact]
    public void Create_job_with_a_command_decodes_to_its_JSON_form() =>
        AssertDecodes(
            """{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"pi","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"pi","image":"perl","command":["perl","-e","1"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}""",
            Body("batch/v1", "Job", job => job
                .Message(1, m => Meta(m, "pi"))
                .Message(2, spec => spec.Message(6, template => template
                    .Message(1, m => Meta(m, ""))
                    .Message(2, s => PodSpec(s, c => Container(c, "pi", "perl", "perl", "-e", "1"), "Never"))))
                .Message(3, status => status.Int(4, 0).Int(5, 0).Int(6, 0).String(7, ""))));

    /// <summary><c>kubectl create service clusterip web --tcp=80:8080 --tcp=443:https</c>: a numeric and a named targetPort.</summary>
    [Fact]
    public void Create_service_decodes_ports_with_number_and_name_target_ports() =>
        AssertDecodes(
            """{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},{"name":"443-https","protocol":"TCP","port":443,"targetPort":"https"}],"selector":{"app":"web"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}""",
            Body("v1", "Service", svc => svc
                .Message(1, m => Meta(m, "web", ("app", "web")))
                .Message(2, spec => spec
                    .Message(1, p => p.String(1, "80-8080").String(2, "TCP").Int(3, 80)
                        .Message(4, t => t.Int(1, 0).Int(2, 8080).String(3, "")).Int(5, 0))
                    .Message(1, p => p.String(1, "443-https").String(2, "TCP").Int(3, 443)
                        .Message(4, t => t.Int(1, 1).Int(2, 0).String(3, "https")).Int(5, 0))
                    .Entry(2, "app", "web")
                    .String(3, "").String(4, "ClusterIP").String(7, "").String(8, "").String(10, "").String(11, "")
                    .Int(12, 0).Bool(13, false))
                .Message(3, status => status.Message(1, _ => { }))));

    /// <summary><c>kubectl create ingress web --rule="example.com/=web:80"</c>: the rule's value is inline in JSON.</summary>
    [Fact]
    public void Create_ingress_decodes_rules_paths_and_backends() =>
        AssertDecodes(
            """{"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"web","creationTimestamp":null},"spec":{"rules":[{"host":"example.com","http":{"paths":[{"path":"/","pathType":"Exact","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]},"status":{"loadBalancer":{}}}""",
            Body("networking.k8s.io/v1", "Ingress", ing => ing
                .Message(1, m => Meta(m, "web"))
                .Message(2, spec => spec.Message(3, rule => rule
                    .String(1, "example.com")
                    .Message(2, value => value.Message(1, http => http.Message(1, path => path
                        .String(1, "/")
                        .Message(2, backend => backend.Message(4, service => service
                            .String(1, "web")
                            .Message(2, port => port.String(1, "").Int(2, 80))))
                        .String(3, "Exact"))))))
                .Message(3, status => status.Message(1, _ => { }))));

    [Fact]
    public void Create_namespace_and_serviceaccount_decode() =>
        Assert.All(
            new[]
            {
                ("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"team"},"spec":{},"status":{}}""",
                    Body("v1", "Namespace", ns => ns.Message(1, m => Meta(m, "team")).Message(2, _ => { }).Message(3, s => s.String(1, "")))),
                ("""{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"robot"},"automountServiceAccountToken":false}""",
                    Body("v1", "ServiceAccount", sa => sa.Message(1, m => Meta(m, "robot")).Bool(4, false))),
            },
            c => AssertDecodes(c.Item1, c.Item2));

    /// <summary>PriorityClass <c>value</c> has no omitempty and 0 is a real priority; globalDefault false is left out.</summary>
    [Fact]
    public void A_priority_class_keeps_value_zero() =>
        AssertDecodes(
            """{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"low"},"value":0,"description":"batch"}""",
            Body("scheduling.k8s.io/v1", "PriorityClass", pc => pc
                .Message(1, m => Meta(m, "low")).Int(2, 0).Bool(3, false).String(4, "batch")));

    /// <summary>
    /// A pod with the less common parts: inline ProbeHandler, VolumeSource and LocalObjectReference, Quantities, a pointer
    /// false (optional) and a pointer zero (tolerationSeconds), affinity, a set Time and an owner reference.
    /// </summary>
    [Fact]
    public void A_pod_decodes_probes_env_volumes_tolerations_affinity_and_owner_references() =>
        AssertDecodes(
            """
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"web-1","creationTimestamp":"2023-11-14T22:13:20Z",
               "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web","uid":"u1","controller":true}]},
             "spec":{
               "volumes":[{"name":"data","emptyDir":{"sizeLimit":"1Gi"}},{"name":"cfg","configMap":{"name":"cfg","defaultMode":420}},
                          {"name":"sec","secret":{"secretName":"sec"}}],
               "containers":[{"name":"web","image":"nginx",
                 "ports":[{"containerPort":80,"protocol":"TCP"}],
                 "env":[{"name":"A","value":"1"},
                        {"name":"B","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"b"}}},
                        {"name":"C","valueFrom":{"secretKeyRef":{"name":"sec","key":"c","optional":false}}}],
                 "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"0"}},
                 "volumeMounts":[{"name":"data","mountPath":"/data"}],
                 "livenessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5},
                 "readinessProbe":{"tcpSocket":{"port":80}},
                 "startupProbe":{"exec":{"command":["cat","/tmp/ready"]},"failureThreshold":30}}],
               "tolerations":[{"key":"k","operator":"Equal","value":"v","effect":"NoExecute","tolerationSeconds":0}],
               "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[
                 {"matchExpressions":[{"key":"zone","operator":"In","values":["a","b"]}]}]}}}},
             "status":{}}
            """,
            Body("v1", "Pod", pod => pod
                .Message(1, m => m.String(1, "web-1").Message(8, t => t.Int(1, 1_700_000_000).Int(2, 123))
                    .Message(13, o => o.String(1, "ReplicaSet").String(3, "web").String(4, "u1").String(5, "apps/v1").Bool(6, true)))
                .Message(2, spec => spec
                    .Message(1, v => v.String(1, "data").Message(2, src => src.Message(2, e => e.String(1, "").Message(2, q => q.String(1, "1Gi")))))
                    .Message(1, v => v.String(1, "cfg").Message(2, src => src.Message(19, cm => cm.Message(1, r => r.String(1, "cfg")).Int(3, 420))))
                    .Message(1, v => v.String(1, "sec").Message(2, src => src.Message(6, s => s.String(1, "sec"))))
                    .Message(2, c => c.String(1, "web").String(2, "nginx")
                        .Message(6, p => p.String(1, "").Int(2, 0).Int(3, 80).String(4, "TCP").String(5, ""))
                        .Message(7, e => e.String(1, "A").String(2, "1"))
                        .Message(7, e => e.String(1, "B").String(2, "").Message(3, f => f.Message(3, k => k.Message(1, r => r.String(1, "cfg")).String(2, "b"))))
                        .Message(7, e => e.String(1, "C").String(2, "").Message(3, f => f.Message(4, k => k.Message(1, r => r.String(1, "sec")).String(2, "c").Bool(3, false))))
                        .Message(8, r => r
                            .Message(1, l => l.String(1, "cpu").Message(2, q => q.String(1, "500m")))
                            .Message(1, l => l.String(1, "memory").Message(2, q => q.String(1, "128Mi")))
                            .Message(2, l => l.String(1, "cpu").Message(2, _ => { })))
                        .Message(9, vm => vm.String(1, "data").Bool(2, false).String(3, "/data").String(4, "").String(6, ""))
                        .Message(10, p => p.Message(1, h => h.Message(2, g => g.String(1, "/healthz").Message(2, port => port.Int(1, 1).Int(2, 0).String(3, "http")).String(3, "").String(4, "")))
                            .Int(2, 0).Int(3, 0).Int(4, 5).Int(5, 0).Int(6, 0))
                        .Message(11, p => p.Message(1, h => h.Message(3, t => t.Message(1, port => port.Int(1, 0).Int(2, 80).String(3, "")).String(2, ""))))
                        .Message(22, p => p.Message(1, h => h.Message(1, x => x.String(1, "cat").String(1, "/tmp/ready"))).Int(6, 30)))
                    .Message(22, t => t.String(1, "k").String(2, "Equal").String(3, "v").String(4, "NoExecute").Int(5, 0))
                    .Message(18, a => a.Message(1, n => n.Message(1, sel => sel.Message(1, term => term
                        .Message(1, req => req.String(1, "zone").String(2, "In").String(3, "a").String(3, "b")))))))
                .Message(3, _ => { })));
}
