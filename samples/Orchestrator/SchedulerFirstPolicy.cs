using KubeKernel.Driving;

namespace Orchestrator;

/// <summary>This orchestrator's policy: place pods before anything else reacts, so that new work lands on nodes at once.</summary>
/// <remarks>
/// External events (a request, a runtime's report, a heartbeat) are delivered first, oldest first: they already happened.
/// Then the scheduler's queued work runs ahead of every other controller's, the rest in queue order. With nothing left
/// to do and time allowed to pass, time jumps to the next instant anything happens.
/// </remarks>
public sealed class SchedulerFirstPolicy : IPolicy
{
    private const string Scheduler = KubeKernel.Controllers.ControllerNames.Scheduler;

    public Move? Next(DriverView view)
    {
        if (view.Pending.Count > 0)
        {
            return new Deliver(view.Pending[0]);
        }

        var queue = view.State.Queue;
        if (queue.Items.FirstOrDefault(work => work.Controller == Scheduler) is { } placement)
        {
            return new RunWork(placement);
        }

        if (queue.Peek() is { } head)
        {
            return new RunWork(head);
        }

        return view.NextInstant() is { } next ? new AdvanceClock(next) : null;
    }

    public void Observe(TraceEntry entry)
    {
        // Nothing to keep track of: every decision reads the state.
    }
}
