using System.Threading.Channels;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>The watch cache: the recent changes, for watches that start from a resourceVersion, and the live watchers.</summary>
/// <remarks>
/// kube-apiserver keeps a window of recent events per resource (the watch cache) and answers a watch from an older
/// resourceVersion with <c>410 Gone</c> ("too old resource version"); so does this, with one window of
/// <see cref="Capacity"/> changes for all resources. A watcher that falls behind by more than that is closed the same
/// way, so a slow client can never hold the server's memory.
/// </remarks>
internal sealed class WatchHub(long compactedRevision, int capacity = WatchHub.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly Lock gate = new();
    private readonly Queue<WatchEntry> history = new();
    private readonly List<Channel<WatchEntry>> watchers = [];

    public int Capacity { get; } = capacity;

    /// <summary>The newest revision a watch can no longer start from: changes at or before it have left the window.</summary>
    public long CompactedRevision { get; private set; } = compactedRevision;

    /// <summary>Adds a batch of changes (in revision order) and hands them to every watcher.</summary>
    public void Publish(IReadOnlyList<WatchEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var entry in entries)
            {
                history.Enqueue(entry);
                while (history.Count > Capacity)
                {
                    CompactedRevision = history.Dequeue().Revision;
                }

                for (var i = watchers.Count - 1; i >= 0; i--)
                {
                    if (!watchers[i].Writer.TryWrite(entry))
                    {
                        // A full channel: the watcher is a whole window behind; end it as a compacted watch.
                        watchers[i].Writer.TryComplete(new WatchExpiredException());
                        watchers.RemoveAt(i);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A watch of every change after <paramref name="afterRevision"/>: the ones still in the window first, then live ones;
    /// null when the window no longer reaches back that far (the caller answers 410 Gone).
    /// </summary>
    public Channel<WatchEntry>? Subscribe(long afterRevision)
    {
        lock (gate)
        {
            if (afterRevision < CompactedRevision)
            {
                return null;
            }

            var channel = Channel.CreateBounded<WatchEntry>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
            foreach (var entry in history)
            {
                if (entry.Revision > afterRevision)
                {
                    channel.Writer.TryWrite(entry);
                }
            }

            watchers.Add(channel);
            return channel;
        }
    }

    public void Unsubscribe(Channel<WatchEntry> channel)
    {
        lock (gate)
        {
            watchers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>Ends every watch (the server is shutting down).</summary>
    public void CloseAll()
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Writer.TryComplete();
            }

            watchers.Clear();
        }
    }
}
