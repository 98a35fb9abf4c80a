using System.Collections;
using System.Globalization;
using System.Reflection;

namespace KubeKernel.Properties.Serving.Wire;

/// <summary>Names the first field where two kernel values differ, as a path like <c>Status.ContainerStatuses[0].State.StartedAt</c>.</summary>
/// <remarks>
/// Kernel records compare structurally, so a failed <c>==</c> says only that something differs; this walks the two values
/// the same way (declared properties first, then lists and maps item by item) to say what. Computed properties are
/// visited after the stored ones, so a difference is reported where it is stored.
/// </remarks>
public static class StructuralDiff
{
    /// <summary>The first differing field with both values, or null when the two values are equal.</summary>
    public static string? Find(object? expected, object? actual, string path = "")
    {
        if (Equals(expected, actual))
        {
            return null;
        }

        if (expected is null || actual is null || expected.GetType() != actual.GetType() || IsLeaf(expected.GetType()))
        {
            return $"{Name(path)}: expected {Show(expected)}, got {Show(actual)}";
        }

        if (expected is IEnumerable left && actual is IEnumerable right && expected is not string)
        {
            var a = left.Cast<object?>().ToList();
            var b = right.Cast<object?>().ToList();
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                if (Find(a[i], b[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return $"{Name(path)}: expected {a.Count} items, got {b.Count} ({Show(expected)} vs {Show(actual)})";
        }

        var properties = expected.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.CanWrite ? 0 : 1);
        foreach (var property in properties)
        {
            var inner = Find(property.GetValue(expected), property.GetValue(actual), path.Length == 0 ? property.Name : $"{path}.{property.Name}");
            if (inner is not null)
            {
                return inner;
            }
        }

        return $"{Name(path)}: not equal, though no field differs ({Show(expected)} vs {Show(actual)})";
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime);

    private static string Name(string path) => path.Length == 0 ? "the value" : path;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
