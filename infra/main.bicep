// FunctionsGateway on Azure: one complete environment in one resource group.
//
//   user-assigned identity ──roles──▶ storage account (host storage, deployment package, gateway data)
//            │                        Key Vault (every secret the gateway reads)
//            │                        Application Insights (+ Log Analytics)
//            ▼
//   Flex Consumption function app, runtime 'custom': the handler package (host.json, function folders, executable)
//
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam (see infra/README.md).
// The infra test (tests/FunctionsGateway.Functions.Tests/Infra) reads these files as text; the conventions it
// relies on are listed in infra/README.md ("What the infra test checks"): keep app settings as object keys.
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Environment

@description('Short environment name (dev, test, prod, …): 2–8 lowercase letters and digits, part of every resource name.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of every resource. Default: the resource group\'s. Flex Consumption is not in every region.')
param location string = resourceGroup().location

@description('Tags added to every resource.')
param tags object = {}

// ---------------------------------------------------------------------------------------------------------------
// Hosting

@description('Memory of one instance in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to (Flex Consumption allows up to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Origins allowed to call the gateway and Blob SAS URLs from a browser, e.g. [\'https://app.example.com\']. Default: none.')
param corsAllowedOrigins array = []

// ---------------------------------------------------------------------------------------------------------------
// Storage

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Prefix of every container, table and queue name (Gateway__Storage__ResourcePrefix): lowercase letters and digits, starting with a letter, at most 16. Default: none.')
@maxLength(16)
param resourcePrefix string = ''

@description('Days after which a blob left in the staging container (a failed push, an abandoned upload) is deleted.')
@minValue(1)
param stagingRetentionDays int = 7

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection. Recommended for production; once on it cannot be turned off.')
param enableKeyVaultPurgeProtection bool = true

// ---------------------------------------------------------------------------------------------------------------
// Backends

@description('Backend of uploads that do not name one (Gateway__Backend__Default). \'local\' keeps content in the storage account.')
param defaultBackend string = 'local'

@description('Kubo RPC API URL of the IPFS backend (Gateway__Ipfs__ApiUrl), e.g. https://ipfs.example.com:5001. Empty: no IPFS backend.')
param ipfsApiUrl string = ''

@description('URL of MEFS\'s S3 gateway for the mefs backend (Gateway__Mefs__Endpoint), e.g. https://mefs-gw.example.com:7000. Empty: no MEFS backend.')
param mefsEndpoint string = ''

// ---------------------------------------------------------------------------------------------------------------
// Tuning: every other setting the handler reads (README "Settings"). Each is optional; one left out keeps the
// handler's default. Values are strings, as app settings are.

