using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Deployments;

/// <summary>
/// What one sync of one Deployment works on: its in-memory copies of the Deployment and its ReplicaSets, and the API
/// calls it has decided so far, in order.
/// </summary>
/// <remarks>
/// Kubernetes' sync functions mutate copies of the Deployment and the ReplicaSets and make API calls as they go, so
/// each decision sees the effect of the ones before it. Here the decisions (<see cref="DeploymentSync"/>,
/// <see cref="DeploymentScaling"/>, <see cref="DeploymentRolling"/>, <see cref="DeploymentRecreate"/>,
/// <see cref="DeploymentProgress"/>) are static functions of this context, and this class is the only place that
/// mutates: a ReplicaSet changes through <see cref="Create"/> and <see cref="Update"/> (<see cref="Delete"/> only
/// queues a call), the Deployment through <see cref="SetStatus"/> and <see cref="SetAnnotations"/>, and
/// <see cref="RequeueAfter"/> and <see cref="RecordWarning"/> note when to look again and what to report.
/// <see cref="Result"/> turns it all into the reconcile's answer.
/// </remarks>
internal sealed class DeploymentSyncContext
{
    private readonly List<Write> writes = [];
    private readonly List<ReplicaSet> oldRSs;
    private readonly List<Command> events = [];
    private long? requeueAfterMillis;

    /// <summary>Claims the Deployment's ReplicaSets (adopting orphans, releasing those that stopped matching) and splits new from old.</summary>
    public DeploymentSyncContext(ClusterState view, Deployment deployment)
    {
        View = view;
        Original = deployment;
        Deployment = deployment;

        // A Deployment re-created after an orphaning delete finds its old ReplicaSets again.
        var (claimed, adoptions) = ControllerRefManager.Claim<ReplicaSet>(view, deployment, deployment.Spec.Selector);
        writes.AddRange(adoptions);
        var sets = claimed
            .OrderBy(rs => rs.Metadata.CreationTimestamp)
            .ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal)
            .ToList();

        // FindNewReplicaSet (the oldest with this template, ignoring the hash label) and FindOldReplicaSets (the rest).
        NewRS = sets.FirstOrDefault(rs => DeploymentMath.EqualIgnoreHash(rs.Spec.Template, deployment.Spec.Template));
        oldRSs = sets.Where(rs => rs != NewRS).ToList();
    }

    public ClusterState View { get; }

    public long Now => View.Now;

    /// <summary>The Deployment as the sync read it: its status says whether the rollout was complete before this sync.</summary>
    public Deployment Original { get; }

    /// <summary>The Deployment with the revision, conditions and status this sync has decided so far.</summary>
    public Deployment Deployment { get; private set; }

    public int Replicas => Deployment.Spec.DesiredReplicas;

    /// <summary>The ReplicaSet whose template is the Deployment's; null until one is found or created.</summary>
    public ReplicaSet? NewRS { get; private set; }

    /// <summary>Every other claimed ReplicaSet, oldest first, with this sync's changes.</summary>
    public IReadOnlyList<ReplicaSet> OldRSs => oldRSs;

    /// <summary>Old ReplicaSets, then the new one (<c>append(oldRSs, newRS)</c>).</summary>
    public IEnumerable<ReplicaSet> AllRSs => NewRS is null ? oldRSs : oldRSs.Append(NewRS);

    /// <summary>The latest copy of a ReplicaSet (after earlier scaling in this sync).</summary>
    public ReplicaSet Current(ReplicaSet rs) =>
        rs.Metadata.Name == NewRS?.Metadata.Name ? NewRS! : oldRSs.FirstOrDefault(o => o.Metadata.Name == rs.Metadata.Name) ?? rs;

    /// <summary>POSTs the new ReplicaSet, which becomes <see cref="NewRS"/>.</summary>
    public void Create(ReplicaSet rs, EventTemplate? onSuccess)
    {
        writes.Add(new CreateObject(rs, onSuccess));
        NewRS = rs;
    }

    /// <summary>Replaces the copy of a ReplicaSet and queues its PUT (a create or update not yet issued is rewritten in place).</summary>
    /// <remarks>
    /// The calls are made after the sync, all with the resourceVersions of its view: a second PUT of one ReplicaSet
    /// would conflict with the first, and one of a ReplicaSet not yet created would find nothing. A rewritten create
    /// keeps its event (the size it was created with); a rewritten update keeps its event unless the new call brings one.
    /// </remarks>
    public ReplicaSet Update(ReplicaSet rs, EventTemplate? onSuccess = null)
    {
        QueueUpdate(rs, onSuccess);
        if (rs.Metadata.Name == NewRS?.Metadata.Name)
        {
            NewRS = rs;
        }
        else
        {
            var index = oldRSs.FindIndex(o => o.Metadata.Name == rs.Metadata.Name);
            if (index >= 0)
            {
                oldRSs[index] = rs;
            }
        }

        return rs;
    }

    private void QueueUpdate(ReplicaSet rs, EventTemplate? onSuccess)
    {
        var pendingCreate = writes.FindIndex(w => w is CreateObject c && c.Object.Metadata.Name == rs.Metadata.Name);
        if (pendingCreate >= 0)
        {
            var create = (CreateObject)writes[pendingCreate];
            writes[pendingCreate] = create with { Object = rs };
            return;
        }

        var pendingUpdate = writes.FindIndex(w => w is UpdateObject u && u.Object.Metadata.Name == rs.Metadata.Name);
        var write = new UpdateObject(rs, onSuccess ?? (pendingUpdate >= 0 ? writes[pendingUpdate].OnSuccess : null));
        if (pendingUpdate >= 0)
        {
            writes[pendingUpdate] = write;
        }
        else
        {
            writes.Add(write);
        }
    }

    /// <summary>DELETEs a ReplicaSet, only if it still has the UID this sync saw.</summary>
    public void Delete(ReplicaSet rs) => writes.Add(new DeleteObject(rs.Key, rs.Metadata.Uid));

    public void SetStatus(DeploymentStatus status) => Deployment = Deployment with { Status = status };

    public void SetAnnotations(ValueMap<string, string> annotations) =>
        Deployment = Deployment with { Metadata = Deployment.Metadata with { Annotations = annotations } };

    /// <summary>When to look at the Deployment again (null: only on the next watch event); the last decision wins.</summary>
    public void RequeueAfter(long? millis) => requeueAfterMillis = millis;

    /// <summary>Records a Warning Event on the Deployment from the deployment controller, whatever the calls' fate.</summary>
    public void RecordWarning(string reason, string message) =>
        events.Add(new RecordEvent(Deployment.Ref, "Warning", reason, message, DeploymentController.Name));

    /// <summary>The calls in order, the Deployment's status last if this sync changed it, and when to look again.</summary>
    public ReconcileResult Result()
    {
        var calls = Deployment.Status != Original.Status || Deployment.Metadata.Annotations != Original.Metadata.Annotations
            ? writes.Append(new UpdateStatus(Deployment))
            : writes;

        // syncDeployment makes its calls one after another and returns at the first that fails (the Deployment is
        // requeued): each write is its own stage, so a failed one stops those after it. Issued independently, a
        // proportional scale whose first (scale-down) write conflicted still made its second (scale-up) one and left the
        // ReplicaSets above replicas + maxSurge.
        return new ReconcileResult([.. calls.Select((write, i) => write with { Stage = i + 1 })], [.. events], RequeueAfterMillis: requeueAfterMillis);
    }
}
