namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

/// <summary>Known answers for the sr25519 stack.</summary>
public static class Sr25519TestVectors
{
    /// <summary>
    /// Merlin transcripts: merlin's own tests (dalek-cryptography/merlin <c>src/transcript.rs</c>,
    /// <c>equivalence_simple</c>; the complex one as in its Go ports' <c>TestComplexTranscript</c>).
    /// </summary>
    public const string SimpleTranscriptChallenge = "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615";

    public const string ComplexTranscriptChallenge = "a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c";

    /// <summary>RFC 9496 Appendix A.1: encodings of B·i for i = 0..15.</summary>
    public static TheoryData<int, string> GeneratorMultiples => new()
    {
        { 0, "0000000000000000000000000000000000000000000000000000000000000000" },
        { 1, "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76" },
        { 2, "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919" },
        { 3, "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259" },
        { 4, "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57" },
        { 5, "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e" },
        { 6, "f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403" },
        { 7, "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d" },
        { 8, "903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c" },
        { 9, "02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031" },
        { 10, "20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f" },
        { 11, "bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42" },
        { 12, "e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460" },
        { 13, "aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f" },
        { 14, "46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e" },
        { 15, "e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e" },
    };

    /// <summary>
    /// Encodings DECODE must reject (RFC 9496 Appendix A.2 kinds: non-canonical field elements, negative
    /// field elements), plus the Ed25519 base point's bytes, which are no ristretto255 encoding.
    /// </summary>
    public static TheoryData<string> BadEncodings => new()
    {
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // 2^255 - 1
        "f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 6
        "0000000000000000000000000000000000000000000000000000000000000080", // top bit set
        "0100000000000000000000000000000000000000000000000000000000000000", // 1 is negative
        "01ff000000000000000000000000000000000000000000000000000000000000", // odd
        "5866666666666666666666666666666666666666666666666666666666666666",
    };

    /// <summary>
    /// Public keys of mini-secrets expanded in Ed25519 mode: spec/cess.md §4.4 (computed there with
    /// @polkadot/util-crypto 14.0.3 and an independent port). The dev phrase's mini-secret is
    /// substrate-bip39's PBKDF2 over its entropy.
    /// </summary>
    public static TheoryData<string, string> MiniSecretPublicKeys => new()
    {
        { "0101010101010101010101010101010101010101010101010101010101010101", "189dac29296d31814dc8c56cf3d36a0543372bba7538fa322a4aebfebc39e056" },
        { "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e", "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a" },
    };

    /// <summary>The dev phrase's mini-secret (spec/cess.md §4.4).</summary>
    public const string DevPhraseMiniSecret = "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";

    /// <summary>
    /// Substrate's well-known dev accounts <c>//Alice</c> and <c>//Bob</c> (sp-keyring <c>Sr25519Keyring</c>;
    /// Alice's account also in spec/cess.md §4.2 and §4.4).
    /// </summary>
    public static TheoryData<string, string> DevAccounts => new()
    {
        { "Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d" },
        { "Bob", "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48" },
    };

    /// <summary>
    /// A signature made by @polkadot/util-crypto's <c>sr25519Sign</c> with mini-secret 0x01×32 over the
    /// UTF-8 message "1761999999" (spec/cess.md §4.4).
    /// </summary>
    public const string PolkadotSignature =
        "88f8c598e2010c4aa587a31c150bff588392542c0859e6ebf7c4681b7587125f6ad4211dcd465cbee5cc94792e9b65d13f471887d33b6aabf923d77a1d426e8d";

    public const string PolkadotSignatureMessage = "1761999999";

    public const string PolkadotSignaturePublicKey = "189dac29296d31814dc8c56cf3d36a0543372bba7538fa322a4aebfebc39e056";
}
