using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Chains.Ethereum.Rpc;

/// <summary>Validates <see cref="EthereumRpcOptions"/> at start-up (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class EthereumRpcOptionsValidator : IValidateOptions<EthereumRpcOptions>
{
}
