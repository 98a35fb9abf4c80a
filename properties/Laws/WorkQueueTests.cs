using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Events;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Laws;

/// <summary>The work queue against a plain list: FIFO order, duplicates coalesce, removal anywhere, and every version stays as it was.</summary>
/// <remarks>
/// Keys come from a pool of 60 and enqueues outnumber removals, so a run crosses the sizes where the queue changes shape
/// (an array up to 32 items, a persistent queue with a set beyond, back to an array below 16) in both directions.
/// </remarks>
public class WorkQueueTests
{
    private static readonly Gen<(char Op, int Key)> Operation = Gen.Frequency(
        (6, Gen.Choose(0, 59).Select(k => ('+', k))),
        (2, Gen.Choose(0, 59).Select(k => ('-', k))),
        (2, Gen.Constant(('h', 0))));

    private static ReconcileRequested Item(int key) => new(key % 2 == 0 ? "replicaset-controller" : "deployment-controller", $"default/app-{key}");

    [Fact]
    public void Behaves_like_a_list_that_coalesces_duplicates_in_every_shape_and_version() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Gen.ListOf(Operation, 400)), operations =>
        {
            var queue = WorkQueue.Empty;
            var model = new List<ReconcileRequested>();
            var versions = new List<(WorkQueue Queue, ReconcileRequested[] Items)>();
            foreach (var (op, key) in operations)
            {
                var item = op == 'h' ? queue.Peek() : Item(key);
                if (op == '+')
                {
                    queue = queue.Enqueue(item!);
                    if (!model.Contains(item!))
                    {
                        model.Add(item!);
                    }
                }
                else if (item is not null)
                {
                    queue = queue.Remove(item);
                    model.Remove(item);
                }

                if (!queue.Items.SequenceEqual(model) || queue.Count != model.Count || queue.Peek() != model.FirstOrDefault() ||
                    Enumerable.Range(0, 60).Any(k => queue.Contains(Item(k)) != model.Contains(Item(k))))
                {
                    return false;
                }

                versions.Add((queue, [.. model]));
            }

            // Persistence: no later operation changed an earlier queue, and a queue built afresh (perhaps in the other shape) equals it.
            return versions.All(v => v.Queue.Items.SequenceEqual(v.Items) && v.Queue.Equals(v.Items.Aggregate(WorkQueue.Empty, (q, i) => q.Enqueue(i))));
        }));

    [Fact]
    public void Two_queues_grown_from_one_do_not_see_each_others_items()
    {
        var common = Enumerable.Range(0, 40).Aggregate(WorkQueue.Empty, (q, k) => q.Enqueue(Item(k))).Remove(Item(0));
        foreach (var start in new[] { common, WorkQueue.Empty.Enqueue(Item(1)), common.Remove(Item(7)) })
        {
            var left = start.Enqueue(Item(100));
            var right = start.Enqueue(Item(101)).Remove(start.Peek()!);
            Assert.True(left.Contains(Item(100)) && !left.Contains(Item(101)));
            Assert.True(right.Contains(Item(101)) && !right.Contains(Item(100)));
            Assert.Equal([.. start.Items, Item(100)], left.Items);
            Assert.Equal([.. start.Items.Skip(1), Item(101)], right.Items);
        }
    }
}
