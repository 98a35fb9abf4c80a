namespace KubeKernel.Driving;

/// <summary>The fair default: pending external events first, oldest first; then queued work in order; then time jumps to the next instant.</summary>
/// <remarks>
/// External events go first because they are facts that already happened (a runtime's answer, a request that arrived);
/// work runs in the work queue's order, as one controller-manager process would take it. With a horizon and nothing
/// left to do, time jumps to the next kernel deadline or interpreter report, or to the horizon.
/// </remarks>
public class InOrderPolicy : IPolicy
{
    /// <inheritdoc/>
    public Move? Next(DriverView view)
    {
        if (view.Pending.Count > 0)
        {
            return new Deliver(view.Pending[0]);
        }

        if (view.State.Queue.Peek() is { } head)
        {
            return RunHead(view, head);
        }

        return view.NextInstant() is { } next ? new AdvanceClock(next) : null;
    }

    /// <inheritdoc/>
    public virtual void Observe(TraceEntry entry)
    {
    }

    /// <summary>How the head of the work queue runs: as it is, here; a faulting policy may run it otherwise.</summary>
    protected virtual Move RunHead(DriverView view, Events.ReconcileRequested head) => new RunWork(head);
}
