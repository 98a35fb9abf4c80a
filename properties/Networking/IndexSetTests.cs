using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Networking;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Networking;

/// <summary>The allocator bitmap as merged runs: examples, and a model check against a plain set of indexes.</summary>
public class IndexSetTests
{
    [Fact]
    public void Runs_merge_when_they_touch_and_split_when_their_middle_goes()
    {
        var set = IndexSet.Empty.Add(0, 0).Add(1, 1).Add(3, 3);
        Assert.Equal("0-1 3", set.ToString());
        Assert.Equal(2, set.LowestFree(10));
        set = set.Add(2, 2);
        Assert.Equal("0-3", set.ToString());
        Assert.Equal(4, set.LowestFree(10));
        set = set.Remove(1, 2);
        Assert.Equal("0 3", set.ToString());
        Assert.Equal(1, set.LowestFree(10));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Nothing_is_free_in_a_full_range()
    {
        var set = IndexSet.Empty.Add(0, 255);
        Assert.Null(set.LowestFree(256));
        Assert.Equal(256, set.LowestFree(257));
        Assert.Equal(0, IndexSet.Empty.LowestFree(1));
        Assert.Null(IndexSet.Empty.LowestFree(0));
    }

    [Fact]
    public void Adding_what_is_there_and_removing_what_is_not_return_the_same_set()
    {
        var set = IndexSet.Empty.Add(5, 9);
        Assert.Same(set, set.Add(6, 8));
        Assert.Same(set, set.Remove(10, 20));
        Assert.Same(set, set.Remove(0, 4));
    }

    /// <summary>Random adds and removes of small ranges: membership, count, overlap and the lowest free index agree with a plain set.</summary>
    [Fact]
    public void Agrees_with_a_plain_set_of_indexes()
    {
        var op = from add in Gen.Elements(true, false)
                 from first in Gen.Choose(0, 40)
                 from length in Gen.Choose(1, 6)
                 select (add, (long)first, (long)(first + length - 1));
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Gen.ListOf(op)), ops =>
        {
            var set = IndexSet.Empty;
            var model = new SortedSet<long>();
            foreach (var (add, first, last) in ops)
            {
                set = add ? set.Add(first, last) : set.Remove(first, last);
                for (var i = first; i <= last; i++)
                {
                    if (add)
                    {
                        model.Add(i);
                    }
                    else
                    {
                        model.Remove(i);
                    }
                }

                Assert.Equal(model.Count, set.Count);
                for (var i = 0L; i < 50; i++)
                {
                    Assert.Equal(model.Contains(i), set.Contains(i));
                    Assert.Equal(model.Any(m => m >= i && m <= i + 3), set.Overlaps(i, i + 3));
                }

                var lowest = Enumerable.Range(0, 60).Select(i => (long)i).First(i => !model.Contains(i));
                Assert.Equal(lowest, set.LowestFree(60));
                Assert.True(set.RunCount <= Math.Max(1, model.Count), "runs never outnumber indexes");
            }

            return true;
        }));
    }
}
