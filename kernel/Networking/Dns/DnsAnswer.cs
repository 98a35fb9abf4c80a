using KubeKernel.Collections;

namespace KubeKernel.Networking;

/// <summary>A DNS answer: whether the name exists (<c>NOERROR</c>/<c>NXDOMAIN</c>), the name that answered and its records.</summary>
/// <remarks><c>NOERROR</c> with no records is a name that exists without data of that kind (a headless service with no ready endpoint).</remarks>
internal sealed record DnsAnswer(string Rcode, string Name, ValueList<DnsRecord> Records)
{
    public const string NoError = "NOERROR";
    public const string NameError = "NXDOMAIN";

    public bool Exists => Rcode == NoError;

    public override string ToString() => Records.IsEmpty ? $"{Name}: {Rcode}" : string.Join("\n", Records);
}
