// Parameters of one environment. Secrets come from environment variables of the shell that deploys (or CI
// secrets), never from this file: readEnvironmentVariable fails when a required one is missing.
using 'main.bicep'

param environmentName = readEnvironmentVariable('GATEWAY_ENVIRONMENT', 'dev')

param corsAllowedOrigins = []

param defaultBackend = 'local'

param ipfsApiUrl = readEnvironmentVariable('GATEWAY_IPFS_API_URL', '')

param mefsEndpoint = readEnvironmentVariable('GATEWAY_MEFS_ENDPOINT', '')

param gatewaySettings = {}

param operatorKey = readEnvironmentVariable('GATEWAY_OPERATOR_KEY')

param memoJwtSigningKey = readEnvironmentVariable('GATEWAY_MEMO_JWT_SIGNING_KEY', '')

param decooSecretKey = readEnvironmentVariable('GATEWAY_DECOO_SECRET_KEY', '')
param gw3SecretKey = readEnvironmentVariable('GATEWAY_GW3_SECRET_KEY', '')

param cessTokenRsaPrivateKey = readEnvironmentVariable('GATEWAY_CESS_TOKEN_RSA_PRIVATE_KEY', '')

param cessChainSignerSeed = readEnvironmentVariable('GATEWAY_CESS_CHAIN_SIGNER_SEED', '')

param ethereumSignerPrivateKey = readEnvironmentVariable('GATEWAY_ETHEREUM_SIGNER_PRIVATE_KEY', '')

param sendGridApiKey = readEnvironmentVariable('GATEWAY_SENDGRID_API_KEY', '')

param smtpPassword = readEnvironmentVariable('GATEWAY_SMTP_PASSWORD', '')
param ipfsAuthorization = readEnvironmentVariable('GATEWAY_IPFS_AUTHORIZATION', '')

param mefsAccessKey = readEnvironmentVariable('GATEWAY_MEFS_ACCESS_KEY', '')

param mefsSecretKey = readEnvironmentVariable('GATEWAY_MEFS_SECRET_KEY', '')
