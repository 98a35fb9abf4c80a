using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KubeKernel.Adapters.Manifests;

/// <summary>Reads multi-document Kubernetes YAML through the official loader and maps each document into the kernel model.</summary>
/// <remarks>
/// Every failure is a <see cref="ManifestException"/> that names the file, the document and the line (as
/// kubectl does), never a stack trace. Documents are parsed one by one so an error points at its document.
/// </remarks>
internal static class ManifestReader
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/Node"] = typeof(V1Node),
        ["v1/Pod"] = typeof(V1Pod),
        ["v1/Service"] = typeof(V1Service),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["apps/v1/ReplicaSet"] = typeof(V1ReplicaSet),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["batch/v1/Job"] = typeof(V1Job),
        ["discovery.k8s.io/v1/EndpointSlice"] = typeof(V1EndpointSlice),
        ["networking.k8s.io/v1/Ingress"] = typeof(V1Ingress),
        ["networking.k8s.io/v1/IngressClass"] = typeof(V1IngressClass),
        ["scheduling.k8s.io/v1/PriorityClass"] = typeof(V1PriorityClass),
        ["v1/PersistentVolume"] = typeof(V1PersistentVolume),
        ["v1/PersistentVolumeClaim"] = typeof(V1PersistentVolumeClaim),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        ["v1/Secret"] = typeof(V1Secret),
    };

    /// <summary>The wire model of an <c>apiVersion</c> and <c>kind</c>, or null for a kind the kernel does not have.</summary>
    public static Type? WireType(string apiVersion, string kind) => Types.GetValueOrDefault($"{apiVersion}/{kind}");

    /// <summary>
    /// How the command line passes <c>-f -</c> on: the option parser takes a lone <c>-</c> for an option of its own, so
    /// kernelctl renames it before parsing.
    /// </summary>
    public const string StandardInput = "<stdin>";

    /// <summary>The extensions kubectl reads from a directory given to <c>-f</c>.</summary>
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// What <c>-f</c> names, as kubectl reads it: <c>-</c> is standard input, a directory is its manifest files (<c>.yaml</c>,
    /// <c>.yml</c>, <c>.json</c>) in name order — with <paramref name="recursive"/> (<c>-R</c>) its subdirectories' too — and
    /// anything else a file.
    /// </summary>
    /// <remarks>
    /// A document of a kind Kubernetes serves but the kernel does not model is an error, or, with <paramref name="skipped"/>,
    /// left out and reported to it as one warning line.
    /// </remarks>
    public static IReadOnlyList<ManifestDocument> ReadPath(string path, string displayName, bool recursive, TextReader? stdin = null, Action<string>? skipped = null)
    {
        if (displayName is "-" or StandardInput)
        {
            return Read((stdin ?? Console.In).ReadToEnd(), "STDIN", skipped);
        }

        if (!Directory.Exists(path))
        {
            return ReadFile(path, displayName, skipped);
        }

        var files = Directory.EnumerateFiles(path, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => ManifestExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ManifestException($"error: no manifest files (*.yaml, *.yml, *.json) in \"{displayName}\"{(recursive ? string.Empty : "; -R reads its subdirectories too")}");
        }

        return [.. files.SelectMany(f => ReadFile(f, Path.Combine(displayName, Path.GetRelativePath(path, f)), skipped))];
    }

    /// <summary>Reads a manifest file; messages name it <paramref name="displayName"/> (default: the path); <paramref name="skipped"/> as in <see cref="ReadPath"/>.</summary>
    public static IReadOnlyList<ManifestDocument> ReadFile(string path, string? displayName = null, Action<string>? skipped = null)
    {
        var name = displayName ?? path;
        if (Directory.Exists(path))
        {
            throw new ManifestException($"error: \"{name}\" is a directory; give manifest files, or the directory to -f");
        }

        if (!File.Exists(path))
        {
            throw new ManifestException($"error: the path \"{name}\" does not exist");
        }

        return Read(File.ReadAllText(path), name, skipped);
    }

    /// <summary>Parses YAML text (one or more documents) named <paramref name="source"/> in messages; <paramref name="skipped"/> as in <see cref="ReadPath"/>.</summary>
    public static IReadOnlyList<ManifestDocument> Read(string text, string source, Action<string>? skipped = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestException($"error: error parsing {source}: yaml: line {e.Start.Line}: {Innermost(e).Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some malformed flow collections; report where parsing stopped.
            throw new ManifestException($"error: error parsing {source}: yaml: line {LastGoodLine(text)}: did not find expected ',' or '}}' (unterminated flow collection)");
        }

        var ranges = DocumentRanges(text);
        var documents = new List<ManifestDocument>();
        for (var index = 0; index < stream.Documents.Count; index++)
        {
            var root = stream.Documents[index].RootNode;
            if (root is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var line = (int)root.Start.Line;
            if (root is not YamlMappingNode mapping)
            {
                throw new ManifestException($"error: error parsing {source} (document {index + 1}, line {line}): the document is not a Kubernetes object (a YAML mapping)");
            }

            var (start, end, firstLine) = ranges[index];
            if (Scalar(mapping, "apiVersion") == "v1" && Scalar(mapping, "kind") == "List")
            {
                // A List (what kubectl get -o yaml and simulate -o yaml print): each item is an object of its own.
                var items = mapping.Children.TryGetValue(new YamlScalarNode("items"), out var node) ? node as YamlSequenceNode : null;
                foreach (var item in items?.Children ?? [])
                {
                    var itemLine = firstLine + (int)item.Start.Line - 1;
                    Add(documents, ReadObject(item, Text(item), source, index, $"{source} (document {index + 1}, line {itemLine})", itemLine, itemLine, skipped));
                }

                continue;
            }

            Add(documents, ReadObject(mapping, text[start..end], source, index, $"{source} (document {index + 1}, line {line})", line, firstLine, skipped));
        }

        return documents;
    }

    private static void Add(List<ManifestDocument> documents, ManifestDocument? document)
    {
        if (document is not null)
        {
            documents.Add(document);
        }
    }

    /// <summary>One object: its kind checked, then read into the wire model and mapped into the kernel's.</summary>
    /// <param name="node">The object's YAML mapping.</param>
    /// <param name="text">The object's own YAML text.</param>
    /// <param name="source">The file, as messages name it.</param>
    /// <param name="index">The document's index in the file.</param>
    /// <param name="where">The file, document and line, as messages name them.</param>
    /// <param name="line">The object's first line.</param>
    /// <param name="firstLine">The line <paramref name="text"/> starts at, for the parser's error lines.</param>
    /// <param name="skipped">Where an unsupported kind is reported when it is skipped (null: it is an error).</param>
    /// <returns>The document, or null when it was skipped.</returns>
    private static ManifestDocument? ReadObject(YamlNode node, string text, string source, int index, string where, int line, int firstLine, Action<string>? skipped)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new ManifestException($"error: error parsing {where}: the item is not a Kubernetes object (a YAML mapping)");
        }

        var apiVersion = Scalar(mapping, "apiVersion");
        var kind = Scalar(mapping, "kind");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(apiVersion))
        {
            throw new ManifestException($"error: error validating {where}: {(string.IsNullOrEmpty(apiVersion) ? "apiVersion" : "kind")} not set");
        }

        if (UnsupportedKinds.Contains(apiVersion, kind))
        {
            if (skipped is null)
            {
                throw new ManifestException($"error: {UnsupportedKinds.Message(kind)}, in {where}; --skip-unsupported runs the rest without it");
            }

            skipped($"warning: skipping {where}: {UnsupportedKinds.Message(kind)}");
            return null;
        }

        if (!Types.TryGetValue($"{apiVersion}/{kind}", out var type))
        {
            throw new ManifestException($"error: resource mapping not found for {where}: no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        }

        object wire;
        try
        {
            wire = KubernetesYaml.LoadAllFromString(text, new Dictionary<string, Type> { [$"{apiVersion}/{kind}"] = type })[0];
        }
        catch (YamlException e)
        {
            throw new ManifestException($"error: error parsing {source} (document {index + 1}, line {firstLine + e.Start.Line - 1}): {Describe(e)}");
        }

        try
        {
            return new ManifestDocument(source, index, line, WireToKernel.Map(wire));
        }
        catch (ManifestException e)
        {
            throw new ManifestException($"error: error validating {where}: {e.Message}");
        }
    }

    /// <summary>A YAML node written out as a document of its own.</summary>
    private static string Text(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The line of the last token the scanner read before it failed.</summary>
    private static long LastGoodLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        long line = 1;
        try
        {
            while (scanner.MoveNext())
            {
                line = scanner.Current!.End.Line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The failure point is what we are after.
        }

        return line;
    }

    /// <summary>Each document's text span and first line, from the parser's document start and end events.</summary>
    private static List<(int Start, int End, int Line)> DocumentRanges(string text)
    {
        var ranges = new List<(int, int, int)>();
        var parser = new Parser(new StringReader(text));
        var start = 0;
        var line = 1;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart documentStart:
                    start = (int)documentStart.Start.Index;
                    line = (int)documentStart.Start.Line;
                    break;
                case DocumentEnd documentEnd:
                    ranges.Add((start, (int)documentEnd.Start.Index, line));
                    break;
            }
        }

        return ranges;
    }

    private static string Describe(YamlException e)
    {
        var inner = Innermost(e);
        return inner.Message.Contains("quantities must match", StringComparison.Ordinal) || inner is FormatException
            ? $"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' ({inner.Message})"
            : inner == e ? e.Message : $"{e.Message}: {inner.Message}";
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
