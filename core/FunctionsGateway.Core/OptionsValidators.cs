using FunctionsGateway.Core.Accounts;
using FunctionsGateway.Core.Chains.Cess;
using FunctionsGateway.Core.Chains.Substrate.Rpc;
using FunctionsGateway.Core.Storage;
using FunctionsGateway.Core.Storage.Backends;
using FunctionsGateway.Core.Storage.Backends.Mefs;
using FunctionsGateway.Core.Uploads;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core;

// Source-generated DataAnnotations validators: no reflection at start-up, AOT-friendly.

[OptionsValidator]
internal sealed partial class ContentOptionsValidator : IValidateOptions<Content.ContentOptions>;

[OptionsValidator]
internal sealed partial class StorageLayoutOptionsValidator : IValidateOptions<StorageLayoutOptions>;

[OptionsValidator]
internal sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>;

[OptionsValidator]
internal sealed partial class UploadOptionsValidator : IValidateOptions<UploadOptions>;

[OptionsValidator]
internal sealed partial class BackendOptionsValidator : IValidateOptions<BackendOptions>;

[OptionsValidator]
internal sealed partial class SubstrateRpcOptionsValidator : IValidateOptions<SubstrateRpcOptions>;

[OptionsValidator]
internal sealed partial class CessChainOptionsValidator : IValidateOptions<CessChainOptions>;

[OptionsValidator]
internal sealed partial class LargeUploadOptionsValidator : IValidateOptions<LargeUploadOptions>;

[OptionsValidator]
internal sealed partial class IpfsOptionsValidator : IValidateOptions<Storage.Ipfs.IpfsOptions>;

[OptionsValidator]
internal sealed partial class MefsOptionsValidator : IValidateOptions<MefsOptions>;

[OptionsValidator]
internal sealed partial class MemoOptionsValidator : IValidateOptions<Memo.MemoOptions>;

[OptionsValidator]
internal sealed partial class MemoJwtOptionsValidator : IValidateOptions<Memo.MemoJwtOptions>;

[OptionsValidator]
internal sealed partial class MemoLensOptionsValidator : IValidateOptions<Memo.MemoLensOptions>;

[OptionsValidator]
internal sealed partial class MemoStorageOptionsValidator : IValidateOptions<Memo.MemoStorageOptions>;

[OptionsValidator]
internal sealed partial class EthereumSignerOptionsValidator : IValidateOptions<Chains.Ethereum.EthereumSignerOptions>;

[OptionsValidator]
internal sealed partial class MemoChainOptionsValidator : IValidateOptions<Memo.Chain.MemoChainOptions>;

[OptionsValidator]
internal sealed partial class Gw3OptionsValidator : IValidateOptions<Gw3.Gw3Options>;

[OptionsValidator]
internal sealed partial class DecooOptionsValidator : IValidateOptions<Decoo.DecooOptions>;

[OptionsValidator]
internal sealed partial class PinOptionsValidator : IValidateOptions<Pins.PinOptions>;

[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<Accounts.Admission.RateLimitOptions>;

[OptionsValidator]
internal sealed partial class QuotaOptionsValidator : IValidateOptions<Accounts.Quotas.QuotaOptions>;

[OptionsValidator]
internal sealed partial class MailOptionsValidator : IValidateOptions<Mail.MailOptions>;

[OptionsValidator]
internal sealed partial class CessTokenOptionsValidator : IValidateOptions<CessGateway.CessTokenOptions>;

[OptionsValidator]
internal sealed partial class CessCaptchaOptionsValidator : IValidateOptions<CessGateway.CessCaptchaOptions>;

[OptionsValidator]
internal sealed partial class CessNetworkOptionsValidator : IValidateOptions<CessGateway.CessNetworkOptions>;

[OptionsValidator]
internal sealed partial class DeossOptionsValidator : IValidateOptions<Storage.Backends.Cess.DeossOptions>;
