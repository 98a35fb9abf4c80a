using System.Globalization;
using System.Text;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;

namespace KubeKernel.Cli.Output;

/// <summary>
/// What a cluster too big to list holds: per kind, how many objects and how many are in the state that matters
/// (nodes Ready, Deployments Available, Jobs Complete, pods by phase and Ready).
/// </summary>
internal static class SummaryTable
{
    public static string Render(ClusterState state)
    {
        var store = state.Store;
        var pods = store.List<Pod>().ToList();
        var phases = pods.GroupBy(p => p.Status.Phase).OrderBy(g => g.Key).Select(g => $"{Count(g.Count())} {g.Key}");
        var rows = new (string Kind, int Total, string Status)[]
        {
            ("nodes", store.Count(Kinds.Node.Kind), $"{Count(store.List<Node>().Count(n => n.IsReady))} Ready"),
            ("deployments", store.Count(Kinds.Deployment.Kind), $"{Count(store.List<Deployment>().Count(d => d.Status.FindCondition(DeploymentConditions.Available)?.IsTrue == true))} Available"),
            ("replicasets", store.Count(Kinds.ReplicaSet.Kind), string.Empty),
            ("jobs", store.Count(Kinds.Job.Kind), $"{Count(store.List<Job>().Count(j => j.Status.FindCondition(JobConditions.Complete)?.IsTrue == true))} Complete"),
            ("pods", pods.Count, string.Join(", ", phases.Append($"{Count(pods.Count(p => p.IsReady))} Ready"))),
            ("services", store.Count(Kinds.Service.Kind), string.Empty),
            ("endpointslices", store.Count(Kinds.EndpointSlice.Kind), string.Empty),
        };

        var text = new StringBuilder();
        var kindWidth = rows.Max(r => r.Kind.Length);
        var totalWidth = Math.Max("TOTAL".Length, rows.Max(r => Count(r.Total).Length));
        text.Append("KIND".PadRight(kindWidth)).Append("   ").Append("TOTAL".PadLeft(totalWidth)).Append("   STATUS\n");
        foreach (var (kind, total, status) in rows.Where(r => r.Total > 0))
        {
            // A kind without a status column ends at its total.
            text.Append($"{kind.PadRight(kindWidth)}   {Count(total).PadLeft(totalWidth)}   {status}".TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
