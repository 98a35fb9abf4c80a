using KubeKernel.Model;

namespace KubeKernel.Properties.Model;

public class QuantityTests
{
    [Theory]
    [InlineData("100m", 100, "100m")]
    [InlineData("0.5", 500, "500m")]
    [InlineData("1", 1000, "1")]
    [InlineData("1e3", 1_000_000, "1e3")]
    [InlineData("2k", 2_000_000, "2k")]
    [InlineData("128Mi", 134_217_728_000, "128Mi")]
    [InlineData("1Gi", 1_073_741_824_000, "1Gi")]
    [InlineData("1.5Gi", 1_610_612_736_000, "1536Mi")]
    [InlineData("0.0001", 1, "1m")]
    public void Kubernetes_quantity_strings_parse_to_exact_milli_values_and_print_canonically(string text, long milli, string canonical)
    {
        Assert.True(Quantity.TryParse(text, out var q, out var error), error);
        Assert.Equal(milli, q.MilliValue);
        Assert.Equal(canonical, q.ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("10Xi")]
    [InlineData("Mi")]
    [InlineData("1e")]
    public void Malformed_quantities_are_rejected_with_the_Kubernetes_message(string text)
    {
        Assert.False(Quantity.TryParse(text, out _, out var error));
        Assert.Equal(Quantity.FormatError, error);
    }

    [Fact]
    public void Binary_and_decimal_units_differ()
    {
        Assert.Equal(1024, Quantity.Parse("1Ki").Value);
        Assert.Equal(1000, Quantity.Parse("1k").Value);
    }

    [Fact]
    public void Values_round_up_to_whole_units_as_Value_does()
    {
        Assert.Equal(1, Quantity.Parse("100m").Value);
        Assert.Equal(2, Quantity.Parse("1500m").Value);
    }
}