@description('Optional handler settings; leave one out to keep its default.')
type gatewaySettingsType = {
  @description('Retries of a failed storage request (default 3).')
  Gateway__Storage__MaxRetries: string?

  @description('First retry delay, exponential (default 00:00:00.5).')
  Gateway__Storage__RetryDelay: string?

  @description('Time limit of one storage request (default 00:01:40).')
  Gateway__Storage__NetworkTimeout: string?

  @description('Bytes per staged block, 65536–104857600 (default 4194304).')
  Gateway__Uploads__BlockSizeBytes: string?

  @description('Largest upload in bytes (default 10737418240).')
  Gateway__Uploads__MaxFileBytes: string?

  @description('Push attempts before a file is failed and poisoned (default 5).')
  Gateway__Uploads__PushMaxAttempts: string?

  @description('First delay between push attempts (default 00:00:05).')
  Gateway__Uploads__PushBaseDelay: string?

  @description('Longest delay between push attempts (default 00:05:00).')
  Gateway__Uploads__PushMaxDelay: string?

  @description('How long a push being processed stays hidden from other workers (default 00:10:00).')
  Gateway__Uploads__PushVisibilityTimeout: string?

  @description('Auto (default: the Functions host delivers pushes), On or Off.')
  Gateway__Uploads__PushWorker: string?

  @description('Poll interval of the hosted push worker when it runs (default 00:00:01).')
  Gateway__Uploads__PushPollInterval: string?

  @description('How upload CIDs are computed: unixfs-v0-2015 (default), unixfs-v1-2025 or a profile spec.')
  Gateway__Content__CidProfile: string?

  @description('Blocks the local backend writes at once, 1–64 (default 8).')
  Gateway__Content__BlockWriteParallelism: string?

  @description('Body limit of routes that do not upload files, in bytes (default 1048576).')
  Gateway__Http__MaxRequestBodyBytes: string?

  @description('How long a tus upload may take from creation (default 1.00:00:00).')
  Gateway__LargeUploads__UploadExpiry: string?

  @description('Lifetime of the SAS URL of a direct-to-blob upload (default 01:00:00).')
  Gateway__LargeUploads__SasLifetime: string?

  @description('Longest a tus PATCH reads before it answers the offset it reached (default 00:04:00).')
  Gateway__LargeUploads__TusPatchTimeLimit: string?

  @description('Time limit of an IPFS node call without a file body (default 00:01:40).')
  Gateway__Ipfs__RequestTimeout: string?

  @description('Time limit of an add or dag/import to the IPFS node (default 01:00:00).')
  Gateway__Ipfs__UploadTimeout: string?

  @description('Retries when the IPFS node does not answer (default 3).')
  Gateway__Ipfs__MaxRetries: string?

  @description('First retry delay towards the IPFS node, exponential (default 00:00:00.5).')
  Gateway__Ipfs__RetryDelay: string?

  @description('A multiaddr of this gateway\'s IPFS node ending in /p2p/<peer id>, answered as PinStatus.delegates by /psa (which answers 503 until one is set). Up to 20: __0, __1, …')
  Gateway__Pins__Delegates__0: string?

  @description('Second delegate multiaddr (optional).')
  Gateway__Pins__Delegates__1: string?

  @description('How long after its creation a pin whose content cannot be found is retried before it fails (default 1.00:00:00).')
  Gateway__Pins__FetchDeadline: string?

  @description('How long one pin attempt may wait for the IPFS node (default 00:02:00).')
  Gateway__Pins__AttemptTimeout: string?

  @description('First delay between pin attempts, doubling (default 00:00:10).')
  Gateway__Pins__RetryBaseDelay: string?

  @description('Longest delay between pin attempts (default 00:10:00).')
  Gateway__Pins__RetryMaxDelay: string?

  @description('How long a pin job being processed stays hidden from other workers (default 00:10:00).')
  Gateway__Pins__VisibilityTimeout: string?

  @description('Auto (default: the Functions host delivers pin jobs), On or Off.')
  Gateway__Pins__Worker: string?

  @description('Poll interval of the hosted pin worker when it runs (default 00:00:01).')
  Gateway__Pins__PollInterval: string?

  @description('Rate-limit window per identity and route (default 00:01:00).')
  Gateway__RateLimits__Window: string?

  @description('Requests per window of a route no other limit names; 0 = unlimited (default 0).')
  Gateway__RateLimits__DefaultLimit: string?

  @description('Requests per window of each /psa route (default 180).')
  Gateway__RateLimits__Limits__psa: string?

  @description('Requests per window of GET /psa/pins (default 30).')
  Gateway__RateLimits__Limits__PsaListPins: string?

  @description('Requests per window of each /cess route, per identity or, for login and captcha, per client address; 0 = unlimited (default: DefaultLimit).')
  Gateway__RateLimits__Limits__cess: string?

  @description('Requests per window of each /memo route, per identity or, for the login routes, per client address (default: DefaultLimit).')
  Gateway__RateLimits__Limits__memo: string?

  @description('Requests per window of each /gw3 route, per identity or, for signed upload URLs, per client address (default: DefaultLimit).')
  Gateway__RateLimits__Limits__gw3: string?

  @description('Meter usage per identity and enforce the quotas operators set (default true).')
  Gateway__Quotas__Enabled: string?

  @description('Period after which ingress, egress and request counts start again: Month (default), Day or Never.')
  Gateway__Quotas__Period: string?

  @description('Region MEFS requests are signed for (default us-east-1).')
  Gateway__Mefs__Region: string?

  @description('Path-style S3 addressing towards MEFS (default true).')
  Gateway__Mefs__ForcePathStyle: string?

  @description('Time limit of one S3 request to MEFS (default 00:05:00).')
  Gateway__Mefs__RequestTimeout: string?

  @description('Retries of a failed S3 request to MEFS (default 2).')
  Gateway__Mefs__MaxRetries: string?

  @description('Files up to this size go to MEFS in one PutObject, larger ones in parts of this size (default 16777216).')
  Gateway__Mefs__PartSizeBytes: string?

  @description('Identity handle scheme holding the Ethereum address that names an owner\'s MEFS bucket (default memo).')
  Gateway__Mefs__AddressHandleScheme: string?

  @description('Prefix of the MEFS bucket of owners without such an address (default fg-).')
  Gateway__Mefs__BucketPrefix: string?

  @description('OTLP collector of traces, metrics and logs (OpenTelemetry), e.g. http://collector:4317. Default: none (export off).')
  Gateway__Telemetry__OtlpEndpoint: string?

  @description('OTLP transport: Grpc or HttpProtobuf (default Grpc).')
  Gateway__Telemetry__OtlpProtocol: string?

  @description('service.name of the exported telemetry (default functions-gateway).')
  Gateway__Telemetry__ServiceName: string?

  @description('How far a Gateway3 request\'s ts may be from the clock, either way (default 00:05:00).')
  Gateway__Gw3__TimestampWindow: string?

  @description('Validity of a Gateway3 two-step write\'s upload URL (default 00:10:00).')
  Gateway__Gw3__UploadUrlLifetime: string?

  @description('Base URL of Gateway3 upload URLs, e.g. https://gw.example.com (default: the request\'s scheme and host).')
  Gateway__Gw3__PublicBaseUrl: string?

  @description('How long an instance may reuse a Gateway3 access key\'s row; a revoked key works that long (default 00:00:00).')
  Gateway__Gw3__CredentialCacheDuration: string?

  @description('Validity of a Decoo access token from /decoo/oauth/accessToken (default 02:00:00).')
  Gateway__Decoo__AccessTokenLifetime: string?

  @description('Name of this gateway as the first entry of /decoo/endpoint/list (default FunctionsGateway).')
  Gateway__Decoo__EndpointName: string?

  @description('apiHost of this gateway in /decoo/endpoint/list, e.g. https://gw.example.com/decoo (default: the request\'s scheme and host + /decoo).')
  Gateway__Decoo__PublicBaseUrl: string?

  @description('Name of a further endpoint listed by /decoo/endpoint/list (id 2; __1__ for id 3, …).')
  Gateway__Decoo__Endpoints__0__Name: string?

  @description('Base URL of that endpoint, e.g. https://api-hk.decoo.io.')
  Gateway__Decoo__Endpoints__0__ApiHost: string?

  @description('Ethereum JSON-RPC URL of the MEMO surface\'s chain; empty: chain routes answer as unconfigured.')
  Gateway__Ethereum__Endpoint: string?

  @description('Time limit of one Ethereum RPC call.')
  Gateway__Ethereum__RequestTimeout: string?

  @description('Retries of an Ethereum RPC call that got no answer (never for eth_sendRawTransaction).')
  Gateway__Ethereum__MaxRetries: string?

  @description('First retry delay of the Ethereum RPC client.')
  Gateway__Ethereum__RetryDelay: string?

  @description('How often a receipt is polled while a transaction is awaited.')
  Gateway__Ethereum__ReceiptPollInterval: string?

  @description('MEMO service domain: the JWTs\' aud and iss, the domain of Lens messages and SIWE challenges (default memo.io).')
  Gateway__Memo__Domain: string?

  @description('Further SIWE domains (Origin host[:port]) /memo/challenge serves; * for any. Empty: only the domain.')
  Gateway__Memo__AllowedDomains__0: string?

  @description('Chain ids a SIWE message may name; the first is the default of /memo/challenge (default 985).')
  Gateway__Memo__ChainIds__0: string?

  @description('How long a SIWE nonce may be used (default 00:00:30).')
  Gateway__Memo__NonceLifetime: string?

  @description('How old a DID login\'s timestamp may be (default 00:01:00).')
  Gateway__Memo__DidLoginWindow: string?

  @description('Clock skew allowed for DID login timestamps, SIWE Not Before, Lens Issued At and token iat (default 00:00:30).')
  Gateway__Memo__ClockSkew: string?

  @description('Lifetime of MEMO access tokens (default 00:15:00).')
  Gateway__Memo__AccessTokenLifetime: string?

  @description('Lifetime of MEMO refresh tokens (default 7.00:00:00).')
  Gateway__Memo__RefreshTokenLifetime: string?

  @description('Ask the Lens API whether a /memo/lens/login address has a profile (true/false, default false).')
  Gateway__Memo__Lens__CheckRegistered: string?

  @description('Lens GraphQL endpoint (default https://api.lens.dev).')
  Gateway__Memo__Lens__ApiUrl: string?

  @description('Time limit of one Lens API request (default 00:00:10).')
  Gateway__Memo__Lens__Timeout: string?

  @description('Backend serving /memo/mefs/ (default mefs).')
  Gateway__Memo__Storage__Mefs: string?

  @description('Backend serving /memo/ipfs/ (default ipfs).')
  Gateway__Memo__Storage__Ipfs: string?

  @description('Backend used when the one named for a MEMO storage type is not configured; empty (default): 518.')
  Gateway__Memo__Storage__Fallback: string?

  @description('MEMO ERC-20 payment token address; empty: the routes that need it answer 523.')
  Gateway__Memo__Chain__TokenContract: string?

  @description('MEMO package store contract (/memo/account/*); empty: 523.')
  Gateway__Memo__Chain__PackageStore: string?

  @description('MEMO Proxy contract (space/traffic pay info, buy, cash); empty: 523.')
  Gateway__Memo__Chain__Proxy: string?

  @description('MEMO StorePay contract (space vouchers, approve type=store); empty: 523.')
  Gateway__Memo__Chain__StorePay: string?

  @description('MEMO ReadPay contract (traffic vouchers, approve type=read); empty: 523.')
  Gateway__Memo__Chain__ReadPay: string?

  @description('Memo DID registry contract (DID logins); empty: DID logins answer 523.')
  Gateway__Memo__Chain__DidRegistry: string?

  @description('How long /memo/account/buypkg waits for its transaction (default 00:01:00).')
  Gateway__Memo__Chain__ReceiptTimeout: string?

  @description('WebSocket RPC URL of a CESS node (wss://…); empty: no CESS chain.')
  Gateway__Cess__Rpc__Endpoint: string?

  @description('Seconds to open the CESS RPC connection.')
  Gateway__Cess__Rpc__ConnectTimeoutSeconds: string?

  @description('Seconds one CESS RPC request may take.')
  Gateway__Cess__Rpc__RequestTimeoutSeconds: string?

  @description('Largest CESS RPC message in bytes.')
  Gateway__Cess__Rpc__MaxMessageBytes: string?

  @description('Retries of a CESS RPC read that got no answer (submissions are never retried).')
  Gateway__Cess__Rpc__MaxRetries: string?

  @description('First retry delay of the CESS RPC client, in milliseconds.')
  Gateway__Cess__Rpc__RetryDelayMilliseconds: string?

  @description('Blocks a CESS extrinsic stays valid (mortal era period, default 64).')
  Gateway__Cess__Chain__EraPeriod: string?

  @description('Seconds to wait for a CESS extrinsic to be included (default 120).')
  Gateway__Cess__Chain__InclusionTimeoutSeconds: string?

  @description('SS58 prefix of CESS addresses (default 11330).')
  Gateway__Cess__Chain__Ss58Prefix: string?

  @description('Wait for finality rather than inclusion (true/false).')
  Gateway__Cess__Chain__WaitForFinalization: string?

  @description('Territory of the gateway account that CESS uploads go into and /ops/cess/space manages; needed with the chain.')
  Gateway__Cess__Territory: string?

  @description('DeOSS gateway URL (https://…); empty: no cess backend, CESS uploads stay with the local backend.')
  Gateway__Cess__Deoss__Endpoint: string?

  @description('How far ahead the Message signed for DeOSS expires (default 00:05:00).')
  Gateway__Cess__Deoss__MessageLifetime: string?

  @description('Time limit of one DeOSS request (default 00:30:00).')
  Gateway__Cess__Deoss__Timeout: string?

  @description('Wrong captchas after which a CESS captcha is void until it expires (default 5).')
  Gateway__Cess__Captcha__MaxAttempts: string?

  @description('Generate the CESS token key in Blob storage when none is configured (default false outside Development).')
  Gateway__Cess__Token__GenerateKeyIfMissing: string?

  @description('Revoke a CESS token when a refresh replaces it (default true).')
  Gateway__Cess__Token__RevokeReplaced: string?

  @description('Mail sender: Outbox (development), Smtp or SendGrid.')
  Gateway__Mail__Sender: string?

  @description('Sender address of the gateway\'s mails.')
  Gateway__Mail__From: string?

  @description('Sender name of the gateway\'s mails (default CESS).')
  Gateway__Mail__FromName: string?

  @description('SMTP server host name.')
  Gateway__Mail__Smtp__Host: string?

  @description('SMTP server port (default 587).')
  Gateway__Mail__Smtp__Port: string?

  @description('SMTP security: Auto, StartTls, Tls or None.')
  Gateway__Mail__Smtp__Security: string?

  @description('SMTP login.')
  Gateway__Mail__Smtp__UserName: string?

  @description('Time limit of one SMTP conversation (default 00:00:30).')
  Gateway__Mail__Smtp__Timeout: string?

  @description('SendGrid API base URL (default https://api.sendgrid.com).')
  Gateway__Mail__SendGrid__BaseUrl: string?

  @description('Time limit of one SendGrid request (default 00:00:30).')
  Gateway__Mail__SendGrid__Timeout: string?
}

