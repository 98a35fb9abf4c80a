using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>One committed change, as a watch delivers it: the type, the object after (or, for Deleted, before) and the revision.</summary>
public sealed record StoreChange(WatchEventType Type, KubeObject Object, long Revision, KubeObject? Previous = null);
