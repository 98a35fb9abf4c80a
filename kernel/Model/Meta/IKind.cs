namespace KubeKernel.Model;

/// <summary>A model type that names its kind statically, so typed store queries need no instance.</summary>
public interface IKind
{
    /// <summary>The kind this type models, known without an instance so typed store reads (<c>Get&lt;Pod&gt;</c>, <c>List&lt;Pod&gt;</c>) can find its table.</summary>
    static abstract KindInfo KindInfo { get; }
}
