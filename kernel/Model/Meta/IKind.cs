namespace KubeKernel.Model;

/// <summary>A model type that names its kind statically, so typed store queries need no instance.</summary>
public interface IKind
{
    static abstract KindInfo KindInfo { get; }
}
