using KubeKernel.Api.Admission;
using KubeKernel.Api.Defaulting;
using KubeKernel.Api.Validation;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Store;

namespace KubeKernel.Api;

/// <summary>The API server: defaulting, admission, validation and optimistic concurrency in front of the store.</summary>
/// <remarks>
/// Clients' requests and controllers' writes take this same path. A rejected request changes nothing:
/// the store is only touched after every check passed.
/// </remarks>
internal static class ApiServer
{
    public static void Submit(StepContext ctx, ObjectSubmitted ev)
    {
        var result = ev.Object is null
            ? ApiResult.BadRequest("the request body is empty")
            : ev.Verb switch
            {
                SubmitVerb.Create => Create(ctx, ev.Object),
                SubmitVerb.Update => Update(ctx, ev.Object, statusOnly: false),
                SubmitVerb.UpdateStatus => Update(ctx, ev.Object, statusOnly: true),
                _ => Apply(ctx, ev.Object),
            };
        ctx.Emit(new Reply(ev.RequestId, result));
    }

    public static void Delete(StepContext ctx, ObjectDeleted ev) =>
        ctx.Emit(new Reply(ev.RequestId, Delete(ctx, ev.Target, null, ev.GracePeriodSeconds, ev.Propagation)));

    public static void Scale(StepContext ctx, ScaleRequested ev) => ctx.Emit(new Reply(ev.RequestId, Scale(ctx, ev.Target, ev.Replicas)));

    /// <summary>A component's API call (a controller's write, the kubelet's status update), through the same checks as a client's.</summary>
    public static ApiResult Call(StepContext ctx, Write write) => write switch
    {
        CreateObject create => Create(ctx, create.Object),
        UpdateObject update => Update(ctx, update.Object, statusOnly: false),
        UpdateStatus status => Update(ctx, status.Object, statusOnly: true),
        DeleteObject delete => Delete(ctx, delete.Target, delete.UidPrecondition, delete.GracePeriodSeconds, delete.Propagation),
        BindPod bind => Bind(ctx, bind.Pod, bind.Uid, bind.NodeName),
        FinalizeNamespace finalize => Finalize(ctx, finalize.Namespace),
        _ => ApiResult.BadRequest("unknown write"),
    };

    public static ApiResult Create(StepContext ctx, KubeObject input)
    {
        var info = input.Info;
        var meta = input.Metadata;
        var ns = info.Namespaced ? (string.IsNullOrEmpty(meta.Namespace) ? "default" : meta.Namespace) : string.Empty;
        var nextRevision = ctx.Store.Revision + 1;
        var name = string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName)
            ? meta.GenerateName + Identity.NameSuffix(nextRevision)
            : meta.Name;

        var obj = ResetStatus(input with
        {
            Metadata = meta with
            {
                Name = name,
                Namespace = ns,
                Uid = Identity.Uid(nextRevision),
                ResourceVersion = 0,
                Generation = 1,
                CreationTimestamp = ctx.Now,
                DeletionTimestamp = null,
                DeletionGracePeriodSeconds = null,
            },
        });

        // Admission runs before the name is generated: Kubernetes names the object by its generateName in the error.
        if (NamespaceGate(ctx, info, ns, string.IsNullOrEmpty(meta.Name) ? meta.GenerateName ?? string.Empty : meta.Name) is { } denied)
        {
            return denied;
        }

        var (admitted, forbidden) = Admit(ctx, ObjectDefaulting.Apply(obj));
        if (forbidden is not null)
        {
            return ApiResult.Forbidden(forbidden);
        }

        obj = PrepareForCreate(DefaultIngressClass.Admit(ctx.Store, admitted));
        var (allocated, notAllocated) = ServiceAllocation.Allocate(ctx.ReadState, obj, null);
        if (notAllocated is not null)
        {
            return notAllocated;
        }

        obj = allocated;
        var causes = ObjectValidation.Validate(obj, null);
        if (causes.Count > 0)
        {
            return ApiResult.Invalid(info, name, causes);
        }

        if (ctx.Store.Get(obj.Key) is not null)
        {
            return ApiResult.AlreadyExists(info, name);
        }

