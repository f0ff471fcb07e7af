namespace FunctionsGateway.Core.Tests.Auth.Crypto;

/// <summary>SIWE message texts and malformed variants.</summary>
public static class SiweMessageTestVectors
{
    /// <summary>MEMO's own <c>/challenge</c> output as its API document shows it (seed 001): no statement, two empty lines.</summary>
    public const string MemoChallenge =
        "memo.io wants you to sign in with your Ethereum account:\n0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42\n\n\nURI: http://memo.io\nVersion: 1\nChain ID: 985\nNonce: 12c2ad59e12abbe224cf86741c4bf00a21432fb2673b29a694b72062385f9b5d\nIssued At: 2023-04-23T07:36:10Z";

    /// <summary>The example message of EIP-4361 ("Example message", https://eips.ethereum.org/EIPS/eip-4361).</summary>
    public const string Eip4361Example =
        "service.org wants you to sign in with your Ethereum account:\n0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\nI accept the ServiceOrg Terms of Service: https://service.org/tos\n\nURI: https://service.org/login\nVersion: 1\nChain ID: 1\nNonce: 32891756\nIssued At: 2021-09-30T16:25:24Z\nResources:\n- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n- https://example.com/my-web2-claim.json";

    /// <summary>The Lens challenge of MEMO's API document (seed 001) after <c>/lens/login</c>'s trimming of "\n" and "\n ".</summary>
    public const string LensChallenge =
        "memo.io wants you to sign in with your Ethereum account:\n0x51632235cc673a788E02B30B9F16F7B1D300194C\n\nSign in with ethereum to lens\n\nURI: memo.io\nVersion: 1\nChain ID: 137\nNonce: bcb9b92754e2b900\nIssued At: 2023-03-14T07:26:05.501Z";

    /// <summary>Every optional field, in siwe-go's order.</summary>
    public const string AllFields =
        "localhost:8081 wants you to sign in with your Ethereum account:\n0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n\nThe message is only used for login\n\nURI: http://localhost:8081/login\nVersion: 1\nChain ID: 985\nNonce: abcdefgh12345678\nIssued At: 2023-04-23T07:36:10Z\nExpiration Time: 2023-04-23T07:41:10+08:00\nNot Before: 2023-04-23T07:36:10.123Z\nRequest ID: req-1_~!$&'()*+,;=:@%\nResources:\n- https://memo.io/a\n- ipfs://bafy";

    public static TheoryData<string> Valid => new() { MemoChallenge, Eip4361Example, LensChallenge, AllFields };

    /// <summary>Malformed messages and the line the parser must name.</summary>
    public static TheoryData<string, int> Malformed => new()
    {
        { MemoChallenge.Replace(" wants you to sign in", " wants to sign in", StringComparison.Ordinal), 1 },
        { MemoChallenge.Replace("memo.io wants", " wants", StringComparison.Ordinal)[1..], 1 },
        { MemoChallenge.Replace("0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42", "0xfd976f1f3dc6413da5fed05471eabb01f4faac42", StringComparison.Ordinal), 2 },
        { MemoChallenge.Replace("0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC42", "0xFD976F1F3dC6413Da5Fed05471eaBB01F4FaaC4", StringComparison.Ordinal), 2 },
        { MemoChallenge.Replace("\n\n\nURI", "\n\nURI", StringComparison.Ordinal), 4 },
        { MemoChallenge.Replace("\n\n\nURI", "\nstatement\n\nURI", StringComparison.Ordinal), 3 },
        { MemoChallenge.Replace("\n\n\nURI", "\n\nstatement\nURI", StringComparison.Ordinal), 5 },
        { MemoChallenge.Replace("URI: http://memo.io", "URI: ", StringComparison.Ordinal), 5 },
        { MemoChallenge.Replace("Version: 1", "Version: 2", StringComparison.Ordinal), 6 },
        { MemoChallenge.Replace("Chain ID: 985", "Chain ID: 0x3d9", StringComparison.Ordinal), 7 },
        { MemoChallenge.Replace("Chain ID: 985", "Chain ID: 99999999999999999999", StringComparison.Ordinal), 7 },
        { MemoChallenge.Replace("Nonce: 12c2ad59e12abbe224cf86741c4bf00a21432fb2673b29a694b72062385f9b5d", "Nonce: short", StringComparison.Ordinal), 8 },
        { MemoChallenge.Replace("Nonce: 12c2", "Nonce: 12-2", StringComparison.Ordinal), 8 },
        { MemoChallenge.Replace("2023-04-23T07:36:10Z", "2023-04-23 07:36:10Z", StringComparison.Ordinal), 9 },
        { MemoChallenge.Replace("2023-04-23T07:36:10Z", "2023-13-23T07:36:10Z", StringComparison.Ordinal), 9 },
        { MemoChallenge + "\n", 10 },
        { MemoChallenge + "\nNot Before: 2023-04-23T07:36:10Z\nExpiration Time: 2023-04-23T07:36:10Z", 11 },
        { MemoChallenge + "\nExpiration Time: tomorrow", 10 },
        { MemoChallenge + "\nRequest ID: a b", 10 },
        { MemoChallenge + "\nResources:", 10 },
        { MemoChallenge + "\nResources: - x", 10 },
        { MemoChallenge.Replace("Version: 1\n", string.Empty, StringComparison.Ordinal), 6 },
    };
}
