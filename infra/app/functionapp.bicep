// The Function App on the Flex Consumption plan (Linux) running KamFlows as a custom handler.
// The Functions host picks the custom handler from host.json; `runtime.name: 'custom'` tells
// Flex Consumption not to start a language worker. Deployment packages go to a blob container
// reached with the user-assigned identity.

@description('Function App name (also the default host name prefix).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('azd service name: azd finds the app to deploy to by this tag.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('URL of the blob container that holds deployment packages.')
param deploymentContainerUrl string

@description('Flex Consumption runtime version for the custom handler stack; check `az functionapp list-flexconsumption-runtimes --location <region> --runtime custom`.')
param runtimeVersion string = '1.0'

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Base URL of emailed links; empty means https://<default host name>.')
param publicBaseUrl string = ''

@description('App settings (without App__PublicBaseUrl, which is added here from the host name).')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
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
    // Key Vault references (@Microsoft.KeyVault(...)) resolve with this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'custom'
        version: runtimeVersion
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
    }
  }
}

var defaultBaseUrl = 'https://${site.properties.defaultHostName}'

// The whole set of app settings is written on every provision: a setting changed by hand in the
// portal is reset by the next `azd provision` (the postprovision hook's values travel through
// azd environment variables and parameters, so they survive).
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    App__PublicBaseUrl: empty(publicBaseUrl) ? defaultBaseUrl : publicBaseUrl
  })
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output uri string = defaultBaseUrl