param gatewaySettings gatewaySettingsType = {}

// ---------------------------------------------------------------------------------------------------------------
// Secrets. Each goes to Key Vault and reaches the app as a Key Vault reference; none is ever an app setting value.
// Set them from environment variables in main.bicepparam, never in a file. Empty ones are left out (the surface
// that needs one answers as its original does when the service is not configured).

@secure()
@minLength(16)
@description('The operator API key (Gateway__Operator__Key), at least 16 characters.')
param operatorKey string

@secure()
@description('HS256 key of the MEMO surface\'s JWTs (Gateway__Memo__JwtSigningKey). Empty until that surface is deployed.')
param memoJwtSigningKey string = ''

@secure()
@description('Base64 of 32 random bytes sealing the Decoo API keys\' secrets (Gateway__Decoo__SecretKey). Empty: derived from the operator key.')
param decooSecretKey string = ''

@secure()
@description('Base64 of 32 random bytes sealing Gateway3 access secrets and signing upload URLs (Gateway__Gw3__SecretKey). Empty: derived from the operator key.')
param gw3SecretKey string = ''

@secure()
@description('PEM RSA private key of the CESS surface\'s tokens (Gateway__Cess__Token__PrivateKey). Empty until that surface is deployed.')
param cessTokenRsaPrivateKey string = ''

