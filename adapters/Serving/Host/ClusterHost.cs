using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Storage;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;
using KubeKernel.Store;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>
/// Runs the kernel for <c>serve</c>: one loop owns the driver; requests, heartbeats and timers go in as events in wall-clock
/// time, and each batch's store writes are made durable before its replies go out and its changes reach the watches.
/// </summary>
/// <remarks>
/// The loop takes every request waiting when it wakes, runs the cluster to quiescence, commits the batch in one
/// transaction and then answers (a group commit: many concurrent writes share one sync). Reads never enter the loop:
/// they use <see cref="Current"/>, the immutable state after the last durable batch.
/// </remarks>
internal sealed class ClusterHost : IDisposable
{
    /// <summary>The largest object a store keeps: etcd's default request limit (<c>--max-request-bytes</c>), 1.5 MiB.</summary>
    public const int MaxObjectBytes = 1536 * 1024;

    /// <summary>Events older than this are deleted, as kube-apiserver's <c>--event-ttl</c> default does.</summary>
    public const long EventTtlMillis = 60 * 60 * 1000;

    private readonly Channel<PendingRequest> requests = Channel.CreateUnbounded<PendingRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IClusterStore store;
    private readonly ApiResources resources;
    private readonly Func<long> clock;
    private readonly ServeInterpreter interpreter;
    private readonly Driver driver;
    private readonly EventRecorder recorder;
    private readonly CancellationTokenSource stopping = new();
    private ImmutableSortedDictionary<string, Corev1Event> events;
    private ManagedFields managed;
    private long requestCounter;
    private Task? loop;
    private volatile ServedState current;

