// Log Analytics and a workspace-based Application Insights that only accepts Entra ID-authenticated telemetry
// (the app's identity holds Monitoring Metrics Publisher on it; spec/azure.md §2.4).

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights name.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Days the workspace keeps logs (30–730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output appInsightsName string = appInsights.name

// Not a secret: with local auth disabled it identifies the resource but cannot ingest without an Entra token.
output connectionString string = appInsights.properties.ConnectionString
