namespace KubeKernel.Networking;

/// <summary>One DNS resource record: the owner name, the type (<c>A</c> or <c>CNAME</c>) and the data.</summary>
internal sealed record DnsRecord(string Name, string Type, string Data)
{
    public override string ToString() => $"{Name} {Type} {Data}";
}
