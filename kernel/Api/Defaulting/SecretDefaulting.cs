using System.Text;
using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary>What the API server does to a Secret before validating it: <c>stringData</c> merged into <c>data</c>, and the default <c>type</c>.</summary>
/// <remarks>
/// Kubernetes merges in the v1 → internal conversion (<c>Convert_v1_Secret_To_core_Secret</c>): each <c>stringData</c>
/// value, UTF-8 encoded, overwrites the <c>data</c> value of the same key, and <c>stringData</c> is never stored.
/// <code>
/// data {a: "eA=="}, stringData {a: "y", b: "z"}   →   data {a: "eQ==", b: "eg=="}
/// </code>
/// <c>SetDefaults_Secret</c> makes an empty <c>type</c> <c>Opaque</c>.
/// </remarks>
internal static class SecretDefaulting
{
    public static Secret Apply(Secret secret)
    {
        var data = secret.Data;
        foreach (var (key, value) in secret.StringData)
        {
            data = data.SetItem(key, Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        }

        return secret with
        {
            Data = data,
            StringData = default,
            Type = string.IsNullOrEmpty(secret.Type) ? Secret.OpaqueType : secret.Type,
        };
    }
}