    public ClusterHost(ClusterConfig config, IClusterStore store, ApiResources resources, int nodes, Func<long> clock)
    {
        this.store = store;
        this.resources = resources;
        this.clock = clock;
        var snapshot = store.Load();
        var now = clock();
        var (initial, loadedEvents, loadedManaged) = Restore(config, snapshot, now);
        events = loadedEvents;
        managed = loadedManaged;
        recorder = new EventRecorder(events.Values.Select(e => long.TryParse(e.Metadata.Uid?["event-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max());
        var world = new SimulatedEnvironment(initial);
        var exits = world.GiveFiniteRuns(initial, Adapters.SimulatedRuns.FiniteRunMillis);
        interpreter = new ServeInterpreter(world);
        driver = new Driver(initial, new InOrderPolicy(), interpreter);
        foreach (var exit in exits)
        {
            driver.Submit(exit);
        }

        Restored = snapshot.Revision > 0;
        if (!Restored)
        {
            // The built-in namespaces exist before any write; keep them like every other object.
            store.Commit(initial.Store.Revision, [.. initial.Store.All().Select(o => new StoredWrite(StorageKey(o), o.Metadata.ResourceVersion, WireCodec.Serialize(o)))]);
        }

        for (var i = 1; i <= nodes; i++)
        {
            if (initial.Store.Get<Node>(string.Empty, $"node-{i}") is null)
            {
                driver.Submit(new NodeRegistered(DefaultNodes.Node($"node-{i}")));
            }
        }

        // Controllers start with empty informers and queues, as after a controller-manager restart: they relist.
        driver.Submit(new WatchesResynced());
        foreach (var heartbeat in world.Heartbeats(initial))
        {
            driver.Submit(heartbeat);
        }

        Watches = new WatchHub(initial.Store.Revision);
        driver.RunToQuiescence();
        Commit(interpreter.TakeBatch());
        current = new ServedState(driver.State, events, managed);
    }

    /// <summary>Whether the store held a cluster when the host started (a restart), rather than nothing.</summary>
    public bool Restored { get; }

    /// <summary>The state after the last durable batch: what every read serves.</summary>
    public ServedState Current => current;

    public WatchHub Watches { get; }

    /// <summary>Set when the loop stopped because the store failed: the server can no longer promise durability.</summary>
    public Exception? Failure { get; private set; }

    public string Location => store.Location;

    public void Start() => loop = Task.Factory.StartNew(Loop, TaskCreationOptions.LongRunning).Unwrap();

    /// <summary>Sends a write through the kernel and waits for its reply (sent once the write is durable).</summary>
    /// <param name="make">Makes the event from the request id the reply will carry.</param>
    /// <param name="dryRun">Answer from the current state and keep nothing (<c>dryRun=All</c>).</param>
    /// <param name="managedFields">The object's managedFields after this write, when the write names a field manager.</param>
    public Task<ApiResult> Send(Func<string, ClusterEvent> make, bool dryRun, string? managedFields = null)
    {
        var id = "request-" + Interlocked.Increment(ref requestCounter).ToString(CultureInfo.InvariantCulture);
        var submitted = make(id);
        var request = new PendingRequest(submitted, id, dryRun)
        {
            ManagedFields = managedFields,
            // Measured here, on the caller's thread, so the serving loop steps and serializes only the few large writes twice.
            MayBeTooLarge = submitted is ObjectSubmitted { Object: var obj } && System.Text.Encoding.UTF8.GetByteCount(WireCodec.Serialize(obj)) > MaxObjectBytes / 2,
        };
        if (Failure is not null || !requests.Writer.TryWrite(request))
        {
            request.Answer.TrySetResult(Unavailable());
        }

        return request.Answer.Task;
    }

    public void Dispose()
    {
        stopping.Cancel();
        requests.Writer.TryComplete();
        try
        {
            loop?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop's failure is already in Failure and has answered every request.
        }

        Watches.CloseAll();
        stopping.Dispose();
    }

    private static (ClusterState State, ImmutableSortedDictionary<string, Corev1Event> Events, ManagedFields Managed) Restore(ClusterConfig config, StoreSnapshot snapshot, long now)
    {
        var initial = ClusterState.Initial(config);
        if (snapshot.Revision == 0)
        {
            // The built-in namespaces are made when the cluster is: at the wall-clock time of the first start.
            var born = initial.Store.All().Select(o => o with { Metadata = o.Metadata with { CreationTimestamp = now } });
            return (initial.WithLoadedStore(ObjectStore.Restore(initial.Store.Revision, born)) with { Now = now }, ImmutableSortedDictionary.Create<string, Corev1Event>(StringComparer.Ordinal), ManagedFields.Empty);
        }

        var managed = ManagedFields.Empty;
        var objects = new List<KubeObject>();
        var loaded = ImmutableSortedDictionary.CreateBuilder<string, Corev1Event>(StringComparer.Ordinal);
        var eventPrefix = RegistryKeys.Prefix + ApiResources.Event.Resource + "/";
        foreach (var stored in snapshot.Objects)
        {
            if (stored.Key.StartsWith(eventPrefix, StringComparison.Ordinal))
            {
                var ev = WireCodec.ReadEvent(stored.Json);
                loaded[EventKey(ev)] = ev;
            }
            else if (WireCodec.ReadStored(stored.Json) is { } obj)
            {
                objects.Add(obj);
                if (ManagedFields.Of(JsonNode.Parse(stored.Json)) is { } entries)
                {
                    managed = managed.Set(obj.Metadata.Uid, entries);
                }
            }
        }

        return (initial.WithLoadedStore(ObjectStore.Restore(snapshot.Revision, objects)) with { Now = now }, loaded.ToImmutable(), managed);
    }

    private static string EventKey(Corev1Event ev) => $"{ev.Metadata.NamespaceProperty}/{ev.Metadata.Name}";

    private static ApiResult Unavailable() => new(503, "ServiceUnavailable", "the server is shutting down or its store failed; no write was accepted");

    private async Task Loop()
    {
        var pending = new List<PendingRequest>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await WaitForWork().ConfigureAwait(false);
                var now = Math.Max(clock(), driver.State.Now);
                driver.RunUntil(now);
                if (driver.State.Now < now)
                {
                    driver.Take(new AdvanceClock(now));
                }

                pending.Clear();
                while (requests.Reader.TryRead(out var request))
                {
                    if (request.DryRun)
                    {
                        request.Answer.TrySetResult(DryRun(request.Event) ?? Unavailable());
                        continue;
                    }

                    if (request.MayBeTooLarge && TooLarge(request.Event) is { } refused)
                    {
                        request.Answer.TrySetResult(refused);
                        continue;
                    }

                    pending.Add(request);
                    driver.Submit(request.Event);
                }

                driver.RunToQuiescence();
                var outcome = interpreter.TakeBatch();
                foreach (var request in pending)
                {
                    if (request.ManagedFields is { } entries && outcome.Replies.GetValueOrDefault(request.RequestId) is { IsSuccess: true, Object: { } written })
                    {
                        managed = managed.Set(written.Metadata.Uid, entries);
                    }
                }

                Commit(outcome);
                current = new ServedState(driver.State, events, managed);
                foreach (var request in pending)
                {
                    request.Answer.TrySetResult(outcome.Replies.GetValueOrDefault(request.RequestId) ?? Unavailable());
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store that cannot commit breaks the promise that an answered write is durable: stop taking writes.
            Failure = e;
            foreach (var request in pending)
            {
                request.Answer.TrySetResult(Unavailable());
            }

            requests.Writer.TryComplete();
            while (requests.Reader.TryRead(out var request))
            {
                request.Answer.TrySetResult(Unavailable());
            }
        }
    }

    /// <summary>
    /// 413 for a write whose object would be over <see cref="MaxObjectBytes"/> once admitted: etcd refuses such a request,
    /// so kube-apiserver cannot store the object; serve refuses it on any store. The check comes after validation, as
    /// etcd's does, so an invalid object still gets its 422.
    /// </summary>
    private ApiResult? TooLarge(ClusterEvent request) =>
        DryRun(request) is { IsSuccess: true, Object: { } stored } && System.Text.Encoding.UTF8.GetByteCount(WireCodec.Serialize(stored)) > MaxObjectBytes
            ? new ApiResult(413, "RequestEntityTooLarge", "etcdserver: request is too large")
            : null;

    /// <summary>The kernel's answer to a request against the current state, kept nowhere (<c>dryRun=All</c>, and the size check).</summary>
    private ApiResult? DryRun(ClusterEvent request) => Kernel.Step(driver.State, request).Commands.OfType<Reply>().FirstOrDefault()?.Result;

    /// <summary>Waits for a request, or for the next instant something is due (a timer, a heartbeat), at most a second.</summary>
    private async Task WaitForWork()
    {
        var state = driver.State;
        var due = new[] { Kernel.NextDeadline(state), interpreter.NextReport }.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(long.MaxValue).Min();
        var wait = Math.Clamp(due - clock(), 0, 1000);
        if (wait == 0 || requests.Reader.TryPeek(out _))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(wait));
        try
        {
            await requests.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The wait ran out: something is due.
        }
    }

    /// <summary>Makes a batch durable, then publishes it to the watches: the Events it recorded, and the expired ones deleted.</summary>
    private void Commit(BatchOutcome outcome)
    {
        var state = driver.State;
        var revision = state.Store.Revision;
        var writes = new List<StoredWrite>();
        var entries = new List<WatchEntry>();
        foreach (var change in outcome.Changes)
        {
            var deleted = change.Type == WatchEventType.Deleted;
            var obj = deleted ? change.Object with { Metadata = change.Object.Metadata with { ResourceVersion = change.Revision } } : change.Object;
            var item = resources.ForKind(obj.Kind) is { } resource ? ServedItem.Of(resource, obj, managed) : null;
            if (deleted)
            {
                managed = managed.Remove(obj.Metadata.Uid);
            }

            writes.Add(new StoredWrite(StorageKey(obj), change.Revision, deleted ? null : item?.ToJsonText() ?? WireCodec.Serialize(obj)));
            if (item is not null)
            {
                entries.Add(new WatchEntry(change.Revision, change.Type switch
                {
                    WatchEventType.Added => "ADDED",
                    WatchEventType.Modified => "MODIFIED",
                    _ => "DELETED",
                }, item));
            }
        }

        var eventResource = resources.ForKind(ApiResources.Event.Kind)!;
        foreach (var (command, now) in outcome.Events)
        {
            var ev = recorder.Record(command, now, revision);
            events = events.SetItem(EventKey(ev), ev);
            writes.Add(new StoredWrite(EventStorageKey(ev), revision, WireCodec.Serialize(ev)));
            entries.Add(new WatchEntry(revision, "ADDED", ServedItem.Of(eventResource, ev)));
        }

        var expiry = SimulationClock.ToWire(state.Now - EventTtlMillis);
        foreach (var expired in events.Values.Where(e => e.LastTimestamp < expiry).ToList())
        {
            events = events.Remove(EventKey(expired));
            writes.Add(new StoredWrite(EventStorageKey(expired), revision, null));
            entries.Add(new WatchEntry(revision, "DELETED", ServedItem.Of(eventResource, expired)));
        }

        if (writes.Count > 0)
        {
            store.Commit(revision, writes);
        }

        Watches.Publish(entries);
    }

    private static string EventStorageKey(Corev1Event ev) => RegistryKeys.For(ApiResources.Event.Resource, ev.Metadata.NamespaceProperty ?? string.Empty, ev.Metadata.Name);

    private static string StorageKey(KubeObject obj) => RegistryKeys.For(obj.Info.Resource, obj.Metadata.Namespace, obj.Metadata.Name);
}
