// KamFlows on Azure: a Flex Consumption Function App running the custom handler, one storage
// account reached by managed identity, Key Vault for secrets, Application Insights with alerts.
// azd (azure.yaml) provisions this at subscription scope; every name can be overridden.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID); granted data access to storage and Key Vault. Empty grants nothing.')
param principalId string = ''

@description('Kind of principalId: User for a person, ServicePrincipal for a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// Names: empty means derived from the environment.
param resourceGroupName string = ''
param identityName string = ''
param storageAccountName string = ''
param keyVaultName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''
param appServicePlanName string = ''
param functionAppName string = ''
param actionGroupName string = ''

@description('First administrator (Security__BootstrapAdmins__0); signs in and grants the other roles.')
param adminEmail string = ''

@description('Where alerts are emailed; empty falls back to adminEmail.')
param alertEmail string = ''

@description('Sender address of KamFlows emails (its domain must be authenticated in SendGrid).')
param emailFromAddress string = ''

@description('Entra ID application (client) id of the KamFlows registration; written by the postprovision hook.')
param azureAdClientId string = ''

@description('Accepted token audience (api://<client id>); written by the postprovision hook.')
param azureAdAudience string = ''

@description('Optional SendGrid API key to store in Key Vault; empty leaves the secret untouched.')
@secure()
param sendGridApiKey string = ''

@description('Base URL of emailed links; empty means https://<function app default host name>.')
param publicBaseUrl string = ''

@description('Name of the work queue (wake-ups, effects, fan-out); the host moves failures to <name>-poison.')
param workQueueName string = 'work'

@description('NCRONTAB schedule of the due-timer sweep (UTC), referenced as %DueTimerSweepSchedule%.')
param dueTimerSweepSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule of the quarterly review timer (UTC), referenced as %QuarterlyReviewSchedule%: 06:00 on the first day of each quarter.')
param quarterlyReviewSchedule string = '0 0 6 1 1,4,7,10 *'

@description('Flex Consumption runtime version of the custom handler stack.')
param customHandlerRuntimeVersion string = '1.0'

@description('Upper bound of Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('HTTP 5xx answers in 5 minutes above which an alert fires.')
@minValue(0)
param http5xxThreshold int = 5

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  identity: !empty(identityName) ? identityName : 'id-kamflows-${resourceToken}'
  storage: !empty(storageAccountName) ? storageAccountName : 'stkam${resourceToken}'
  keyVault: !empty(keyVaultName) ? keyVaultName : 'kv-kam-${resourceToken}'
  logAnalytics: !empty(logAnalyticsName) ? logAnalyticsName : 'log-kamflows-${resourceToken}'
  applicationInsights: !empty(applicationInsightsName) ? applicationInsightsName : 'appi-kamflows-${resourceToken}'
  plan: !empty(appServicePlanName) ? appServicePlanName : 'plan-kamflows-${resourceToken}'
  functionApp: !empty(functionAppName) ? functionAppName : 'func-kamflows-${resourceToken}'
  actionGroup: !empty(actionGroupName) ? actionGroupName : 'ag-kamflows-${resourceToken}'
}
var deploymentContainerName = 'app-package'

// Regenerated from functions/KamFlows.App/*/function.json by infra/timer-functions.sh.
var timerFunctions = loadJsonContent('timer-functions.json')

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    queueNames: [
      workQueueName
      '${workQueueName}-poison'
    ]
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName='

// Every app setting the app and the Functions host read (App__PublicBaseUrl is added by the
// module from the app's host name). `__` separates configuration sections.
var appSettings = {
  // Functions host storage (leases, timer schedule status, keys) by managed identity.
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId

  // The app's data, and the connection named `Storage` of the queue trigger.
  Storage__BlobServiceUri: storage.outputs.blobEndpoint
  Storage__QueueServiceUri: storage.outputs.queueEndpoint
  Storage__TableServiceUri: storage.outputs.tableEndpoint
  Storage__credential: 'managedidentity'
  Storage__clientId: identity.outputs.clientId

  // DefaultAzureCredential in the app picks the user-assigned identity.
  AZURE_CLIENT_ID: identity.outputs.clientId

  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  Telemetry__Exporter: 'AzureMonitor'

  WorkQueueName: workQueueName
  DueTimerSweepSchedule: dueTimerSweepSchedule
  QuarterlyReviewSchedule: quarterlyReviewSchedule

  Security__BootstrapAdmins__0: adminEmail

  AzureAd__Instance: environment().authentication.loginEndpoint
  AzureAd__TenantId: subscription().tenantId
  AzureAd__ClientId: azureAdClientId
  AzureAd__Audience: azureAdAudience

  SendGrid__ApiKey: '${keyVaultReference}SendGridApiKey)'
  Links__Key: '${keyVaultReference}LinkKey)'
  Email__FromAddress: emailFromAddress

  ASPNETCORE_ENVIRONMENT: 'Production'
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The identity must hold its roles before the host first starts and resolves references.
  dependsOn: [
    rbac
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    runtimeVersion: customHandlerRuntimeVersion
    maximumInstanceCount: maximumInstanceCount
    publicBaseUrl: publicBaseUrl
    appSettings: appSettings
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    namePrefix: 'kamflows-${resourceToken}'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    actionGroupName: names.actionGroup
    alertEmail: !empty(alertEmail) ? alertEmail : adminEmail
    timerFunctions: timerFunctions
    http5xxThreshold: http5xxThreshold
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = subscription().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
