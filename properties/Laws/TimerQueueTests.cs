using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Events;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Laws;

/// <summary>The timer queue against a plain list: one timer per item, the earlier deadline kept, (due, insertion) order, and every version stays as it was.</summary>
/// <remarks>
/// Keys come from a pool of 60 and adds outnumber the clock's advances, so a run crosses the sizes where the queue changes
/// shape (an array up to 32 timers, a sorted set beyond, back to an array below 16) in both directions.
/// </remarks>
public class TimerQueueTests
{
    private static readonly Gen<(bool Advance, int Amount, int Key)> Operation = Gen.Frequency(
        (7, from delay in Gen.Choose(1, 100) from key in Gen.Choose(0, 59) select (false, delay, key)),
        (1, Gen.Choose(0, 60).Select(ms => (true, ms, 0))));

    private static ReconcileRequested Item(int key) => new("kubelet", $"default/pod-{key}");

    private static long? DueIn(List<(long Due, long Sequence, ReconcileRequested Item)> model, ReconcileRequested item) =>
        model.FindIndex(t => t.Item == item) is var i and >= 0 ? model[i].Due : null;

    [Fact]
    public void Behaves_like_a_sorted_list_with_one_timer_per_item_in_every_shape_and_version() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Gen.ListOf(Operation, 400)), operations =>
        {
            var queue = TimerQueue.Empty;
            var model = new List<(long Due, long Sequence, ReconcileRequested Item)>();
            var versions = new List<(TimerQueue Queue, (long, ReconcileRequested)[] Items)>();
            long now = 0, sequence = 0;
            foreach (var (advance, amount, key) in operations)
            {
                if (advance)
                {
                    now += amount;
                    (queue, var due) = queue.TakeDue(now);
                    var expected = model.Where(t => t.Due <= now).Select(t => t.Item).ToList();
                    model.RemoveAll(t => t.Due <= now);
                    if (!due.SequenceEqual(expected))
                    {
                        return false;
                    }
                }
                else
                {
                    var item = Item(key);
                    queue = queue.Add(now + amount, item);
                    var existing = model.FindIndex(t => t.Item == item);
                    if (existing < 0 || model[existing].Due > now + amount)
                    {
                        model.RemoveAll(t => t.Item == item);
                        model.Add((now + amount, sequence++, item));
                        model.Sort((a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Sequence.CompareTo(b.Sequence));
                    }
                }

                var items = model.Select(t => (t.Due, t.Item)).ToArray();
                if (!queue.Items.SequenceEqual(items) || queue.Count != model.Count || queue.NextDue != (model.Count == 0 ? null : model[0].Due) ||
                    Enumerable.Range(0, 60).Any(k => queue.DueOf(Item(k)) != DueIn(model, Item(k))))
                {
                    return false;
                }

                versions.Add((queue, items));
            }

            // Persistence: no later operation changed an earlier queue, and a queue built afresh (perhaps in the other shape) equals it.
            return versions.All(v => v.Queue.Items.SequenceEqual(v.Items) && v.Queue.Equals(v.Items.Aggregate(TimerQueue.Empty, (q, t) => q.Add(t.Item1, t.Item2))));
        }));
}
