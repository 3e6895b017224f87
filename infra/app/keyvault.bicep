// Key Vault with RBAC authorization for the app's secrets: `SendGridApiKey` and `LinkKey`.
// No secret value lives in this template. `LinkKey` is created by infra/hooks/postprovision.sh
// when absent; `SendGridApiKey` is set by an operator (docs/DEPLOY.md), or, when the azd
// environment holds SENDGRID_API_KEY, written here from that secure parameter.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Optional SendGrid API key. Empty leaves the secret as it is (set it with az keyvault secret set).')
@secure()
param sendGridApiKey string = ''

@description('Purge protection cannot be turned off again once on; keep it off for throwaway environments.')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
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
    softDeleteRetentionInDays: 7
    // The property accepts only true or null: null means "off".
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'SendGridApiKey'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
