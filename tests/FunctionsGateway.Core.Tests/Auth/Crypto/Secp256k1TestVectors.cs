namespace FunctionsGateway.Core.Tests.Auth.Crypto;

/// <summary>
/// RFC 6979 deterministic ECDSA over secp256k1 with SHA-256 of the message, low-s normalised: the fixtures
/// published with trezor-crypto and bitcoinjs-lib (private key, message, r, s), each also re-computed with
/// ethers 6 <c>SigningKey.sign</c>. Key → address pairs: ganache's documented <c>--wallet.deterministic</c>
/// accounts and the EIP-155 example key (https://eips.ethereum.org/EIPS/eip-155).
/// </summary>
public static class Secp256k1TestVectors
{
    public static TheoryData<string, string, string, string> Rfc6979 => new()
    {
        {
            "0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
            "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"
        },
        {
            "0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
            "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21"
        },
        {
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto",
            "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5"
        },
        {
            "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181", "Alan Turing",
            "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c", "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea"
        },
        {
            "0000000000000000000000000000000000000000000000000000000000000001", "Everything should be made as simple as possible, but not simpler.",
            "33a69cd2065432a30f3d1ce4eb0d59b8ab58c74f27c41a7fdb5696ad4e6108c9", "6f807982866f785d3f6418d24163ddae117b7db4d5fdf0071de069fa54342262"
        },
        {
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Equations are more important to me, because politics is for the present, but an equation is something for eternity.",
            "54c4a33c6423d689378f160a7ff8b61330444abb58fb470f96ea16d99d4a2fed", "07082304410efa6b2943111b6a4e0aaa7b7db55a07e9861d1fb3cb1f421044a5"
        },
        {
            "69ec59eaa1f4f2e36b639716b7c30ca86d9a5375c7b38d8918bd9c0ebc80ba64", "Computer science is no more about computers than astronomy is about telescopes.",
            "7186363571d65e084e7f02b0b77c3ec44fb1b257dee26274c38c928986fea45d", "0de0b38e06807e46bda1f1e293f4f6323e854c86d58abdd00c46c16441085df6"
        },
    };

    public static TheoryData<string, string> KeyToAddress => new()
    {
        { "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d", "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1" },
        { "6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1", "0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0" },
        { "6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c", "0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b" },
        { "4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F" },
    };
}
