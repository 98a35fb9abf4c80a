using KubeKernel.Model;

namespace KubeKernel.Properties.Model;

public class IntOrStringTests
{
    [Theory]
    [InlineData("25%", 3, true, 1)]
    [InlineData("25%", 3, false, 0)]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("100%", 7, false, 7)]
    [InlineData("0%", 5, true, 0)]
    public void Percentages_scale_with_round_up_or_down(string percent, int total, bool roundUp, int expected)
    {
        Assert.True(IntOrString.FromString(percent).TryScale(total, roundUp, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Integers_are_taken_as_given()
    {
        Assert.True(IntOrString.FromInt(4).TryScale(100, false, out var value, out _));
        Assert.Equal(4, value);
    }

    [Fact]
    public void A_string_without_percent_sign_is_an_error()
    {
        Assert.False(IntOrString.FromString("25").TryScale(10, true, out _, out var error));
        Assert.Contains("not a percentage", error);
    }
}
