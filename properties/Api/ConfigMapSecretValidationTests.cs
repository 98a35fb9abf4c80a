using System.Text;
using KubeKernel.Api.Validation;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Properties.Api;

/// <summary>
/// Kubernetes' <c>TestValidateConfigMap</c>, <c>TestValidateConfigMapUpdate</c>, <c>TestValidateSecret</c> and
/// <c>TestValidateSecretUpdate</c> (pkg/apis/core/validation/validation_test.go), case by case under their names, with
/// the cause each invalid case gives. Their "empty namespace" and "invalid namespace" cases are the API server's
/// (the kernel defaults the namespace and refuses an unknown one before validation) and are not repeated here.
/// </summary>
public class ConfigMapSecretValidationTests
{
    private const string KeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key_name', regex used for validation is '[-._a-zA-Z0-9]+')";
    private const string Immutable = "field is immutable when `immutable` is set";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static ConfigMap NewConfigMap(string name, ValueMap<string, string> data = default, ValueMap<string, string> binaryData = default) =>
        new(new ObjectMeta { Name = name, Namespace = "validns" }, data, binaryData);

    public static TheoryData<string, ConfigMap, string[]> ConfigMaps => new()
    {
        { "valid", NewConfigMap("validname", ValueMap.Of(("key", "value")), ValueMap.Of(("bin", B64("value")))), [] },
        { "max key length", NewConfigMap("validname", ValueMap.Of((new string('a', 253), "value"))), [] },
        { "leading dot key", NewConfigMap("validname", ValueMap.Of((".ab", "value"))), [] },
        { "empty name", NewConfigMap(string.Empty), ["metadata.name: Required value: name or generateName is required"] },
        { "invalid name", NewConfigMap("NoUppercaseOrSpecialCharsLike=Equals"), [$"metadata.name: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": {NameValidation.Dns1123SubdomainMessage}"] },
        { "invalid key", NewConfigMap("validname", ValueMap.Of(("a*b", "value"))), [$"data[a*b]: Invalid value: \"a*b\": {KeyMessage}"] },
        { "dot key", NewConfigMap("validname", ValueMap.Of((".", "value"))), ["data[.]: Invalid value: \".\": must not be '.'"] },
        { "double dot key", NewConfigMap("validname", ValueMap.Of(("..", "value"))), ["data[..]: Invalid value: \"..\": must not be '..'"] },
        { "over max key length", NewConfigMap("validname", ValueMap.Of((new string('a', 254), "value"))), [$"data[{new string('a', 254)}]: Invalid value: \"{new string('a', 254)}\": must be no more than 253 characters"] },
        { "over max size", NewConfigMap("validname", ValueMap.Of(("key", new string('a', (1024 * 1024) + 1)))), [": Too long: must have at most 1048576 bytes"] },
        {
            "duplicated key", NewConfigMap("validname", ValueMap.Of(("key", "value1")), ValueMap.Of(("key", B64("value2")))),
            ["data[key]: Invalid value: \"key\": duplicate of key present in binaryData", "binaryData[key]: Invalid value: \"key\": duplicate of key present in data"]
        },
        { "binary data invalid key", NewConfigMap("validname", binaryData: ValueMap.Of(("a*b", B64("value")))), [$"binaryData[a*b]: Invalid value: \"a*b\": {KeyMessage}"] },
        { "binary data leading dot key", NewConfigMap("validname", binaryData: ValueMap.Of((".ab", B64("value")))), [] },
        { "binary data dot key", NewConfigMap("validname", binaryData: ValueMap.Of((".", B64("value")))), ["binaryData[.]: Invalid value: \".\": must not be '.'"] },
        { "binary data double dot key", NewConfigMap("validname", binaryData: ValueMap.Of(("..", B64("value")))), ["binaryData[..]: Invalid value: \"..\": must not be '..'"] },
        { "binary data over max key length", NewConfigMap("validname", binaryData: ValueMap.Of((new string('a', 254), B64("value")))), [$"binaryData[{new string('a', 254)}]: Invalid value: \"{new string('a', 254)}\": must be no more than 253 characters"] },
        { "binary data max size", NewConfigMap("validname", binaryData: ValueMap.Of(("bin", B64(new string('a', (1024 * 1024) + 1))))), [": Too long: must have at most 1048576 bytes"] },
        { "binary data non utf-8 bytes", NewConfigMap("validname", binaryData: ValueMap.Of(("key", Convert.ToBase64String([0, 0xFE, 0, 0xFF])))), [] },
    };

    [Theory]
    [MemberData(nameof(ConfigMaps))]
    public void TestValidateConfigMap(string name, ConfigMap configMap, string[] causes)
    {
        Assert.True(causes.SequenceEqual(ObjectValidation.Validate(configMap, null)), $"{name}: {string.Join(" | ", ObjectValidation.Validate(configMap, null))}");
    }

    private static ConfigMap Valid => NewConfigMap("validname", ValueMap.Of(("key", "value")));

    public static TheoryData<string, ConfigMap, ConfigMap, string[]> ConfigMapUpdates => new()
    {
        { "valid", Valid, Valid, [] },
        { "mark configmap immutable", Valid with { Immutable = true }, Valid, [] },
        { "revert immutable configmap", Valid, Valid with { Immutable = true }, [$"immutable: Forbidden: {Immutable}"] },
        { "mark immutable configmap mutable", Valid with { Immutable = false }, Valid with { Immutable = true }, [$"immutable: Forbidden: {Immutable}"] },
        { "add data in configmap", Valid with { Data = Valid.Data.SetItem("key-2", "value-2") }, Valid, [] },
        { "add data in immutable configmap", Valid with { Immutable = true, Data = Valid.Data.SetItem("key-2", "value-2") }, Valid with { Immutable = true }, [$"data: Forbidden: {Immutable}"] },
        { "change data in configmap", Valid with { Data = ValueMap.Of(("key", "foo")) }, Valid, [] },
        { "change data in immutable configmap", Valid with { Immutable = true, Data = ValueMap.Of(("key", "foo")) }, Valid with { Immutable = true }, [$"data: Forbidden: {Immutable}"] },
    };

    [Theory]
    [MemberData(nameof(ConfigMapUpdates))]
    public void TestValidateConfigMapUpdate(string name, ConfigMap updated, ConfigMap old, string[] causes)
    {
        Assert.True(causes.SequenceEqual(ObjectValidation.Validate(updated, old)), $"{name}: {string.Join(" | ", ObjectValidation.Validate(updated, old))}");
    }

    private static Secret ValidSecret => new(new ObjectMeta { Name = "foo", Namespace = "bar" }, ValueMap.Of(("data-1", B64("bar"))), Secret.OpaqueType);

    private static Secret TokenSecret => new(
        new ObjectMeta { Name = "foo", Namespace = "bar", Annotations = ValueMap.Of(("kubernetes.io/service-account.name", "foo")) },
        ValueMap.Of(("data-1", B64("bar"))),
        "kubernetes.io/service-account-token");

    public static TheoryData<string, Secret, string[]> Secrets => new()
    {
        { "valid", ValidSecret, [] },
        { "empty name", ValidSecret with { Metadata = ValidSecret.Metadata with { Name = string.Empty } }, ["metadata.name: Required value: name or generateName is required"] },
        { "invalid name", ValidSecret with { Metadata = ValidSecret.Metadata with { Name = "NoUppercaseOrSpecialCharsLike=Equals" } }, [$"metadata.name: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": {NameValidation.Dns1123SubdomainMessage}"] },
        { "over max size", ValidSecret with { Data = ValueMap.Of(("over", Convert.ToBase64String(new byte[(1024 * 1024) + 1]))) }, ["data: Too long: must have at most 1048576 bytes"] },
        { "invalid key", ValidSecret with { Data = ValidSecret.Data.SetItem("a*b", B64("bar")) }, [$"data[a*b]: Invalid value: \"a*b\": {KeyMessage}"] },
        { "valid service-account-token secret", TokenSecret, [] },
        { "empty service-account-token annotation", TokenSecret with { Metadata = TokenSecret.Metadata with { Annotations = ValueMap.Of(("kubernetes.io/service-account.name", string.Empty)) } }, ["metadata.annotations[kubernetes.io/service-account.name]: Required value"] },
        { "missing service-account-token annotation", TokenSecret with { Metadata = TokenSecret.Metadata with { Annotations = ValueMap.Of(("other", "x")) } }, ["metadata.annotations[kubernetes.io/service-account.name]: Required value"] },
        { "missing service-account-token annotations", TokenSecret with { Metadata = TokenSecret.Metadata with { Annotations = default } }, ["metadata.annotations[kubernetes.io/service-account.name]: Required value"] },
        { "leading dot key", ValidSecret with { Data = ValidSecret.Data.SetItem(".key", B64("bar")) }, [] },
        { "dot key", ValidSecret with { Data = ValidSecret.Data.SetItem(".", B64("bar")) }, ["data[.]: Invalid value: \".\": must not be '.'"] },
        { "double dot key", ValidSecret with { Data = ValidSecret.Data.SetItem("..", B64("bar")) }, ["data[..]: Invalid value: \"..\": must not be '..'"] },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void TestValidateSecret(string name, Secret secret, string[] causes)
    {
        Assert.True(causes.SequenceEqual(ObjectValidation.Validate(secret, null)), $"{name}: {string.Join(" | ", ObjectValidation.Validate(secret, null))}");
    }

    /// <summary>Kubernetes' <c>TestValidateBasicAuthSecret</c>, <c>TestValidateSSHAuthSecret</c> and <c>TestValidateTLSSecret</c> cases: the keys each type requires.</summary>
    public static TheoryData<string, Secret, string[]> TypedSecrets => new()
    {
        { "valid basic auth", ValidSecret with { Type = "kubernetes.io/basic-auth", Data = ValueMap.Of(("username", B64("u")), ("password", B64("p"))) }, [] },
        { "missing username and password", ValidSecret with { Type = "kubernetes.io/basic-auth", Data = default }, ["data[username]: Required value", "data[password]: Required value"] },
        { "valid ssh auth", ValidSecret with { Type = "kubernetes.io/ssh-auth", Data = ValueMap.Of(("ssh-privatekey", B64("key"))) }, [] },
        { "missing private key", ValidSecret with { Type = "kubernetes.io/ssh-auth", Data = default }, ["data[ssh-privatekey]: Required value"] },
        { "valid tls", ValidSecret with { Type = "kubernetes.io/tls", Data = ValueMap.Of(("tls.crt", B64("c")), ("tls.key", B64("k"))) }, [] },
        { "missing tls key", ValidSecret with { Type = "kubernetes.io/tls", Data = ValueMap.Of(("tls.crt", B64("c"))) }, ["data[tls.key]: Required value"] },
        { "missing dockerconfigjson", ValidSecret with { Type = "kubernetes.io/dockerconfigjson", Data = default }, ["data[.dockerconfigjson]: Required value"] },
    };

    [Theory]
    [MemberData(nameof(TypedSecrets))]
    public void Each_secret_type_requires_its_keys(string name, Secret secret, string[] causes)
    {
        Assert.True(causes.SequenceEqual(ObjectValidation.Validate(secret, null)), $"{name}: {string.Join(" | ", ObjectValidation.Validate(secret, null))}");
    }

    public static TheoryData<string, Secret, Secret, string[]> SecretUpdates => new()
    {
        { "valid", ValidSecret, ValidSecret, [] },
        { "mark secret immutable", ValidSecret with { Immutable = true }, ValidSecret, [] },
        { "revert immutable secret", ValidSecret, ValidSecret with { Immutable = true }, [$"immutable: Forbidden: {Immutable}"] },
        { "mark immutable secret mutable", ValidSecret with { Immutable = false }, ValidSecret with { Immutable = true }, [$"immutable: Forbidden: {Immutable}"] },
        { "add data in secret", ValidSecret with { Data = ValidSecret.Data.SetItem("data-2", B64("bar")) }, ValidSecret, [] },
        { "add data in immutable secret", ValidSecret with { Immutable = true, Data = ValidSecret.Data.SetItem("data-2", B64("bar")) }, ValidSecret with { Immutable = true }, [$"data: Forbidden: {Immutable}"] },
        { "change data in secret", ValidSecret with { Data = ValueMap.Of(("data-1", B64("foo"))) }, ValidSecret, [] },
        { "change data in immutable secret", ValidSecret with { Immutable = true, Data = ValueMap.Of(("data-1", B64("foo"))) }, ValidSecret with { Immutable = true }, [$"data: Forbidden: {Immutable}"] },
        { "change type", ValidSecret with { Type = "kubernetes.io/basic-auth", Data = ValueMap.Of(("username", B64("u"))) }, ValidSecret, ["type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"] },
    };

    [Theory]
    [MemberData(nameof(SecretUpdates))]
    public void TestValidateSecretUpdate(string name, Secret updated, Secret old, string[] causes)
    {
        Assert.True(causes.SequenceEqual(ObjectValidation.Validate(updated, old)), $"{name}: {string.Join(" | ", ObjectValidation.Validate(updated, old))}");
    }

    [Fact]
    public void StringData_is_merged_into_data_over_equal_keys_and_never_stored()
    {
        var secret = new Secret(new ObjectMeta { Name = "db" }, ValueMap.Of(("a", B64("x")), ("c", B64("kept"))), StringData: ValueMap.Of(("a", "y"), ("b", "z")));
        var step = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", secret, SubmitVerb.Create));
        var stored = Assert.IsType<Secret>(step.State.Store.Get<Secret>("default", "db"));
        Assert.Equal(ValueMap.Of(("a", B64("y")), ("b", B64("z")), ("c", B64("kept"))), stored.Data);
        Assert.True(stored.StringData.IsEmpty);
        Assert.Equal(Secret.OpaqueType, stored.Type);
    }

    [Fact]
    public void A_stringData_key_is_validated_as_a_data_key()
    {
        var secret = new Secret(new ObjectMeta { Name = "db" }, StringData: ValueMap.Of(("a*b", "y")));
        var step = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", secret, SubmitVerb.Create));
        var reply = Assert.Single(step.Commands.OfType<Reply>());
        Assert.Equal(422, reply.Result.Code);
        Assert.Equal($"Secret \"db\" is invalid: data[a*b]: Invalid value: \"a*b\": {KeyMessage}", reply.Result.Message);
    }

    [Fact]
    public void An_immutable_configmap_refuses_a_data_change_through_the_api()
    {
        var cm = new ConfigMap(new ObjectMeta { Name = "cfg" }, ValueMap.Of(("k", "v")), Immutable: true);
        var state = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", cm, SubmitVerb.Create)).State;
        var step = Kernel.Step(state, new ObjectSubmitted("r2", cm with { Data = ValueMap.Of(("k", "w")) }, SubmitVerb.Apply));
        var reply = Assert.Single(step.Commands.OfType<Reply>());
        Assert.Equal($"ConfigMap \"cfg\" is invalid: data: Forbidden: {Immutable}", reply.Result.Message);
        Assert.Equal(state.Store, step.State.Store);
    }
}