@secure()
@description('sr25519 mini-secret (64 hex digits) of the CESS gateway account that signs chain transactions and DeOSS requests (Gateway__Cess__AccountSeed). Empty: no CESS.')
param cessChainSignerSeed string = ''

@secure()
@description('Private key of the account that signs Ethereum transactions for MEMO (Gateway__Ethereum__SignerPrivateKey). Empty: no chain writes.')
param ethereumSignerPrivateKey string = ''

@secure()
@description('SendGrid API key for captcha and notification mail (Gateway__Mail__SendGrid__ApiKey). Empty: no SendGrid.')
param sendGridApiKey string = ''

@secure()
@description('Password of the SMTP login (Gateway__Mail__Smtp__Password). Empty: none.')
param smtpPassword string = ''

@secure()
@description('Access key of the gateway at MEFS\'s S3 gateway (Gateway__Mefs__AccessKey), kept in Key Vault with its secret key. Empty: none.')
param mefsAccessKey string = ''

@secure()
@description('Secret key of the gateway at MEFS\'s S3 gateway (Gateway__Mefs__SecretKey). Empty: none.')
param mefsSecretKey string = ''

@secure()
@description('Authorization header value for a hosted IPFS node (Gateway__Ipfs__Authorization), e.g. "Bearer …". Empty: none.')
param ipfsAuthorization string = ''

