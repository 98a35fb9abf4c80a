using System.Globalization;
using System.Text;
using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Model;

namespace KubeKernel.Cli.Output;

/// <summary><c>kubectl get -A</c>-style tables for nodes, deployments, replicasets, jobs, pods, services and endpoint slices, from the API server's own Table cells.</summary>
/// <remarks>
/// Each table shows its kind's non-wide columns (pods add the wide IP and NODE), after a NAMESPACE column for namespaced
/// kinds, with names qualified as in a multi-type <c>kubectl get</c> (<c>deployment.apps/web</c>).
/// </remarks>
internal static class GetTables
{
    /// <summary>The kinds simulate prints, in order, with the wide columns each adds.</summary>
    private static readonly (KindInfo Kind, string[] WideColumns)[] Shown =
    [
        (Kinds.Node, []),
        (Kinds.Deployment, []),
        (Kinds.ReplicaSet, []),
        (Kinds.Job, []),
        (Kinds.Pod, ["IP", "Node"]),
        (Kinds.Service, []),
        (Kinds.EndpointSlice, []),
    ];

    /// <summary>The tables; <paramref name="wide"/> adds every wide column, as <c>kubectl get -o wide</c> does.</summary>
    public static string Render(ClusterState state, bool wide = false)
    {
        var text = new StringBuilder();
        foreach (var (kind, alwaysWide) in Shown)
        {
            var columns = ResourceTables.Columns(kind.Kind);
            var shown = Enumerable.Range(0, columns.Count).Where(i => columns[i].Priority == 0 || wide || alwaysWide.Contains(columns[i].Name)).ToList();
            var headers = shown.Select(i => columns[i].Name.ToUpperInvariant());
            var rows = state.Store.ListKind(kind.Kind).Select(obj =>
            {
                var cells = ResourceTables.Cells(obj, state.Now);
                var row = shown.Select(i => Text(obj, columns[i], cells[i]));
                return (kind.Namespaced ? row.Prepend(obj.Metadata.Namespace) : row).ToArray();
            });
            Table(text, (kind.Namespaced ? headers.Prepend("NAMESPACE") : headers).ToArray(), rows);
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Every object's name as <c>kubectl get -o name</c> prints it (<c>deployment.apps/web</c>), in store order.</summary>
    public static string Names(ClusterState state) =>
        string.Concat(state.Store.All().Select(obj => $"{obj.Info.QualifiedKind.ToLowerInvariant()}/{obj.Metadata.Name}\n"));

    /// <summary>One cell as simulate prints it: as kubectl would, except that RESTARTS is the count alone.</summary>
    /// <remarks>
    /// kubectl prints <c>3 (2m ago)</c> once a container has restarted; simulate has always printed <c>3</c>, and its recorded
    /// outputs keep that text.
    /// </remarks>
    private static string Text(KubeObject obj, TableColumn column, object cell) => (obj, column.Name) switch
    {
        // A format: name column carries the resource prefix in a multi-type get: deployment.apps/web, pod/web-x2k8q.
        _ when column.Format == "name" => $"{obj.Info.QualifiedKind.ToLowerInvariant()}/{cell}",
        (Pod pod, "Restarts") => PodRestarts.Of(pod).Count.ToString(CultureInfo.InvariantCulture),
        _ => CellText.Format(cell),
    };

    private static void Table(StringBuilder text, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
        {
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells) => text.Append(string.Join("   ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])))).Append('\n');
        Row(headers);
        foreach (var row in all)
        {
            Row(row);
        }

        text.Append('\n');
    }
}
