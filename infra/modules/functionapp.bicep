// The function app: Linux, Flex Consumption, .NET 10 isolated worker, running as the user-assigned identity.
// Every storage, Key Vault and telemetry connection is identity-based; no key or connection string is configured.

import { appSetting, issuerSettings, schemeIssuer, smtpSettings, tagSet } from 'types.bicep'

@description('Name of the function app (the host name is <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource; the app also gets azd-service-name.')
param tags tagSet

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob endpoint of the storage account (ends with /).')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Container the plan deploys the app package from.')
param deploymentContainerName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Vault URI of the Key Vault (ends with /).')
param keyVaultUri string

@description('Name of the Key Vault secret that holds the SMTP password.')
param smtpPasswordSecretName string

@description('The issuer printed on every invoice.')
param issuer issuerSettings

@description('Schemes with an issuer of their own (e.g. Stockholms stad for stockholm-pom); the others use issuer.')
param schemeIssuers schemeIssuer[] = []

@description('The outgoing mail server.')
param smtp smtpSettings

@description('NCRONTAB schedule (UTC) of IssueAnnualInvoices.')
param annualInvoicingSchedule string

@description('NCRONTAB schedule (UTC) of SendPaymentReminders.')
param paymentRemindersSchedule string

@description('NCRONTAB schedule (UTC) of SealAuditTrail.')
param auditSealSchedule string

@description('Four eyes on voids and refunds made through the API.')
param fourEyes bool

@description('NCRONTAB schedule (UTC) of BackUpStorage, the nightly backup of the tables into the backups container.')
param storageBackupSchedule string

@description('Maximum number of instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Client id of the Entra ID app registration that protects the HTTP API.')
param authClientId string

@description('Tenant of the app registration.')
param authTenantId string

@description('Audiences accepted in access tokens for the API.')
param authAllowedAudiences string[]

@description('Extra app settings (name/value pairs), e.g. for settings a later feature adds; they override none of the ones above.')
param extraAppSettings appSetting[]

var addressLines = filter(issuer.addressLines, line => !empty(trim(line)))

var storageSettings = [
  // The Functions host's own storage (timers' leases, blob trigger receipts): identity-based.
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
  // The app's data and its telemetry, as the same identity: a ManagedIdentityCredential for exactly this client id
  // (src/Invoicing.Functions/AppIdentity.cs), named by this one setting.
  { name: 'Invoicing__Identity__ClientId', value: identityClientId }
  { name: 'Invoicing__Storage__TableServiceUri', value: tableEndpoint }
  { name: 'Invoicing__Storage__BlobServiceUri', value: blobEndpoint }
]

// The host (host.json: telemetryMode OpenTelemetry) reads both; the worker's exporter takes the connection string and
// authenticates with the app identity's credential in code.
var telemetrySettings = [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
]

var issuerAppSettings = [
  { name: 'Invoicing__Issuer__Id', value: issuer.id }
  { name: 'Invoicing__Issuer__Name', value: issuer.name }
  { name: 'Invoicing__Issuer__OrganisationNumber', value: issuer.organisationNumber }
  { name: 'Invoicing__Issuer__Bankgiro', value: issuer.bankgiro }
  { name: 'Invoicing__Issuer__ContactName', value: issuer.contactName }
  { name: 'Invoicing__Issuer__ContactPhone', value: issuer.contactPhone }
  { name: 'Invoicing__Issuer__ContactEmail', value: issuer.contactEmail }
  { name: 'Invoicing__Issuer__PaymentTermsDays', value: string(issuer.paymentTermsDays) }
]

// Optional VAT details and the issuer's own party: a setting only when it has a value, so the app's defaults apply otherwise.
var vatSettings = filter(
  [
    { name: 'Invoicing__Issuer__VatNumber', value: issuer.?vatNumber ?? '' }
    { name: 'Invoicing__Issuer__VatRatePercent', value: string(issuer.?vatRatePercent ?? 0) }
    { name: 'Invoicing__Issuer__VatText', value: issuer.?vatText ?? '' }
    { name: 'Invoicing__Issuer__PartyCode', value: issuer.?partyCode ?? '' }
  ],
  setting => !empty(trim(setting.value))
)

// Invoicing__Issuer__AddressLines__0, __1, ...: a list in .NET configuration.
var addressLineSettings = map(range(0, length(addressLines)), i => {
  name: 'Invoicing__Issuer__AddressLines__${i}'
  value: addressLines[i]
})