// ---------------------------------------------------------------------------------------------------------------
// Names

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var env = toLower(environmentName)
var resourceTags = union(tags, {
  application: 'FunctionsGateway'
  environment: env
})
var names = {
  identity: 'id-fg-${env}'
  storage: take('stfg${env}${suffix}', 24)
  keyVault: take('kv-fg-${env}-${suffix}', 24)
  workspace: 'log-fg-${env}'
  appInsights: 'appi-fg-${env}'
  plan: 'plan-fg-${env}'
  app: 'func-fg-${env}-${suffix}'
  deploymentContainer: 'deployment'
}

// Secret values by the app setting that reads them; the vault stores each under the setting's name with '--'.
var secretValues = {
  Gateway__Operator__Key: operatorKey
  Gateway__Memo__JwtSigningKey: memoJwtSigningKey
  Gateway__Decoo__SecretKey: decooSecretKey
  Gateway__Gw3__SecretKey: gw3SecretKey
  Gateway__Cess__Token__PrivateKey: cessTokenRsaPrivateKey
  Gateway__Cess__AccountSeed: cessChainSignerSeed
  Gateway__Ethereum__SignerPrivateKey: ethereumSignerPrivateKey
  Gateway__Mail__SendGrid__ApiKey: sendGridApiKey
  Gateway__Mail__Smtp__Password: smtpPassword
  Gateway__Ipfs__Authorization: ipfsAuthorization
  Gateway__Mefs__AccessKey: mefsAccessKey
  Gateway__Mefs__SecretKey: mefsSecretKey
}

