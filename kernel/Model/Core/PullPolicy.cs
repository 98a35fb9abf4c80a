namespace KubeKernel.Model;

/// <summary>A container's <c>imagePullPolicy</c>: when the kubelet pulls its image.</summary>
public enum PullPolicy
{
    /// <summary>Pull on every start; the default for an image tagged <c>:latest</c> or not tagged at all.</summary>
    Always,

    /// <summary>Pull only when the node does not have the image; the default for any other tag or a digest.</summary>
    IfNotPresent,

    /// <summary>Never pull: the image must already be on the node.</summary>
    Never,
}
