// The Key Vault (RBAC mode) holding every secret the gateway reads. Each secret is named after its app setting
// with '__' replaced by '--' (Key Vault names allow letters, digits and dashes); the app settings reference them
// with @Microsoft.KeyVault(SecretUri=…), resolved by the app's user-assigned identity (Key Vault Secrets User).

@description('Key Vault name: 3–24 letters, digits and dashes, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Purge protection: a deleted vault cannot be purged before its retention ends. Cannot be turned off once on.')
param enablePurgeProtection bool

@secure()
@description('Secret values by app-setting name (Gateway__Operator__Key: …). Empty values are not stored.')
param secretValues object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The service rejects false: the property is either true or absent.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(secretValues): if (!empty(secret.value)) {
  parent: vault
  name: replace(secret.key, '__', '--')
  properties: {
    value: secret.value
    contentType: 'text/plain'
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
