namespace FunctionsGateway.Functions.Tests.Functions.Kubo;

/// <summary>
/// Kubo's <c>ipfs add</c> answers for small inputs, from spec/standards.md §4 (which cites
/// <c>ipfs/kubo:test/cli/add_test.go</c>, <c>test/sharness/t0040-add-and-cat.sh</c>, <c>core/commands/add.go</c>,
/// ipfs-shipyard/py-ipfs-http-client#293 and <c>ipfs/js-ipfs-unixfs:…/pb-field-order.spec.ts</c>). Sizes are the
/// cumulative DAG sizes Kubo prints: a dag-pb leaf is the data plus 8 bytes (6 for an empty file), a raw leaf the data.
/// </summary>
public static class KuboAddTestVectors
{
    /// <summary>Content, query, Hash, Size.</summary>
    public static TheoryData<string, string, string, string> SingleFiles => new()
    {
        { "hello world", "", "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD", "19" },
        { "hello world", "cid-version=1", "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", "11" },
        { "hello world", "cid-version=1&raw-leaves=false", "bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa", "19" },
        { "", "", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", "6" },
        { "", "cid-version=1", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", "0" },
        { "", "cid-version=1&raw-leaves=false", "bafybeif7ztnhq65lumvvtr4ekcwd2ifwgm3awq4zfr3srh462rwyinlb4y", "6" },
        { "Hello Worlds!\n", "chunker=size-32", "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH", "22" },
        { "Hello Neptune!\nHello Pluton!", "chunker=size-64&max-file-links=2", "QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3", "36" },
        { "hello\n", "cid-version=1&raw-leaves=true", "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am", "6" },
    };

    /// <summary>File name, content, query, file Hash, wrapping directory Hash.</summary>
    public static TheoryData<string, string, string, string, string> WrappedFiles => new()
    {
        { "example.jpg", "", "cid-version=0", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", "QmaG4FuMqEBnQNn3C8XJ5bpW8kLs7zq2ZXgHptJHbKDDVx" },
        { "hello.txt", "hello\n", "cid-version=1", "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am", "bafybeigdcg7pksx2zk5336vrfsktjodlr4rbfz37qr3koc5xboxe5ekv24" },
    };
}
