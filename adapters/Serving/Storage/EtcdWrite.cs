using Etcdserverpb;
using Google.Protobuf;

namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>One operation of an etcd transaction: a put of <paramref name="Value"/> under <paramref name="Key"/>, or a delete when it is null.</summary>
internal sealed record EtcdWrite(string Key, ByteString? Value)
{
    /// <summary>What the operation adds to a request, with a little for its protobuf framing.</summary>
    public int Bytes => System.Text.Encoding.UTF8.GetByteCount(Key) + (Value?.Length ?? 0) + 16;

    public static EtcdWrite Put(string key, string value) => new(key, ByteString.CopyFromUtf8(value));

    public static EtcdWrite Delete(string key) => new(key, null);

    public RequestOp ToOp() => Value is null
        ? new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = ByteString.CopyFromUtf8(Key) } }
        : new RequestOp { RequestPut = new PutRequest { Key = ByteString.CopyFromUtf8(Key), Value = Value } };
}
