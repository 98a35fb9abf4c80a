using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Simulation;
using KubeKernel.Store;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>
/// Carries out the kernel's commands for <c>serve</c>: store writes, replies and Events are kept for the end of the batch
/// (when they are made durable, then answered and published); runtime, cloud and heartbeats go to the simulated world.
/// </summary>
internal sealed class ServeInterpreter(SimulatedEnvironment world) : IInterpreter
{
    private readonly List<StoreChange> changes = [];
    private readonly Dictionary<string, ApiResult> replies = new(StringComparer.Ordinal);
    private readonly List<(RecordEvent Command, long Now)> events = [];

    public long? NextReport => world.NextReport;

    public IReadOnlyList<ClusterEvent> CarryOut(ClusterState state, ValueList<Command> commands)
    {
        foreach (var command in commands)
        {
            switch (command)
            {
                case Persist persist:
                    foreach (var change in persist.Changes)
                    {
                        changes.Add(change);
                    }

                    break;
                case Reply reply:
                    replies.TryAdd(reply.RequestId, reply.Result);
                    break;
                case RecordEvent record:
                    events.Add((record, state.Now));
                    break;
            }
        }

        return world.CarryOut(state, commands);
    }

    public IReadOnlyList<ClusterEvent> ReportDue(ClusterState state) => world.ReportDue(state);

    /// <summary>What the batch so far did, handed over once; the next batch starts empty.</summary>
    public BatchOutcome TakeBatch()
    {
        var outcome = new BatchOutcome([.. changes], new Dictionary<string, ApiResult>(replies, StringComparer.Ordinal), [.. events]);
        changes.Clear();
        replies.Clear();
        events.Clear();
        return outcome;
    }
}
