namespace FunctionsGateway.Core.Tests.Chains.Substrate;

/// <summary>Hashing, storage-key and address vectors.</summary>
public static class SubstrateTestVectors
{
    /// <summary>Alice's sr25519 public key (spec/cess.md §4.2).</summary>
    public const string Alice = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

    /// <summary>xxHash64: the official empty-input vector (Cyan4973/xxHash, spec/cess.md §4.4) and common reference values.</summary>
    public static TheoryData<string, ulong, ulong> XxHash64 => new()
    {
        { "", 0, 0xEF46DB3751D8E999 },
        { "a", 0, 0xD24EC4F1A98C6E5B },
        { "abc", 0, 0x44BC2CF5AD770999 },
    };

    /// <summary>Twox128 of pallet and item names (spec/cess.md §4.4, computed there by two implementations).</summary>
    public static TheoryData<string, string> Twox128 => new()
    {
        { "System", "26aa394eea5630e07c48ae0c9558cef7" },
        { "Account", "b99d880ec681799c0cf30e8886371da9" },
        { "Timestamp", "f0c365c3cf59d671eb72da0e7a4113c4" },
        { "Now", "9f1f0515f462cdcf84e0f1d6045dfcbb" },
        { "Balances", "c2261276cc9d1f8598ea4b6a74b15c2f" },
        { "TotalIssuance", "57c875e4cff74148e4628f264b974c80" },
        { "FileBank", "a3c62a50675125d74bc9f59e3f75adc9" },
        { "File", "303fb39244d274417d5edffffa903f8a" },
        { "DealMap", "7810ae48440077708636387b1304c723" },
        { "UserHoldFileList", "17f0e8dbd9ca076e7e83f2559063e067" },
        { "StorageHandler", "d594a5c1eaaed1896a72205f11d64700" },
        { "Territory", "3af49a9492056b7d0ff4b61962039138" },
        { "UnitPrice", "464608f06602a793c3e237f406d114f1" },
        { "Oss", "d73c407bc19d14499f837160c09a1b25" },
        { "AuthorityList", "7298582d9dec448738505f93ee0ae740" },
        { "Sminer", "eef51d8e841afa77e8c7349eaa7746f7" },
        { "MinerItems", "b2e25dfd1af730b06c3bbbf7f09259ae" },
        { "Babe", "1cb6f36e027abb2091cfb5110ab5087f" },
        { "CurrentSlot", "06155b3cd9a8c9e5e9a23fd5dc13a5ed" },
        { "", "99e9d85137db46ef4bbea33613baafd5" },
    };

    /// <summary>BLAKE2b: RFC 7693 Appendix A ("abc", 512 bits), the empty input at 256 bits, and Alice at 128 bits (spec/cess.md §4.4).</summary>
    public static TheoryData<string, int, string> Blake2b => new()
    {
        { "616263", 64, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923" },
        { "", 32, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8" },
        { Alice, 16, "de1e86a9a8c739864cf3cc5ec2bea59f" },
    };

    /// <summary>SS58 (spec/cess.md §4.4): Alice under 42 and CESS's 11330, the seed-0x03 ed25519 key, the DeOSS README account.</summary>
    public static TheoryData<string, ushort, string> Addresses => new()
    {
        { Alice, 42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" },
        { Alice, 11330, "cXjmuHdBk4J3Zyt2oGodwGegNFaTFPcfC48PZ9NMmcUFzF6cc" },
        { "ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", 11330, "cXkLnJSvizDSezZ9FSHZxDCtJMLBbavaH1Q2pwekW3UxVdiQ9" },
        { "dcacdb9398bfe8988f49c97817c0025dfa20a3945ee1b738dbd08365e6aa7d31", 11330, "cXjy16zpi3kFU6ThDHeTifpwHop4YjaF3EvYipTeJSbTjmayP" },
        { "189dac29296d31814dc8c56cf3d36a0543372bba7538fa322a4aebfebc39e056", 11330, "cXfXwD1VHHD8ZAaBE3sWCXfZvuVAAXNKXt3d27q3KtmUtFQ8p" },
    };

    /// <summary>Storage keys verified against the runtime in spec/cess.md §4.2.</summary>
    public const string SystemAccountAlice =
        "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

    public const string OssAuthorityList =
        "d73c407bc19d14499f837160c09a1b257298582d9dec448738505f93ee0ae740c929e7c3fbc09bfcd7d4ee69fa37396aed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1";

    public const string TerritoryTerr1 =
        "d594a5c1eaaed1896a72205f11d647003af49a9492056b7d0ff4b61962039138e6808f33fbec87975122804ac9ceda8e8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c57253bcc395efdfc36ea8c4f3777cc02147465727231";

    public const string SystemEvents = "26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";

    /// <summary>RFC 8032 §7.1 TEST 1–3: secret key, public key, message, signature.</summary>
    public static TheoryData<string, string, string, string> Ed25519 => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };
}