// Invoicing__Schemes__{i}__Scheme and __Issuer__*: a list, since a scheme id's '-' cannot stand in a setting name.
var schemeIssuerSettings = flatten(map(range(0, length(schemeIssuers)), i => filter(
  concat(
    [
      { name: 'Invoicing__Schemes__${i}__Scheme', value: schemeIssuers[i].scheme }
      { name: 'Invoicing__Schemes__${i}__Issuer__Id', value: schemeIssuers[i].issuer.id }
      { name: 'Invoicing__Schemes__${i}__Issuer__Name', value: schemeIssuers[i].issuer.name }
      { name: 'Invoicing__Schemes__${i}__Issuer__OrganisationNumber', value: schemeIssuers[i].issuer.organisationNumber }
      { name: 'Invoicing__Schemes__${i}__Issuer__Bankgiro', value: schemeIssuers[i].issuer.bankgiro }
      { name: 'Invoicing__Schemes__${i}__Issuer__ContactName', value: schemeIssuers[i].issuer.contactName }
      { name: 'Invoicing__Schemes__${i}__Issuer__ContactPhone', value: schemeIssuers[i].issuer.contactPhone }
      { name: 'Invoicing__Schemes__${i}__Issuer__ContactEmail', value: schemeIssuers[i].issuer.contactEmail }
      { name: 'Invoicing__Schemes__${i}__Issuer__PaymentTermsDays', value: string(schemeIssuers[i].issuer.paymentTermsDays) }
      { name: 'Invoicing__Schemes__${i}__Issuer__VatNumber', value: schemeIssuers[i].issuer.?vatNumber ?? '' }
      { name: 'Invoicing__Schemes__${i}__Issuer__VatRatePercent', value: string(schemeIssuers[i].issuer.?vatRatePercent ?? 0) }
      { name: 'Invoicing__Schemes__${i}__Issuer__VatText', value: schemeIssuers[i].issuer.?vatText ?? '' }
      { name: 'Invoicing__Schemes__${i}__Issuer__PartyCode', value: schemeIssuers[i].issuer.?partyCode ?? '' }
    ],
    [
      { name: 'Invoicing__Schemes__${i}__Issuer__AddressLines__0', value: schemeIssuers[i].issuer.addressLines[?0] ?? '' }
      { name: 'Invoicing__Schemes__${i}__Issuer__AddressLines__1', value: schemeIssuers[i].issuer.addressLines[?1] ?? '' }
      { name: 'Invoicing__Schemes__${i}__Issuer__AddressLines__2', value: schemeIssuers[i].issuer.addressLines[?2] ?? '' }
    ]
  ),
  setting => !empty(trim(setting.value))
)))

var smtpAppSettings = [
  { name: 'Invoicing__Smtp__Host', value: smtp.host }
  { name: 'Invoicing__Smtp__Port', value: string(smtp.port) }
  { name: 'Invoicing__Smtp__UserName', value: smtp.userName }
  { name: 'Invoicing__Smtp__From', value: smtp.from }
  // A Key Vault reference without a version: the app follows the latest version of the secret.
  {
    name: 'Invoicing__Smtp__Password'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${smtpPasswordSecretName}/)'
  }
]

var scheduleSettings = [
  { name: 'AnnualInvoicingSchedule', value: annualInvoicingSchedule }
  { name: 'PaymentRemindersSchedule', value: paymentRemindersSchedule }
  { name: 'AuditSealSchedule', value: auditSealSchedule }
  { name: 'Invoicing__FourEyes__Enabled', value: fourEyes ? 'true' : 'false' }
  { name: 'StorageBackupSchedule', value: storageBackupSchedule }
]

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

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
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
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(
        storageSettings,
        telemetrySettings,
        issuerAppSettings,
        addressLineSettings,
        vatSettings,
        schemeIssuerSettings,
        smtpAppSettings,
        scheduleSettings,
        extraAppSettings
      )
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// Deployments authenticate with Entra ID (the pipeline's service connection, azd's login): no publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// App Service Authentication: every request needs an Entra ID access token for the API's app registration; without
// one the platform answers 401 before any function runs. The app checks the roles Invoicing.Reader,
// Invoicing.Finance and Invoicing.Member (with the member's invoicing_party claim) in the token's claims. Excluded paths are the Functions host's own endpoints, which the host
// protects with its keys: the Event Grid webhook of the blob trigger and the admin endpoints that run a timer by hand.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        '/runtime/webhooks/blobs'
        '/admin/functions/IssueAnnualInvoices'
        '/admin/functions/SendPaymentReminders'
        '/admin/functions/BackUpStorage'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: authAllowedAudiences
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName
