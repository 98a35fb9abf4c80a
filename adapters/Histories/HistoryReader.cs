using System.Globalization;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeKernel.Adapters.Histories;

/// <summary>Reads history files — hand-written scenarios, generated histories and counterexamples share this one YAML format.</summary>
/// <remarks>
/// <code>
/// description: a node dies under a Deployment
/// nodes:
///   - {count: 3}                                  # node-1..3, 4 cpu, 16Gi, 110 pods
///   - {name: gpu-1, cpu: "8", memory: 32Gi, labels: {zone: a}, taints: [{key: gpu, effect: NoSchedule}]}
/// steps:
///   - apply: {file: ../examples/nginx-deployment.yaml}   # or apply: {manifest: "..."}
///   - scale: {target: deployment/nginx-deployment, replicas: 5}
///   - advance: 90s
///   - node-down: node-2
///   - crash: {selector: app=nginx, exit-code: 1}
///   - exit-after: {selector: job-name=pi, after: 10s, exit-code: 0}   # containers finish by themselves
///   - drain: node-3
///   - probe-fail: {selector: app=nginx, probe: readiness}
///   - stale-view: {controller: deployment-controller, lag: 2}   # faults: stale-view, restart, drop,
///   - restart: {controller: replicaset-controller, after-writes: 1}   # duplicate, reorder, conflict
/// </code>
/// Every error names the file and the step (or node) and its line.
/// </remarks>
internal static class HistoryReader
{
    /// <summary>True when the YAML text is a history (a mapping with <c>steps</c>) rather than a manifest.</summary>
    public static bool IsHistory(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root &&
                root.Children.ContainsKey(new YamlScalarNode("steps")) && !root.Children.ContainsKey(new YamlScalarNode("kind"));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return false;
        }
    }

    public static History ReadFile(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        if (!File.Exists(path))
        {
            throw new ManifestException($"error: the path \"{name}\" does not exist");
        }

        return Read(File.ReadAllText(path), name, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static History Read(string text, string source, string baseDirectory)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestException($"error: error parsing {source}: yaml: line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ManifestException($"error: {source}: a history file is one YAML mapping with nodes and steps");
        }

        var nodes = new List<Node>();
        if (Child(root, "nodes") is YamlSequenceNode nodeList)
        {
            foreach (var entry in nodeList)
            {
                nodes.AddRange(ReadNodes(entry, source, nodes.Count));
            }
        }

        var steps = new List<HistoryStep>();
        if (Child(root, "steps") is not YamlSequenceNode stepList)
        {
            throw new ManifestException($"error: {source}: steps: Required value (a list of steps)");
        }

        var number = 0;
        foreach (var entry in stepList)
        {
            number++;
            steps.AddRange(ReadStep(entry, $"{source} (step {number}, line {entry.Start.Line})", baseDirectory));
        }

        return new History(nodes.ToValueList(), steps.ToValueList(), Scalar(root, "description"), Scalar(root, "seed"));
    }

    /// <summary>A node key naming an extended resource (<c>nvidia.com/gpu: "2"</c>) or huge pages (<c>hugepages-2Mi: "1Gi"</c>), kept in the node's capacity.</summary>
    internal static bool IsDeviceResource(string key) =>
        key.Contains('/', StringComparison.Ordinal) || key.StartsWith("hugepages-", StringComparison.Ordinal);

    private static IEnumerable<Node> ReadNodes(YamlNode entry, string source, int existing)
    {
        var where = $"{source} (node at line {entry.Start.Line})";
        if (entry is not YamlMappingNode node)
        {
            throw new ManifestException($"error: {where}: a node is a mapping like {{name: node-1, cpu: \"4\"}} or {{count: 3}}");
        }

        var count = Scalar(node, "count") is { } c ? Int(c, where, "count") : 1;
        for (var i = 0; i < count; i++)
        {
            var name = Scalar(node, "name") is { } n ? (count == 1 ? n : $"{n}-{i + 1}") : $"node-{existing + i + 1}";
            var capacity = ValueMap<string, Quantity>.Empty
                .SetItem("cpu", Quantity(Scalar(node, "cpu") ?? "4", where, "cpu"))
                .SetItem("memory", Quantity(Scalar(node, "memory") ?? "16Gi", where, "memory"))
                .SetItem("pods", Quantity(Scalar(node, "pods") ?? "110", where, "pods"))
                .SetItem("ephemeral-storage", Quantity(Scalar(node, "ephemeral-storage") ?? "100Gi", where, "ephemeral-storage"))
                .SetItems(node.Children
                    .Select(p => ((p.Key as YamlScalarNode)?.Value ?? string.Empty, p.Value as YamlScalarNode))
                    .Where(p => IsDeviceResource(p.Item1) && p.Item2?.Value is not null)
                    .Select(p => KeyValuePair.Create(p.Item1, Quantity(p.Item2!.Value!, where, p.Item1))));
            var labels = Child(node, "labels") is YamlMappingNode l
                ? l.Children.Select(p => new KeyValuePair<string, string>(((YamlScalarNode)p.Key).Value!, (p.Value as YamlScalarNode)?.Value ?? string.Empty)).ToValueMap()
                : default;
            var taints = Child(node, "taints") is YamlSequenceNode t
                ? t.OfType<YamlMappingNode>().Select(x => new Taint(Scalar(x, "key") ?? string.Empty, Scalar(x, "value"), Enum<TaintEffect>(Scalar(x, "effect") ?? "NoSchedule", where, "effect"))).ToValueList()
                : default;
            yield return new Node(new ObjectMeta { Name = name, Labels = labels }, new NodeSpec(Scalar(node, "unschedulable") == "true", taints), new NodeStatus(capacity, capacity, default, default, default));
        }
    }

    private static IEnumerable<HistoryStep> ReadStep(YamlNode entry, string where, string baseDirectory)
    {
        var (verb, argument) = entry switch
        {
            YamlScalarNode s => (s.Value ?? string.Empty, (YamlNode?)null),
            YamlMappingNode { Children.Count: 1 } m => (((YamlScalarNode)m.Children.Keys.First()).Value ?? string.Empty, m.Children.Values.First()),
            _ => throw new ManifestException($"error: {where}: a step is one verb, like `advance: 90s` or `apply: {{file: app.yaml}}`"),
        };
        var map = argument as YamlMappingNode;
        var text = (argument as YamlScalarNode)?.Value;
        switch (verb)
        {
            case "apply":
                var manifests = map is null
                    ? ManifestReader.Read(text ?? string.Empty, where)
                    : Scalar(map, "file") is { } file
                        ? ManifestReader.ReadFile(Path.Combine(baseDirectory, file), file)
                        : ManifestReader.Read(Scalar(map, "manifest") ?? string.Empty, where);
                var submit = map is not null && Scalar(map, "verb") is { } v ? Enum<SubmitVerb>(Capitalize(v), where, "verb") : SubmitVerb.Apply;
                return manifests.Select(m => (HistoryStep)(m.Object is Node node ? new NodeJoinStep(node) : new ApplyStep(m.Object, submit)));
            case "delete":
                return [new DeleteStep(Target(map, text, where), Enum<DeletionPropagation>(map is null ? "Background" : Scalar(map, "propagation") ?? "Background", where, "propagation"))];
            case "scale":
                return [new ScaleStep(Target(map, null, where), Int(Required(map, "replicas", where), where, "replicas"))];
            case "rollout-undo":
                return [new RolloutUndoStep(Target(map, text, where), map is not null && Scalar(map, "to-revision") is { } r ? Int(r, where, "to-revision") : null)];
            case "advance":
                return [new AdvanceStep(Duration(text ?? Required(map, "by", where), where))];
            case "node-down":
                return [new NodeDownStep(NodeName(map, text, where))];
            case "node-up":
                return [new NodeUpStep(NodeName(map, text, where))];
            case "cordon":
                return [new CordonStep(NodeName(map, text, where))];
            case "uncordon":
                return [new CordonStep(NodeName(map, text, where), Unschedulable: false)];
            case "crash":
                return [new CrashStep(Pods(map, text), map is null ? null : Scalar(map, "container"), map is not null && Scalar(map, "exit-code") is { } code ? Int(code, where, "exit-code") : 1)];
            case "probe-fail":
            case "probe-pass":
                return [new ProbeStep(Pods(map, text), map is null ? null : Scalar(map, "container"),
                    Enum<ProbeKind>(Capitalize(map is null ? "readiness" : Scalar(map, "probe") ?? "readiness"), where, "probe"), verb == "probe-pass")];
            case "exit-after":
                return [new ExitAfterStep(Pods(map, null), map is null ? null : Scalar(map, "container"),
                    map is not null && Scalar(map, "exit-code") is { } exit ? Int(exit, where, "exit-code") : 0, Duration(text ?? Required(map, "after", where), where))];
            case "drain":
                return [new DrainStep(NodeName(map, text, where))];
            case "heartbeat":
                return [new HeartbeatStep()];
            case "settle":
                return [new SettleStep()];
            case "stale-view":
                return [new StaleViewStep(Controller(map, text, where), map is not null && Scalar(map, "lag") is { } lag ? Int(lag, where, "lag") : 1)];
            case "restart":
                return [new RestartStep(Controller(map, text, where), map is not null && Scalar(map, "after-writes") is { } w ? Int(w, where, "after-writes") : 0)];
            case "drop":
                return [new DropStep(Controller(map, text, where))];
            case "duplicate":
                return [new DuplicateStep(Controller(map, text, where))];
            case "reorder":
                return [new ReorderStep(Controller(map, text, where))];
            case "conflict":
                return [new ConflictStep(Controller(map, text, where))];
            default:
                throw new ManifestException($"error: {where}: unknown step \"{verb}\"; known steps: advance, apply, conflict, cordon, crash, delete, drain, drop, duplicate, exit-after, heartbeat, node-down, node-up, probe-fail, probe-pass, reorder, restart, rollout-undo, scale, settle, stale-view, uncordon");
        }
    }

    /// <summary><c>deployment/web</c>, <c>deployment/default/web</c>, or <c>{target: deployment/web, namespace: prod}</c>.</summary>
    private static ObjectKey Target(YamlMappingNode? map, string? text, string where)
    {
        var value = text ?? (map is null ? null : Scalar(map, "target")) ?? throw new ManifestException($"error: {where}: target: Required value (like deployment/web)");
        var parts = value.Split('/');
        var kind = parts.Length >= 2 ? KindOf(parts[0], where) : throw new ManifestException($"error: {where}: target \"{value}\" must be kind/name or kind/namespace/name");
        var ns = parts.Length == 3 ? parts[1] : (map is null ? null : Scalar(map, "namespace")) ?? (kind.Namespaced ? "default" : string.Empty);
        return new ObjectKey(kind.Kind, ns, parts[^1]);
    }

    private static KindInfo KindOf(string text, string where) =>
        Kinds.All.FirstOrDefault(k => string.Equals(k.Kind, text, StringComparison.OrdinalIgnoreCase) || k.Resource == text.ToLowerInvariant() || k.Resource == text.ToLowerInvariant() + "s")
        ?? throw new ManifestException($"error: {where}: the server doesn't have a resource type \"{text}\"");

    private static PodSelector Pods(YamlMappingNode? map, string? text)
    {
        var selector = text ?? (map is null ? null : Scalar(map, "selector"));
        var labels = selector is null ? null : LabelSelector.ForLabels(selector.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(kv => new KeyValuePair<string, string>(kv[0].Trim(), kv.Length > 1 ? kv[1].Trim() : string.Empty)).ToValueMap());
        return new PodSelector(labels, map is null ? null : Scalar(map, "namespace"), map is not null && Scalar(map, "index") is { } i ? int.Parse(i, CultureInfo.InvariantCulture) : 0);
    }

    private static string Controller(YamlMappingNode? map, string? text, string where) =>
        text ?? (map is null ? null : Scalar(map, "controller")) ?? throw new ManifestException($"error: {where}: controller: Required value (like replicaset-controller)");

    private static string NodeName(YamlMappingNode? map, string? text, string where) =>
        text ?? (map is null ? null : Scalar(map, "node")) ?? throw new ManifestException($"error: {where}: node: Required value");

    private static long Duration(string text, string where) =>
        Durations.TryParse(text, out var ms) ? ms : throw new ManifestException($"error: {where}: invalid duration \"{text}\" (use 500ms, 90s, 5m, 1h)");

    private static Quantity Quantity(string text, string where, string field) =>
        Model.Quantity.TryParse(text, out var q, out var error) ? q : throw new ManifestException($"error: {where}: {field}: Invalid value: \"{text}\": {error}");

    private static int Int(string text, string where, string field) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : throw new ManifestException($"error: {where}: {field}: Invalid value: \"{text}\": must be an integer");

    private static T Enum<T>(string text, string where, string field)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new ManifestException($"error: {where}: {field}: Unsupported value: \"{text}\": supported values: {string.Join(", ", System.Enum.GetNames<T>().Select(n => $"\"{n}\""))}");

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Required(YamlMappingNode? map, string key, string where) =>
        (map is null ? null : Scalar(map, key)) ?? throw new ManifestException($"error: {where}: {key}: Required value");

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode s ? s.Value : null;
}
