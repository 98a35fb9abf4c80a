using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>Protobuf bodies as kubectl 1.32 writes them, and the JSON bodies kubectl 1.27–1.31 send for the same commands.</summary>
/// <remarks>
/// Go's generated marshallers write every value-typed field, set or not, and pointer fields only when set; these
/// writers do the same, so the zeros kubectl sends are in the bodies too.
/// </remarks>
internal static class KubectlBodies
{
    /// <summary>The magic, then runtime.Unknown {1: TypeMeta, 2: raw object, 3: "", 4: ""}.</summary>
    public static byte[] Body(string apiVersion, string kind, Action<ProtoWriter> obj) =>
        [.. "k8s\0"u8, .. new ProtoWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, obj)
            .String(3, "")
            .String(4, "")
            .ToArray()];

    /// <summary>ObjectMeta as Go writes an unsaved one: fields 1–7 always, an empty creationTimestamp (8), then labels (11).</summary>
    public static void Meta(ProtoWriter m, string name, params (string Key, string Value)[] labels)
    {
        m.String(1, name);
        for (var field = 2; field <= 6; field++)
        {
            m.String(field, "");
        }

        m.Int(7, 0).Message(8, _ => { });
        foreach (var (key, value) in labels)
        {
            m.Entry(11, key, value);
        }
    }

    /// <summary>Container with its value fields 5, 8, 13, 14, 16, 17, 18, 20 at zero, as §3.10 of kubectl-protocol.md lists them.</summary>
    public static void Container(ProtoWriter c, string name, string image, params string[] command)
    {
        c.String(1, name).String(2, image);
        foreach (var word in command)
        {
            c.String(3, word);
        }

        c.String(5, "").Message(8, _ => { }).String(13, "").String(14, "")
            .Bool(16, false).Bool(17, false).Bool(18, false).String(20, "");
    }

    /// <summary>PodSpec with its value fields 3, 6, 8–13, 16, 17, 19, 24 written, as §3.10 lists them.</summary>
    public static void PodSpec(ProtoWriter s, Action<ProtoWriter> container, string restartPolicy = "")
    {
        s.Message(2, container).String(3, restartPolicy).String(6, "").String(8, "").String(9, "").String(10, "")
            .Bool(11, false).Bool(12, false).Bool(13, false)
            .String(16, "").String(17, "").String(19, "").String(24, "");
    }

    /// <summary><c>kubectl create deployment web --image=nginx --replicas=3</c>, field by field as §3.10 decodes it.</summary>
    public static byte[] CreateDeployment() => Body("apps/v1", "Deployment", d => d
        .Message(1, m => Meta(m, "web", ("app", "web")))
        .Message(2, spec => spec
            .Int(1, 3)
            .Message(2, selector => selector.Entry(1, "app", "web"))
            .Message(3, template => template
                .Message(1, m => Meta(m, "", ("app", "web")))
                .Message(2, s => PodSpec(s, c => Container(c, "nginx", "nginx"))))
            .Message(4, strategy => strategy.String(1, ""))
            .Int(5, 0)
            .Bool(7, false))
        .Message(3, status => status.Int(1, 0).Int(2, 0).Int(3, 0).Int(4, 0).Int(5, 0).Int(7, 0)));

    /// <summary>The JSON body kubectl 1.27–1.31 send for the same command, verbatim from §3.10.</summary>
    public const string CreateDeploymentJson =
        """{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}""";

    /// <summary>
    /// Parses a JSON body and drops its <c>null</c> members: Go writes an unset Time as <c>null</c>, the decoder leaves
    /// it out, and both mean "unset" to the server.
    /// </summary>
    public static JsonObject JsonBody(string json)
    {
        var parsed = JsonNode.Parse(json)!.AsObject();
        DropNulls(parsed);
        return parsed;
    }

    private static void DropNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    DropNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropNulls(item);
                }

                break;
        }
    }
}
