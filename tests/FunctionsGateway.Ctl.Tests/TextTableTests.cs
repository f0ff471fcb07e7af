using System.Text.Json;

namespace FunctionsGateway.Ctl.Tests;

/// <summary><see cref="TextTable"/>: layouts that do not depend on the gateway.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void Write_RowsWithDifferentFields_ColumnsInOrderOfFirstAppearanceAndNestedAsJson()
    {
        using var output = new StringWriter();
        using var items = JsonDocument.Parse("""[{"a":1},{"b":true,"a":22,"c":{"d":1}}]""");

        TextTable.Write(output, items.RootElement);

        Assert.Equal(["a   b     c.d", "1", "22  true  1"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void WriteFields_Scalar_TheValueAlone()
    {
        using var output = new StringWriter();
        using var value = JsonDocument.Parse("\"just text\"");

        TextTable.WriteFields(output, value.RootElement);

        Assert.Equal("just text", output.ToString().Trim());
    }

    [Fact]
    public void WriteFields_ArrayOfObjects_KeptAsJson()
    {
        using var output = new StringWriter();
        using var value = JsonDocument.Parse("""{"origins":[{"a":1}]}""");

        TextTable.WriteFields(output, value.RootElement);

        Assert.Equal("""origins  [{"a":1}]""", output.ToString().Trim());
    }
}
