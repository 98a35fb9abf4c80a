using System.Text.Json.Nodes;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>The exact code, reason and message kube-apiserver gives the main hostile requests, and that nothing was written.</summary>
public class HostileExampleTests(HostileCluster cluster) : IClassFixture<HostileCluster>
{
    [Fact]
    public Task A_body_over_3_MiB_is_413_Request_entity_too_large() =>
        Refused(Post(Deployments, new byte[(3 * 1024 * 1024) + 1]), 413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");

    [Fact]
    public Task An_object_over_etcds_1_5_MiB_request_limit_is_413_and_not_stored() =>
        Refused(Post(Deployments, Utf8(Probe(d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["args"] = new JsonArray([.. Enumerable.Range(0, 20).Select(_ => (JsonNode)new string('x', 100_000))])))),
            413, "RequestEntityTooLarge", "etcdserver: request is too large");

    [Fact]
    public Task A_client_write_to_events_is_405_and_stores_nothing() =>
        Refused(Post("/api/v1/namespaces/default/events", Utf8("""{"apiVersion":"v1","kind":"Event","metadata":{"name":"x"}}""")), 405, "MethodNotAllowed",
            "events are recorded by the server's components and expire after an hour; clients cannot create, change or delete them");

    [Fact]
    public Task A_create_in_a_namespace_that_does_not_exist_is_404() =>
        Refused(Post("/apis/apps/v1/namespaces/nope/deployments", Utf8(Deployment("probe"))), 404, "NotFound", "namespaces \"nope\" not found");

    [Fact]
    public Task An_unknown_field_under_Strict_is_400_strict_decoding_error() =>
        Refused(Post(Deployments + "?fieldValidation=Strict", Utf8(Probe(d => d["spec"]!["replica"] = 3))), 400, "BadRequest",
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\"");

    [Fact]
    public async Task Negative_replicas_are_422_Invalid_with_the_field_in_details_causes()
    {
        var status = await Refused(Post(Deployments, Utf8(Probe(d => d["spec"]!["replicas"] = -1))), 422, "Invalid",
            "Deployment.apps \"probe\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0");
        Assert.Equal("Deployment", status["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("probe", status["details"]!["name"]!.GetValue<string>());
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal(("FieldValueInvalid", "spec.replicas", "Invalid value: -1: must be greater than or equal to 0"),
            (cause["reason"]!.GetValue<string>(), cause["field"]!.GetValue<string>(), cause["message"]!.GetValue<string>()));
    }

    /// <summary>apimachinery's <c>TestValidateAnnotations</c> "too long" case: keys and values together over 262144 bytes.</summary>
    [Fact]
    public async Task Annotations_over_256_KiB_together_are_422_Too_long_and_exactly_256_KiB_is_valid()
    {
        var status = await Refused(Post(Deployments, Utf8(Probe(d => d["metadata"]!["annotations"] = new JsonObject { ["a"] = new string('x', 262144) }))), 422, "Invalid",
            "Deployment.apps \"probe\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes");
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal("FieldValueTooLong", cause["reason"]!.GetValue<string>());

        var exactly = await cluster.Send(Post(Deployments + "?dryRun=All", Utf8(Probe(d => d["metadata"]!["annotations"] = new JsonObject { ["a"] = new string('x', 262143) }))));
        Assert.Equal(201, exactly.Code);
    }

    [Fact]
    public Task A_create_as_text_plain_is_415() =>
        Refused(new HostileRequest("text/plain", HttpMethod.Post, Deployments, Utf8(Deployment("probe")), "text/plain", [415]), 415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");

    [Fact]
    public Task A_replace_whose_body_names_another_object_is_400() =>
        Refused(new HostileRequest("rename", HttpMethod.Put, Web, Utf8(Deployment("other")), "application/json", [400]), 400, "BadRequest",
            "the name of the object (other) does not match the name on the URL (web)");

    [Fact]
    public Task A_YAML_alias_bomb_is_400_excessive_aliasing_and_answered_at_once() =>
        Refused(Post(Deployments, Utf8("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n"))), "application/yaml"),
            400, "BadRequest", "the object provided is unrecognized (must be of type Deployment): couldn't get version/kind; json parse error: yaml: document contains excessive aliasing");

    [Fact]
    public Task A_label_selector_with_an_invalid_value_is_400() =>
        Refused(Get(Deployments + "?labelSelector=app%3Dweb%20web"), 400, "BadRequest",
            "unable to parse requirement: found 'app=web web', expected: identifier, '!', 'in', 'notin', '=', '==' or '!='");

    [Fact]
    public Task A_continue_token_this_server_did_not_issue_is_400() =>
        Refused(Get(Deployments + "?limit=1&continue=Zm9v"), 400, "BadRequest", "continue key is not valid: the token was not issued by this server");

    [Fact]
    public Task A_delete_with_an_unknown_propagation_policy_is_422() =>
        Refused(new HostileRequest("policy", HttpMethod.Delete, Web + "?propagationPolicy=Sideways", null, null, [422]), 422, "Invalid",
            "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"Sideways\": supported values: \"Foreground\", \"Background\", \"Orphan\"");

    [Fact]
    public Task A_POST_to_an_object_is_405() =>
        Refused(new HostileRequest("verb", HttpMethod.Post, Web, Utf8(Deployment("web")), "application/json", [405]), 405, "MethodNotAllowed",
            "the server does not allow this method on the requested resource");

    private static HostileRequest Post(string path, byte[] body, string contentType = "application/json") => new("example", HttpMethod.Post, path, body, contentType, []);

    private static HostileRequest Get(string path) => new("example", HttpMethod.Get, path, null, null, []);

    /// <summary>Sends the request, checks the Status and that the store did not move, and returns the Status for more checks.</summary>
    private async Task<JsonObject> Refused(HostileRequest request, int code, string reason, string message)
    {
        var before = cluster.Revision;
        var answer = await cluster.Send(request);
        Assert.Null(Refusal.Problem(request with { Codes = [code] }, answer, before, cluster.Revision));
        var status = JsonNode.Parse(answer.Body)!.AsObject();
        Assert.Equal((reason, message), (status["reason"]!.GetValue<string>(), status["message"]!.GetValue<string>()));
        return status;
    }
}
