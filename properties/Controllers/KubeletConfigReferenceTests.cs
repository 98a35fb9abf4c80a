using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>
/// The kubelet and the ConfigMaps and Secrets a pod references: a missing non-optional reference in the environment keeps
/// the container in <c>CreateContainerConfigError</c>, a missing volume source keeps the pod in <c>ContainerCreating</c>
/// with a <c>FailedMount</c> Warning, both with the kubelet's words, until the object is written; then the pod starts.
/// </summary>
public class KubeletConfigReferenceTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {mode: fast}";

    private static string PodWith(string container, string volumes = "") =>
        $"apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec: {{containers: [{{name: c, image: nginx, {container}}}]{volumes}}}";

    private static Scenario Run(params string[] manifests) => Scenario.FromText(
        "nodes: [{count: 1}]\nsteps:\n" + string.Concat(manifests.Select(m => $"  - apply: {{manifest: \"{m.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"}}\n")));

    private static ContainerState StateOf(Scenario scenario) => scenario.Final.Store.Get<Pod>("default", "p")!.Status.ContainerStatuses.Single().State;

    public static TheoryData<string, string, string> MissingEnvironment => new()
    {
        { "envFrom a missing ConfigMap", "envFrom: [{configMapRef: {name: cfg}}]", "configmap \"cfg\" not found" },
        { "envFrom a missing Secret", "envFrom: [{secretRef: {name: creds}}]", "secret \"creds\" not found" },
        { "a key of a missing ConfigMap", "env: [{name: MODE, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}]", "configmap \"cfg\" not found" },
        { "a key of a missing Secret", "env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}]", "secret \"creds\" not found" },
    };

    [Theory]
    [MemberData(nameof(MissingEnvironment))]
    public void A_container_whose_environment_references_a_missing_object_waits_with_CreateContainerConfigError(string name, string container, string message)
    {
        var scenario = Run(PodWith(container));
        Assert.True(ContainerState.Waiting("CreateContainerConfigError", message) == StateOf(scenario), $"{name}: {StateOf(scenario)}");
        Assert.Contains(scenario.Events, e => e.Event is { Type: "Warning", Reason: "Failed" } && e.Event.Message == $"Error: {message}");
        Assert.Equal(PodPhase.Pending, scenario.Final.Store.Get<Pod>("default", "p")!.Status.Phase);
    }

    [Fact]
    public void A_container_waiting_for_its_ConfigMap_starts_once_the_ConfigMap_is_created()
    {
        var scenario = Run(PodWith("envFrom: [{configMapRef: {name: cfg}}]"), ConfigMap);
        Assert.True(StateOf(scenario).IsRunning);
        Assert.Equal(PodPhase.Running, scenario.Final.Store.Get<Pod>("default", "p")!.Status.Phase);
    }

    [Fact]
    public void A_missing_key_waits_with_the_kubelets_message_until_the_ConfigMap_has_it()
    {
        var scenario = Run(ConfigMap, PodWith("env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: cfg, key: level}}}]"));
        Assert.Equal(ContainerState.Waiting("CreateContainerConfigError", "couldn't find key level in ConfigMap default/cfg"), StateOf(scenario));

        var updated = Run(ConfigMap, PodWith("env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: cfg, key: level}}}]"), ConfigMap.Replace("mode: fast", "mode: fast, level: debug", StringComparison.Ordinal));
        Assert.True(StateOf(updated).IsRunning);
    }

    [Fact]
    public void A_missing_key_of_a_Secret_names_the_Secret()
    {
        var scenario = Run("apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {user: admin}", PodWith("env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}]"));
        Assert.Equal(ContainerState.Waiting("CreateContainerConfigError", "couldn't find key password in Secret default/creds"), StateOf(scenario));
    }

    public static TheoryData<string, string> OptionalReferences => new()
    {
        { "envFrom an optional missing ConfigMap", "envFrom: [{configMapRef: {name: cfg, optional: true}}]" },
        { "an optional key of a missing Secret", "env: [{name: P, valueFrom: {secretKeyRef: {name: creds, key: p, optional: true}}}]" },
        { "an optional missing key of a present ConfigMap", "env: [{name: L, valueFrom: {configMapKeyRef: {name: cfg, key: level, optional: true}}}]" },
        { "a literal value", "env: [{name: MODE, value: fast}]" },
    };

    [Theory]
    [MemberData(nameof(OptionalReferences))]
    public void A_container_whose_missing_references_are_optional_starts(string name, string container)
    {
        Assert.True(Run(ConfigMap.Replace("name: cfg", "name: other", StringComparison.Ordinal), PodWith(container)) is var scenario && StateOf(scenario).IsRunning, name);
    }

    [Fact]
    public void A_pod_with_a_missing_secret_volume_stays_ContainerCreating_with_a_FailedMount_warning_until_the_Secret_appears()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}], volumes: [{name: tls, secret: {secretName: web-tls}}]}";
        var waiting = Run(pod);
        var stored = waiting.Final.Store.Get<Pod>("default", "p")!;
        Assert.Equal(ContainerState.Waiting("ContainerCreating"), StateOf(waiting));
        Assert.Null(stored.Status.PodIP);
        var warning = Assert.Single(waiting.Events, e => e.Event.Reason == "FailedMount").Event;
        Assert.Equal(("Warning", "MountVolume.SetUp failed for volume \"tls\" : secret \"web-tls\" not found"), (warning.Type, warning.Message));

        var started = Run(pod, "apiVersion: v1\nkind: Secret\nmetadata: {name: web-tls}\ndata: {key: a2V5}");
        Assert.True(StateOf(started).IsRunning);
        Assert.NotNull(started.Final.Store.Get<Pod>("default", "p")!.Status.PodIP);
    }

    [Fact]
    public void A_pod_with_an_optional_missing_configMap_volume_starts()
    {
        var scenario = Run("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}], volumes: [{name: cfg, configMap: {name: cfg, optional: true}}]}");
        Assert.True(StateOf(scenario).IsRunning);
    }

    [Fact]
    public void A_ConfigMap_write_wakes_only_the_pods_waiting_for_it()
    {
        var scenario = Run(PodWith("envFrom: [{configMapRef: {name: cfg}}]"), ConfigMap);
        var memory = Kubelet.KubeletMemory.Of(scenario.Final);
        Assert.True(memory.Waiters.IsEmpty);

        var waiting = Run(PodWith("envFrom: [{configMapRef: {name: cfg}}]"));
        Assert.Equal(["default/p"], Kubelet.KubeletMemory.Of(waiting.Final).WaitingOn(new ObjectKey("ConfigMap", "default", "cfg")));
    }
}
