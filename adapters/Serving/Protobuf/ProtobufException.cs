namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>A protobuf request body that cannot be decoded: the message says what is wrong in plain words.</summary>
/// <remarks>
/// The API server answers such a body with 400 BadRequest and this message, as kube-apiserver does when its protobuf
/// serializer fails. Nothing else escapes <see cref="ProtobufBody.Decode"/>, whatever the bytes.
/// </remarks>
internal sealed class ProtobufException(string message) : Exception(message);