// ---------------------------------------------------------------------------------------------------------------
// Resources

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: resourceTags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: resourceTags
    skuName: storageSkuName
    resourcePrefix: resourcePrefix
    deploymentContainerName: names.deploymentContainer
    stagingRetentionDays: stagingRetentionDays
    corsAllowedOrigins: corsAllowedOrigins
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: resourceTags
    retentionInDays: logRetentionDays
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: resourceTags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    secretValues: secretValues
  }
}

// The one identity the app uses for everything: host storage, gateway storage, Key Vault references, telemetry.
module roles 'modules/roleAssignments.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.properties.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App settings: every setting the handler and the Functions host read, as object keys (the infra test finds
// them there). No key and no secret value: storage is identity-based, secrets are Key Vault references.

var keyVaultUri = 'https://${names.keyVault}${environment().suffixes.keyvaultDns}/'

var secretSettingNames = map(filter(items(secretValues), secret => !empty(secret.value)), secret => secret.key)

var secretReferences = toObject(secretSettingNames, setting => setting, setting => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${replace(setting, '__', '--')}/)')

var platformSettings = {
  // Identity-based host storage (spec/azure.md §2.5); the handler reads the same settings
  // (core/…/Storage/Azure/StorageConnectionSettings.cs).
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

var gatewayBaseSettings = {
  // Always set, even when empty: the push worker's function.json names its queue %Gateway__Storage__ResourcePrefix%push.
  Gateway__Storage__ResourcePrefix: resourcePrefix
  Gateway__Backend__Default: defaultBackend
}

var backendSettings = union(empty(ipfsApiUrl) ? {} : {
  Gateway__Ipfs__ApiUrl: ipfsApiUrl
}, empty(mefsEndpoint) ? {} : {
  Gateway__Mefs__Endpoint: mefsEndpoint
})

var tuningSettings = toObject(filter(items(gatewaySettings), setting => !empty(setting.value)), setting => setting.key, setting => setting.value)

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.app
    planName: names.plan
    location: location
    tags: resourceTags
    identityId: identity.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appSettings: union(platformSettings, gatewayBaseSettings, backendSettings, tuningSettings, secretReferences)
    corsAllowedOrigins: corsAllowedOrigins
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The host reads its storage and the Key Vault references as soon as the app exists.
  dependsOn: [
    roles
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs (no secret among them)

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output healthUrl string = '${functionApp.outputs.url}/health'
output storageAccountName string = storage.outputs.name
output deploymentContainerUrl string = '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainerName}'
output keyVaultName string = keyVault.outputs.name
output identityClientId string = identity.properties.clientId
