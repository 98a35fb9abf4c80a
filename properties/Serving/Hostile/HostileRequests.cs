using FsCheck;
using FsCheck.Fluent;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>Every hostile request the server must refuse, as one generator: each family of <see cref="MalformedBodies"/>, <see cref="InvalidObjects"/>, <see cref="BadRoutes"/> and <see cref="BadPatches"/> alike.</summary>
internal static class HostileRequests
{
    public static readonly Gen<HostileRequest> All = Gen.OneOf(
        MalformedBodies.TruncatedJson,
        MalformedBodies.WrongTypes,
        MalformedBodies.HugeNumbers,
        MalformedBodies.DeepNesting,
        MalformedBodies.InvalidUtf8,
        MalformedBodies.MalformedYaml,
        MalformedBodies.DeepYaml,
        MalformedBodies.MalformedProtobuf,
        InvalidObjects.WrongKind,
        InvalidObjects.CrossedKinds,
        InvalidObjects.UnknownFields,
        InvalidObjects.InvalidSpecs,
        InvalidObjects.TooMuch,
        InvalidObjects.WrongPlace,
        BadRoutes.UnknownPaths,
        BadRoutes.UnknownVerbs,
        BadRoutes.WrongContentTypes,
        BadRoutes.BadSelectors,
        BadRoutes.BadContinueTokens,
        BadRoutes.BadWatchVersions,
        BadPatches.JsonPatches,
        BadPatches.MergePatches,
        BadPatches.StrategicPatches,
        BadPatches.ApplyPatches,
        BadPatches.Misdirected,
        BadPatches.BadDeletes);
}
