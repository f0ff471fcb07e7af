// The storage account: the Functions host's own storage (AzureWebJobsStorage, identity-based), the Flex
// Consumption deployment container, and the gateway's containers, tables and queues (DESIGN.md §5).
// No account key is used anywhere: shared-key access is off, every caller signs in with Entra ID.

@description('Storage account name: 3–24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Replication: Standard_LRS, Standard_ZRS, Standard_GRS, …')
param skuName string

@description('Prefix of the gateway\'s container, table and queue names (Gateway__Storage__ResourcePrefix).')
param resourcePrefix string

@description('The container Flex Consumption deploys the code package from.')
param deploymentContainerName string

@description('Days after which a blob left in the staging container is deleted.')
param stagingRetentionDays int

@description('Origins allowed to use SAS URLs of the Blob service from a browser; empty: no CORS rule.')
param corsAllowedOrigins array

// The gateway's own resources, exactly those core's StorageNames names (Containers, Tables, Queues), each with
// the resource prefix in front. The infra test compares these three lists with StorageNames("").
var containers = [
  'staging'
  'content'
  'blocks'
  'mail-outbox'
  'cess-keys'
]

var tables = [
  'identities'
  'credentials'
  'files'
  'cids'
  'uploads'
  'pins'
  'nonces'
  'memoobjects'
  'memovouchers'
  'pinrequests'
  'ratelimits'
  'usage'
  'cessauth'
  'cessfiles'
  'cessrefs'
  'decookeys'
]

var queues = [
  'push'
  'push-poison'
  'pins'
  'pins-poison'
]

var stagingContainer = '${resourcePrefix}staging'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Browsers that upload straight to Blob storage with a SAS URL need these (DESIGN.md §4 step 5).
    cors: {
      corsRules: empty(corsAllowedOrigins) ? [] : [
        {
          allowedOrigins: corsAllowedOrigins
          allowedMethods: [
            'GET'
            'HEAD'
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            '*'
          ]
          exposedHeaders: [
            '*'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource gatewayContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: blobService
  name: '${resourcePrefix}${container}'
  properties: {
    publicAccess: 'None'
  }
}]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {}
}

resource gatewayTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: '${resourcePrefix}${table}'
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {}
}

resource gatewayQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: queueService
  name: '${resourcePrefix}${queue}'
}]

// The push worker deletes a file's staged blob once the backend has stored it (DESIGN.md §4 step 4); this rule is
// the safety net for what it leaves behind: stages of pushes that failed for good, and uploads abandoned between
// the commit and the file record. Uncommitted blocks (uploads cut off mid-way) are not blobs a rule can see;
// the Blob service itself discards them after 7 days.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-staged-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${stagingContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: stagingRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    gatewayContainers
  ]
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
