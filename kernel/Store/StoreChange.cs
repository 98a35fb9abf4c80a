using KubeKernel.Model;

namespace KubeKernel.Store;

/// <summary>One committed change, as a watch delivers it: the type, the object after (or, for Deleted, before) and the revision.</summary>
/// <param name="Type">Added, Modified or Deleted.</param>
/// <param name="Object">The object as stored after the change; for Deleted, its last stored state.</param>
/// <param name="Revision">The store revision the change committed at (in a relist, the object's own resourceVersion).</param>
/// <param name="Previous">The object before a Modified change; null for Added and Deleted.</param>
public sealed record StoreChange(WatchEventType Type, KubeObject Object, long Revision, KubeObject? Previous = null);