        var (store, stored) = ctx.Store.Put(obj);
        ctx.Commit(store, new StoreChange(WatchEventType.Added, stored, store.Revision));
        return ApiResult.Created(stored);
    }

    /// <summary>PUT: replaces spec and metadata (or only status), checking resourceVersion when the caller set one.</summary>
    public static ApiResult Update(StepContext ctx, KubeObject input, bool statusOnly)
    {
        var info = input.Info;
        var key = Normalize(input).Key;
        if (ctx.Store.Get(key) is not { } existing)
        {
            return ApiResult.NotFound(info, key.Name);
        }

        if (input.Metadata.ResourceVersion != 0 && input.Metadata.ResourceVersion != existing.Metadata.ResourceVersion)
        {
            return ApiResult.Conflict(info, key.Name);
        }

        if (!string.IsNullOrEmpty(input.Metadata.Uid) && input.Metadata.Uid != existing.Metadata.Uid)
        {
            return ApiResult.Conflict(info, key.Name);
        }

        KubeObject merged;
        if (statusOnly)
        {
            // The status strategies keep spec and labels; annotations written with status stay (the Deployment controller
            // records its revision annotation this way).
            merged = KeepQosClass(existing, existing.WithStatusOf(input));
            if (merged.Metadata.Annotations != input.Metadata.Annotations)
            {
                // Most status writes (every kubelet one) carry the annotations they read: then there is no metadata to copy.
                merged = merged with { Metadata = merged.Metadata with { Annotations = input.Metadata.Annotations } };
            }
        }
        else
        {
            var (admitted, forbidden) = Admit(ctx, ObjectDefaulting.Apply(input.WithStatusOf(existing)));
            if (forbidden is not null)
            {
                return ApiResult.Forbidden(forbidden);
            }

            var (candidate, notAllocated) = ServiceAllocation.Allocate(ctx.ReadState, admitted, existing);
            if (notAllocated is not null)
            {
                return notAllocated;
            }

            var generation = Equals(candidate.SpecValue, existing.SpecValue) ? existing.Metadata.Generation : existing.Metadata.Generation + 1;
            merged = candidate with
            {
                Metadata = candidate.Metadata with
                {
                    Namespace = key.Namespace,
                    Uid = existing.Metadata.Uid,
                    CreationTimestamp = existing.Metadata.CreationTimestamp,
                    DeletionTimestamp = existing.Metadata.DeletionTimestamp,
                    DeletionGracePeriodSeconds = existing.Metadata.DeletionGracePeriodSeconds,
                    Generation = generation,
                    ResourceVersion = existing.Metadata.ResourceVersion,
                },
            };
            var causes = ObjectValidation.Validate(merged, existing);
            if (causes.Count > 0)
            {
                return ApiResult.Invalid(info, key.Name, causes);
            }
        }

        return Commit(ctx, existing, merged);
    }

    /// <summary>Client-side apply: create when absent, otherwise an unconditional update that keeps server-set fields.</summary>
    public static ApiResult Apply(StepContext ctx, KubeObject input)
    {
        var key = Normalize(input).Key;
        if (ctx.Store.Get(key) is not { } existing)
        {
            return Create(ctx, input);
        }

        var kept = ServerFields.Preserve(existing, input);
        return Update(ctx, kept with { Metadata = kept.Metadata with { ResourceVersion = 0 } }, statusOnly: false);
    }

    public static ApiResult Delete(StepContext ctx, ObjectKey target, string? uidPrecondition, long? gracePeriodSeconds, DeletionPropagation propagation)
    {
        var info = ctx.Config.Kind(target.Kind);
        if (info is null)
        {
            return new ApiResult(404, "NotFound", "the server could not find the requested resource");
        }

        var key = info.Namespaced ? target with { Namespace = target.Namespace.Length == 0 ? "default" : target.Namespace } : target with { Namespace = string.Empty };
        if (ctx.Store.Get(key) is not { } existing)
        {
            return ApiResult.NotFound(info, key.Name);
        }

        if (uidPrecondition is not null && uidPrecondition != existing.Metadata.Uid)
        {
            return ApiResult.Conflict(info, key.Name);
        }

        if (existing is Namespace && ClusterState.BuiltInNamespaces.Contains(key.Name) && key.Name != "kube-node-lease")
        {
            return ApiResult.Forbidden($"namespaces \"{key.Name}\" is forbidden: this namespace may not be deleted");
        }

        if (existing.Metadata.IsBeingDeleted)
        {
            // A second delete with grace 0 (the kubelet's final delete, or --force) removes an object with no finalizers;
            // with finalizers it ends the grace period, and the object goes when its last finalizer does.
            if (gracePeriodSeconds == 0 && existing.Metadata.Finalizers.IsEmpty && existing is not Namespace)
            {
                var removed = ctx.Store.Remove(existing.Key);
                ctx.Commit(removed, new StoreChange(WatchEventType.Deleted, existing, removed.Revision));
            }
            else if (gracePeriodSeconds == 0 && existing.Metadata.DeletionGracePeriodSeconds is > 0)
            {
                var (shortened, ended) = ctx.Store.Put(existing with { Metadata = existing.Metadata with { DeletionGracePeriodSeconds = 0 } });
                ctx.Commit(shortened, new StoreChange(WatchEventType.Modified, ended, shortened.Revision, existing));
                return ApiResult.Deleted(ended);
            }

            return ApiResult.Deleted(existing);
        }

        var finalizers = existing.Metadata.Finalizers;
        if (propagation == DeletionPropagation.Foreground && !finalizers.Contains("foregroundDeletion"))
        {
            finalizers = finalizers.Add("foregroundDeletion");
        }
        else if (propagation == DeletionPropagation.Orphan && !finalizers.Contains("orphan"))
        {
            finalizers = finalizers.Add("orphan");
        }

        long? grace = null;
        if (existing is Pod pod && pod.IsBound && !pod.IsTerminal)
        {
            // Bound, running pods terminate gracefully; the kubelet removes them once their containers stop.
            grace = gracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? PodDefaulting.DefaultTerminationGracePeriodSeconds;
        }

        var graceful = grace is > 0 || !finalizers.IsEmpty || (existing is Namespace);
        if (!graceful)
        {
            var store = ctx.Store.Remove(existing.Key);
            ctx.Commit(store, new StoreChange(WatchEventType.Deleted, existing, store.Revision));
            return ApiResult.Deleted(existing);
        }

        var marked = existing with
        {
            Metadata = existing.Metadata with
            {
                DeletionTimestamp = ctx.Now,
                DeletionGracePeriodSeconds = grace ?? 0,
                Finalizers = finalizers,
            },
        };
        if (marked is Namespace terminating)
        {
            marked = terminating with { Phase = NamespacePhase.Terminating };
        }

        var (next, stored) = ctx.Store.Put(marked);
        ctx.Commit(next, new StoreChange(WatchEventType.Modified, stored, next.Revision, existing));
        return ApiResult.Deleted(stored);
    }

    public static ApiResult Scale(StepContext ctx, ObjectKey target, int replicas)
    {
        var info = Kinds.Get(target.Kind);
        var key = target with { Namespace = target.Namespace.Length == 0 ? "default" : target.Namespace };
        KubeObject? scaled = ctx.Store.Get(key) switch
        {
            Deployment d => d with { Spec = d.Spec with { Replicas = replicas } },
            ReplicaSet rs => rs with { Spec = rs.Spec with { Replicas = replicas } },
            Job j => j with { Spec = j.Spec with { Parallelism = replicas } },
            null when info is not null => null,
            _ => null,
        };
        if (info is null || info != Kinds.Deployment && info != Kinds.ReplicaSet && info != Kinds.Job)
        {
            return new ApiResult(404, "NotFound", "the server could not find the requested resource");
        }

        if (scaled is null)
        {
            return ApiResult.NotFound(info, key.Name);
        }

        if (replicas < 0)
        {
            return ApiResult.Invalid("Scale.autoscaling", key.Name, [$"spec.replicas: Invalid value: {replicas}: must be greater than or equal to 0"]);
        }

        return Update(ctx, scaled with { Metadata = scaled.Metadata with { ResourceVersion = 0 } }, statusOnly: false);
    }

    /// <summary>The binding subresource: sets <c>spec.nodeName</c> and PodScheduled=True atomically, once.</summary>
    public static ApiResult Bind(StepContext ctx, ObjectKey podKey, string uid, string nodeName)
    {
        if (ctx.Store.Get(podKey) is not Pod pod)
        {
            return ApiResult.NotFound(Kinds.Pod, podKey.Name);
        }

        if (pod.Metadata.Uid != uid || pod.Metadata.IsBeingDeleted)
        {
            return ApiResult.Conflict(Kinds.Pod, podKey.Name);
        }

        if (pod.IsBound)
        {
            return new ApiResult(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{podKey.Name}\": pod {podKey.Name} is already assigned to node \"{pod.Spec.NodeName}\"");
        }

        var conditions = Pods.PodStatusMath.SetCondition(pod.Status.Conditions, PodConditionTypes.PodScheduled, ConditionStatus.True, string.Empty, ctx.Now);
        var bound = pod with { Spec = pod.Spec with { NodeName = nodeName }, Status = pod.Status with { Conditions = conditions } };
        var (store, stored) = ctx.Store.Put(bound);
        ctx.Commit(store, new StoreChange(WatchEventType.Modified, stored, store.Revision, pod));
        return ApiResult.Created(stored);
    }

    /// <summary>The namespace's <c>finalize</c> subresource: only <c>spec.finalizers</c> changes; a terminating namespace with none left is removed.</summary>
    public static ApiResult Finalize(StepContext ctx, Namespace input)
    {
        if (ctx.Store.Get(input.Key) is not Namespace existing)
        {
            return ApiResult.NotFound(Kinds.Namespace, input.Metadata.Name);
        }

        if ((input.Metadata.ResourceVersion != 0 && input.Metadata.ResourceVersion != existing.Metadata.ResourceVersion) ||
            (!string.IsNullOrEmpty(input.Metadata.Uid) && input.Metadata.Uid != existing.Metadata.Uid))
        {
            return ApiResult.Conflict(Kinds.Namespace, input.Metadata.Name);
        }

        return Commit(ctx, existing, existing with { SpecFinalizers = input.SpecFinalizers });
    }

    /// <summary>Stores the merged object unless nothing changed; removes it when its last finalizer went during deletion.</summary>
    /// <remarks>
    /// As in Kubernetes' registry, an object still in its graceful-deletion period (<c>deletionGracePeriodSeconds</c> &gt; 0,
    /// a terminating pod) is not removed by an update: only the final delete with grace 0 removes it. A namespace
    /// also waits for its <c>spec.finalizers</c> (the namespace controller's <c>kubernetes</c>).
    /// </remarks>
    private static ApiResult Commit(StepContext ctx, KubeObject existing, KubeObject merged)
    {
        if (merged.Metadata.IsBeingDeleted && merged.Metadata.Finalizers.IsEmpty && (merged.Metadata.DeletionGracePeriodSeconds ?? 0) == 0 &&
            merged is not Namespace { SpecFinalizers.IsEmpty: false })
        {
            var removed = ctx.Store.Remove(existing.Key);
            ctx.Commit(removed, new StoreChange(WatchEventType.Deleted, merged, removed.Revision));
            return ApiResult.Ok(merged);
        }

        if (merged == existing)
        {
            // A no-op write does not create a revision, as in Kubernetes.
            return ApiResult.Ok(existing);
        }

        var (store, stored) = ctx.Store.Put(merged);
        ctx.Commit(store, new StoreChange(WatchEventType.Modified, stored, store.Revision, existing));
        return ApiResult.Ok(stored);
    }

    /// <summary>NamespaceLifecycle admission: the namespace must exist and not be terminating.</summary>
    private static ApiResult? NamespaceGate(StepContext ctx, KindInfo info, string ns, string name)
    {
        if (!info.Namespaced)
        {
            return null;
        }

        return ctx.Store.Get<Namespace>(string.Empty, ns) switch
        {
            null => ApiResult.NotFound(Kinds.Namespace, ns),
            { Phase: NamespacePhase.Terminating } => new ApiResult(403, "Forbidden",
                $"{info.QualifiedResource} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated"),
            _ => null,
        };
    }

    private static (KubeObject Object, string? Forbidden) Admit(StepContext ctx, KubeObject obj) =>
        obj is Pod pod ? PriorityAdmission.Admit(PodAdmission.Admit(pod), ctx.Store) : (obj, null);

    private static KubeObject Normalize(KubeObject obj)
    {
        var ns = obj.Info.Namespaced ? (string.IsNullOrEmpty(obj.Metadata.Namespace) ? "default" : obj.Metadata.Namespace) : string.Empty;
        return ns == obj.Metadata.Namespace ? obj : obj with { Metadata = obj.Metadata with { Namespace = ns } };
    }

    /// <summary>The pod strategy's <c>PrepareForCreate</c>, after mutating admission: the pod's QoS class from its (defaulted) containers.</summary>
    private static KubeObject PrepareForCreate(KubeObject obj) =>
        obj is Pod pod ? pod with { Status = pod.Status with { QosClass = QosMath.Compute(pod.Spec) } } : obj;

    /// <summary>The pod status strategy backfills the QoS class a status write leaves out: it is fixed at creation.</summary>
    private static KubeObject KeepQosClass(KubeObject existing, KubeObject merged) =>
        (existing, merged) is (Pod { Status.QosClass: { } qos }, Pod { Status.QosClass: null } pod) ? pod with { Status = pod.Status with { QosClass = qos } } : merged;

    /// <summary><c>PrepareForCreate</c>: a new object starts with an empty status (nodes report their own).</summary>
    private static KubeObject ResetStatus(KubeObject obj) => obj switch
    {
        Pod p => p with { Status = new PodStatus() },
        Deployment d => d with { Status = new DeploymentStatus() },
        ReplicaSet rs => rs with { Status = new ReplicaSetStatus() },
        Job j => j with { Status = new JobStatus() },
        Service s => s with { Status = ServiceStatus.Empty },
        Namespace ns => ns with { Phase = NamespacePhase.Active },
        Ingress i => i with { Status = ServiceStatus.Empty },
        _ => obj,
    };
}
