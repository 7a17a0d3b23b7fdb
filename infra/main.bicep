// GovBot infrastructure: one resource group per environment.
//   user-assigned managed identity  -> the bot's identity (Azure Bot msaAppId, storage RBAC, Graph app roles)
//   Linux App Service plan + web app (.NET 10) running GovBot, /api/messages is the bot endpoint
//   Azure Bot (UserAssignedMSI, Teams channel)
//   Storage account (Tables + Queues + Blobs for the papers' original files, Entra ID only: shared keys disabled)
//   Log Analytics workspace + workspace-based Application Insights
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/parameters/<env>.bicepparam (docs/deploy.md)
targetScope = 'resourceGroup'

@description('Short environment name, used in resource names and tags.')
@allowed(['dev', 'test', 'prod'])
param environmentName string

@description('Region for everything except the Azure Bot, which is always global.')
param location string = resourceGroup().location

@description('Prefix for resource names (lower-case letters and digits, 2-10 chars).')
@minLength(2)
@maxLength(10)
param namePrefix string = 'govbot'

@description('Object id of the Entra ID security group whose members are the programme PMO (may post notices, import papers).')
param pmoGroupId string

@description('Key for the signed .ics and CSV links of meeting notices: base64 of at least 32 random bytes (e.g. openssl rand -base64 32). Required in production; keep it in a Key Vault or a pipeline secret.')
@secure()
param noticeLinkSigningKey string

@description('Prefix for table names, so several environments could share one account; empty in normal use.')
@maxLength(20)
param tablePrefix string = ''

@description('App Service plan SKU. B1 is enough for dev; prod wants P0v3 or above (deployment slots, more memory).')
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier. Teams is a standard channel, so F0 carries production traffic.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

var suffix = uniqueString(subscription().id, resourceGroup().id, namePrefix, environmentName)
var baseName = '${namePrefix}-${environmentName}'
var allTags = union(tags, { application: 'GovBot', environment: environmentName })

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage)
var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${baseName}'
  location: location
  tags: allTags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: allTags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  tags: allTags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry is accepted only with an Entra ID token: the app's exporter signs in as the managed identity
    // (APPLICATIONINSIGHTS_AUTHENTICATION_STRING below; Monitoring Metrics Publisher role).
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: take('st${replace(namePrefix, '-', '')}${environmentName}${suffix}', 24)
  location: location
  tags: allTags
  kind: 'StorageV2'
  sku: { name: environmentName == 'prod' ? 'Standard_ZRS' : 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// GovBot creates its tables, queues and blob container itself, so the identity needs the data Contributor roles
// (they include create), scoped to this one storage account.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The original files of imported papers (Storage__BlobEndpoint); read and written only through this identity.
resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Lets the app send telemetry with Entra ID auth (APPLICATIONINSIGHTS_AUTHENTICATION_STRING); the ingestion key is disabled.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${baseName}'
  location: location
  tags: allTags
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-${baseName}-${suffix}'
  location: location
  tags: allTags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'Bot__AppId', value: identity.properties.clientId }
        { name: 'Bot__TenantId', value: identity.properties.tenantId }
        { name: 'Bot__AppType', value: 'UserAssignedMSI' }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__QueueEndpoint', value: storage.properties.primaryEndpoints.queue }
        { name: 'Storage__BlobEndpoint', value: storage.properties.primaryEndpoints.blob }
        { name: 'Storage__TablePrefix', value: tablePrefix }
        { name: 'Pmo__GroupId', value: pmoGroupId }
        { name: 'Notices__LinkSigningKey', value: noticeLinkSigningKey }
        { name: 'Notices__PublicBaseUrl', value: 'https://app-${baseName}-${suffix}.azurewebsites.net/' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identity.properties.clientId}' }
        { name: 'OTEL_SERVICE_NAME', value: 'govbot' }
        { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment=${environmentName}' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '5' }
      ]
    }
  }
  dependsOn: [
    tableDataContributor
    queueDataContributor
    blobDataContributor
  ]
}

// Deployments authenticate with Entra ID (az webapp deploy); FTP and SCM basic-auth publishing are off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: web
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: web
  name: 'scm'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${suffix}'
  location: 'global'
  tags: allTags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: environmentName == 'prod' ? 'GovBot' : 'GovBot (${environmentName})'
    description: 'MHHS programme governance assistant'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    isStreamingSupported: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

@description('Azure Bot resource name.')
output botName string = bot.name
@description('Bot (Microsoft App) id: the managed identity client id. BOT_APP_ID for manifest/build-package.mjs.')
output botAppId string = identity.properties.clientId
@description('Tenant the bot and identity live in.')
output tenantId string = identity.properties.tenantId
@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.properties.endpoint
@description('Web app host name. BOT_DOMAIN for manifest/build-package.mjs.')
output botDomain string = web.properties.defaultHostName
@description('Web app name, for az webapp deploy.')
output webAppName string = web.name
@description('Managed identity principal (object) id, for Microsoft Graph app role grants.')
output identityPrincipalId string = identity.properties.principalId
@description('Managed identity resource id.')
output identityResourceId string = identity.id
@description('Storage account name.')
output storageAccountName string = storage.name
@description('Application Insights resource name.')
output appInsightsName string = appInsights.name
