// The Flex Consumption plan and the function app that runs the handler as a custom handler
// (spec/azure.md §2.2): runtime 'custom', code deployed from a blob container the app reads with its
// user-assigned identity, HTTPS only. No FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE or content-share settings: Flex rejects or ignores them.

@description('Function app name (its host name is <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name (one app per plan).')
param planName string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('The Blob endpoint of the storage account, with its trailing slash.')
param storageBlobEndpoint string

@description('The container the code package is deployed to.')
param deploymentContainerName string

@description('App settings: setting name → value.')
param appSettings object

@description('Origins allowed by CORS (the Functions front end answers preflight requests itself).')
param corsAllowedOrigins array

@description('Memory of one instance in MB.')
param instanceMemoryMB int

@description('Most instances the app scales out to.')
param maximumInstanceCount int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity rather than a system-assigned one (there is none).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
