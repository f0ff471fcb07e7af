using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using FunctionsGateway.Core.Auth.Crypto;

namespace FunctionsGateway.Core.Memo.Chain;

/// <summary>
/// The contracts and the wallet behind MEMO's chain routes (compat §2.4–§2.7), section <c>Gateway:Memo:Chain</c>;
/// the node itself is <c>Gateway:Ethereum:Endpoint</c> and the seller's wallet <c>Gateway:Ethereum:SignerPrivateKey</c> (<see cref="Chains.Ethereum.EthereumSignerOptions"/>). Every setting is optional: a route whose contract is not
/// set answers 523 ConfigError naming the setting, which is the development default (no chain at all).
/// </summary>
public sealed class MemoChainOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Memo:Chain";

    private const string AddressPattern = "^(0x[0-9a-fA-F]{40})?$";
    private const string AddressMessage = " must be an address, 0x and 40 hex digits.";

    /// <summary>The ERC-20 payment token (<c>balanceOf</c>, <c>approve</c>, <c>allowance</c>).</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:TokenContract" + AddressMessage)]
    public string TokenContract { get; set; } = "";

    /// <summary>The SIWE-era package contract behind <c>/account/*</c> (the original's default was <c>0x2A0B376CC39eB2019e43207d00ee2c34878ca36D</c> on its own chain).</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:PackageStore" + AddressMessage)]
    public string PackageStore { get; set; } = "";

    /// <summary>The DID-era <c>Proxy</c> (prices, pay info, buy, cash).</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:Proxy" + AddressMessage)]
    public string Proxy { get; set; } = "";

    /// <summary>The StorePay contract: the spender of <c>/approve?type=store</c> and the pay address of space vouchers.</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:StorePay" + AddressMessage)]
    public string StorePay { get; set; } = "";

    /// <summary>The ReadPay contract: the spender of <c>/approve?type=read</c> and the pay address of traffic vouchers.</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:ReadPay" + AddressMessage)]
    public string ReadPay { get; set; } = "";

    /// <summary>The memo DID registry: a DID's authentication keys and master key.</summary>
    [RegularExpression(AddressPattern, ErrorMessage = "Gateway:Memo:Chain:DidRegistry" + AddressMessage)]
    public string DidRegistry { get; set; } = "";

    /// <summary>How long <c>/account/buypkg</c> waits for its transaction to be mined. Default 60 s.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MemoOptions.SourceGenerated)]
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Gateway:Memo:Chain:ReceiptTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(TokenContract), TokenContract), (nameof(PackageStore), PackageStore), (nameof(Proxy), Proxy),
                     (nameof(StorePay), StorePay), (nameof(ReadPay), ReadPay), (nameof(DidRegistry), DidRegistry),
                 })
        {
            if (value.Length > 0 && !EthereumAddress.TryParse(value, out _))
            {
                yield return new ValidationResult($"{SectionName}:{name} has mixed case but not a valid EIP-55 checksum.", [name]);
            }
        }

    }

    /// <summary>The address of a setting, or a 523 naming it when it is empty.</summary>
    internal static EthereumAddress Require(string value, string name) =>
        string.IsNullOrEmpty(value) ? throw MemoException.NotConfigured(SectionName + ":" + name) : EthereumAddress.Parse(value);
}
