using FunctionsGateway.Core.CessGateway;

namespace FunctionsGateway.Core.Tests.CessGateway;

/// <summary>The original's pagination of <c>GET /files</c>, quirks included (compat.md §1.8).</summary>
public sealed class CessFileServiceTests
{
    public static TheoryData<int, int, int, int[]> Pages => new()
    {
        // items, size, page → the indices returned
        { 5, 0, 0, [0, 1, 2, 3, 4] },                       // size ≥ count: all
        { 40, 0, 0, Enumerable.Range(10, 30).ToArray() },    // default size 30, page 0: the last 30
        { 40, 5, 0, [35, 36, 37, 38, 39] },                  // page 0: the last `size`
        { 40, 5, 1, [0, 1, 2, 3, 4] },
        { 40, 5, 2, [30, 31, 32, 33, 34] },                  // the stride is a fixed 30, whatever the size
        { 40, 20, 2, Enumerable.Range(30, 10).ToArray() },   // start + size ≥ count: to the end
        { 40, 5, 3, Enumerable.Range(10, 30).ToArray() },    // start past the end: the last 30
        { 20, 5, 3, Enumerable.Range(0, 20).ToArray() },     // … or everything when ≤ 30
        { 40, -3, -1, Enumerable.Range(10, 30).ToArray() },  // values ≤ 0 are ignored
        { 1500, 5000, 0, Enumerable.Range(500, 1000).ToArray() }, // size at most 1000
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Paginate_SizeAndPage_AsTheOriginal(int count, int size, int page, int[] expected)
    {
        var items = Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = CessFileService.Paginate(items, size, page);

        Assert.Equal(expected.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), result);
    }
}
