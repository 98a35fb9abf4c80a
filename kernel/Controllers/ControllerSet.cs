namespace KubeKernel.Controllers;

/// <summary>The controllers a cluster runs, in watch-dispatch order; embedders add theirs, checkers swap in variants.</summary>
/// <remarks>
/// Immutable: <see cref="With"/> and <see cref="Replace"/> return new sets. Names are unique. Two sets are equal when they
/// hold equal controllers in the same order (controllers compare by their own equality: the built-in ones are shared
/// instances), so that two cluster states built alike compare equal whichever set instance their configuration holds.
/// </remarks>
public sealed class ControllerSet : IEquatable<ControllerSet>
{
    private readonly IController[] controllers;

    /// <summary>A set of <paramref name="controllers"/>, dispatched watch events in the order given.</summary>
    /// <param name="controllers">The controllers, their names unique (ordinal comparison).</param>
    /// <exception cref="ArgumentException">Two controllers share a name.</exception>
    public ControllerSet(IEnumerable<IController> controllers)
    {
        this.controllers = [.. controllers];
        var duplicate = this.controllers.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two controllers are named {duplicate.Key}", nameof(controllers));
        }
    }

    /// <summary>The controllers in watch-dispatch order: a committed change queues their keys in this order.</summary>
    public IReadOnlyList<IController> All => controllers;

    /// <summary>The controller whose <see cref="IController.Name"/> is <paramref name="name"/> (ordinal), or null when there is none; a work item for an unknown controller is dropped.</summary>
    /// <param name="name">The controller's name, as in <see cref="Events.ReconcileRequested.Controller"/>.</param>
    public IController? Find(string name)
    {
        foreach (var controller in controllers)
        {
            if (controller.Name == name)
            {
                return controller;
            }
        }

        return null;
    }

    /// <summary>This set plus <paramref name="controller"/>, run after the others.</summary>
    public ControllerSet With(IController controller) => new([.. controllers, controller]);

    /// <summary>This set with the controller of the same name replaced (a buggy variant, an embedder's fork).</summary>
    public ControllerSet Replace(IController controller) =>
        Find(controller.Name) is null
            ? throw new ArgumentException($"no controller named {controller.Name} to replace", nameof(controller))
            : new(controllers.Select(c => c.Name == controller.Name ? controller : c));

    /// <summary>Whether <paramref name="other"/> holds equal controllers in the same order.</summary>
    public bool Equals(ControllerSet? other) =>
        other is not null && (ReferenceEquals(this, other) || controllers.AsSpan().SequenceEqual(other.controllers));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ControllerSet);

    /// <inheritdoc/>
    public override int GetHashCode() => controllers.Length;

    /// <summary>The controllers' names, in order.</summary>
    public override string ToString() => string.Join(", ", controllers.Select(c => c.Name));
}
