using Verify = KubeKernel.Analyzers.Tests.AnalyzerVerifier<KubeKernel.Analyzers.UnorderedEnumerationAnalyzer>;

namespace KubeKernel.Analyzers.Tests.Rules;

/// <summary>KRN1002: enumerating hash-ordered collections before ordering them.</summary>
public class UnorderedEnumerationTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        """;

    [Theory]
    [InlineData("Dictionary<string, int> d", "foreach (var kv in {|KRN1002:d|}) { Use(kv.Key); }")]
    [InlineData("HashSet<string> s", "foreach (var x in {|KRN1002:s|}) { Use(x); }")]
    [InlineData("ImmutableHashSet<string> s", "foreach (var x in {|KRN1002:s|}) { Use(x); }")]
    [InlineData("ImmutableDictionary<string, int> d", "foreach (var (k, v) in {|KRN1002:d|}) { Use(k); }")]
    [InlineData("IReadOnlyDictionary<string, int> d", "foreach (var kv in {|KRN1002:d|}) { Use(kv.Key); }")]
    [InlineData("IReadOnlySet<string> s", "foreach (var x in {|KRN1002:s|}) { Use(x); }")]
    [InlineData("Dictionary<string, int> d", "foreach (var k in {|KRN1002:d|}.Keys) { Use(k); }")]
    [InlineData("IReadOnlyDictionary<string, int> d", "Use(string.Join(\",\", {|KRN1002:d|}.Keys.ToList()));")]
    [InlineData("HashSet<string> s", "Use(string.Join(\",\", {|KRN1002:s|}));")]
    [InlineData("HashSet<string> s", "var first = {|KRN1002:s|}.First(); Use(first);")]
    [InlineData("HashSet<string> s", "var list = {|KRN1002:s|}.Where(x => x.Length > 1).Select(x => x + \"!\").ToList(); Use(list[0]);")]
    [InlineData("HashSet<string> s", "var list = new List<string>({|KRN1002:s|}); Use(list[0]);")]
    [InlineData("HashSet<string> s", "string[] xs = [.. {|KRN1002:s|}]; Use(xs[0]);")]
    [InlineData("HashSet<string> s", "IEnumerable<string> later = {|KRN1002:s|}; Use(later);")]
    [InlineData("Dictionary<string, int> d", "var query = {|KRN1002:d|}.Where(kv => kv.Value > 0); Use(query);")]
    [InlineData("Dictionary<string, int> d", "var top = {|KRN1002:d|}.MaxBy(kv => kv.Value); Use(top.Key);")]
    [InlineData("Dictionary<string, double> d", "var total = {|KRN1002:d|}.Values.Sum(); Use(total);")]
    [InlineData("List<HashSet<string>> sets", "var all = sets.SelectMany(x => {|KRN1002:x|}).ToList(); Use(all);")]
    [InlineData("HashSet<string> s", "using var e = {|KRN1002:s|}.GetEnumerator(); Use(e.Current);")]
    public Task Enumerating_before_ordering_is_flagged(string parameter, string body) =>
        Verify.VerifyAsync($$"""
            {{Prelude}}
            class C
            {
                void M({{parameter}}) { {{body}} }
                static void Use(object? o) { }
            }
            """);

    [Theory]
    [InlineData("HashSet<string> s", "var list = s.Order(StringComparer.Ordinal).ToList(); Use(list);")]
    [InlineData("Dictionary<string, int> d", "foreach (var kv in d.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { Use(kv); }")]
    [InlineData("Dictionary<string, int> d", "var names = d.Where(kv => kv.Value > 0).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList(); Use(names);")]
    [InlineData("HashSet<string> s", "Use(s.Contains(\"a\") && s.Count > 1 && s.Any(x => x.Length > 2) && s.All(x => x != \"\"));")]
    [InlineData("Dictionary<string, int> d", "Use(d.TryGetValue(\"a\", out var v) ? v : d[\"b\"]);")]
    [InlineData("Dictionary<string, int> d", "Use(d.Values.Sum() + d.Values.Max() + d.Count(kv => kv.Value > 1));")]
    [InlineData("ImmutableHashSet<string> s", "Use(s.Union([\"a\"]).SetEquals(s) ? s.ToHashSet() : s.Remove(\"a\"));")]
    [InlineData("Dictionary<string, int> d", "var sorted = d.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal); foreach (var kv in sorted) { Use(kv); }")]
    [InlineData("HashSet<string> s", "var sorted = new SortedSet<string>(s, StringComparer.Ordinal); foreach (var x in sorted) { Use(x); }")]
    [InlineData("HashSet<string> s", "var keep = new List<string> { \"b\", \"a\" }.Except(s).ToList(); Use(keep);")]
    [InlineData("HashSet<string> s", "var keep = new List<string> { \"b\", \"a\" }.Where(x => !s.Contains(x)).ToList(); Use(keep);")]
    [InlineData("ImmutableSortedDictionary<string, int> d", "foreach (var kv in d) { Use(kv); }")]
    [InlineData("SortedSet<string> s", "Use(s.First());")]
    [InlineData("HashSet<string> s", "var copy = s.ToDictionary(x => x, x => x.Length); Use(copy.ContainsKey(\"a\"));")]
    [InlineData("List<string> xs", "var counts = xs.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()); Use(xs.Select(x => counts[x]).ToList());")]
    [InlineData("List<string> xs", "var groups = xs.GroupBy(x => x.Length).OrderBy(g => g.Key).Select(g => g.First()).ToList(); Use(groups);")]
    [InlineData("HashSet<string> s", "Use(Lookup(s));")]
    public Task Lookups_order_insensitive_use_and_ordered_enumeration_are_not_flagged(string parameter, string body) =>
        Verify.VerifyAsync($$"""
            {{Prelude}}
            class C
            {
                void M({{parameter}}) { {{body}} }
                static bool Lookup(HashSet<string> names) => names.Contains("a");
                static void Use(object? o) { }
            }
            """);

    [Fact]
    public Task Parameters_marked_OrderInsensitive_accept_unordered_sequences_and_others_do_not() => Verify.VerifyAsync($$"""
        {{Prelude}}
        [AttributeUsage(AttributeTargets.Parameter)]
        sealed class OrderInsensitiveAttribute : Attribute;

        static class Maps
        {
            public static ImmutableSortedDictionary<TKey, TValue> ToSortedMap<TKey, TValue>([OrderInsensitive] this IEnumerable<KeyValuePair<TKey, TValue>> pairs)
                where TKey : notnull => ImmutableSortedDictionary.CreateRange(pairs);

            public static List<T> ToOrderedList<T>(this IEnumerable<T> items) => [.. items];
        }

        class C
        {
            object Labels(Dictionary<string, string> labels) => labels.ToSortedMap();
            object Names(HashSet<string> names) => {|KRN1002:names|}.ToOrderedList();
        }
        """);

    [Fact]
    public Task An_ordered_map_that_implements_IReadOnlyDictionary_is_ordered_by_its_static_type() => Verify.VerifyAsync($$"""
        {{Prelude}}
        readonly struct OrderedMap : IReadOnlyDictionary<string, int>
        {
            private readonly ImmutableSortedDictionary<string, int> items;
            public OrderedMap(ImmutableSortedDictionary<string, int> items) => this.items = items;
            public int this[string key] => items[key];
            public IEnumerable<string> Keys => items.Keys;
            public IEnumerable<int> Values => items.Values;
            public int Count => items.Count;
            public bool ContainsKey(string key) => items.ContainsKey(key);
            public bool TryGetValue(string key, out int value) => items.TryGetValue(key, out value);
            public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => items.GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        class C
        {
            string First(OrderedMap labels) => labels.Select(kv => kv.Key).First() + labels.Keys.First();
        }
        """);
}
