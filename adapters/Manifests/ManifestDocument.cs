using KubeKernel.Model;

namespace KubeKernel.Adapters.Manifests;

/// <summary>One document of a manifest file, mapped into the kernel model, with where it came from.</summary>
internal sealed record ManifestDocument(string File, int Index, int Line, KubeObject Object)
{
    public string Where => $"{File} (document {Index + 1}, line {Line})";
}
