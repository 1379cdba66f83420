// Invoicing: everything one environment (test or prod) needs, in one resource group.
//
//   az deployment group create --resource-group <rg> --parameters infra/main.<env>.bicepparam
//
// The parameter files read the deployment-specific values from environment variables (pipeline variables, or azd's
// environment through main.parameters.json); docs/operations.md lists them. No secret is a parameter: the only
// secret, the SMTP password, is set directly in the Key Vault and referenced from the app settings.

targetScope = 'resourceGroup'

import { appSetting, issuerSettings, schemeIssuer, smtpSettings, tagSet } from 'modules/types.bicep'

@description('Short name of the environment, e.g. test or prod; part of every resource name.')
@minLength(1)
@maxLength(12)
param environmentName string

@description('Azure region of every resource; must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Base of the resource names: lowercase letters and digits.')
@minLength(2)
@maxLength(11)
param baseName string = 'invoicing'

@description('Client id of the Entra ID app registration of the HTTP API (App Service Authentication).')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Tenant of the app registration; empty means the tenant of the deployment.')
param authTenantId string = ''

@description('E-mail address that receives the alerts.')
@minLength(3)
param alertEmail string

@description('The issuer printed on every invoice.')
param issuer issuerSettings

@description('Schemes with an issuer of their own (e.g. Stockholms stad for stockholm-pom); the others use issuer.')
param schemeIssuers schemeIssuer[] = []

@description('The outgoing mail server (the password is the Key Vault secret smtpPasswordSecretName).')
param smtp smtpSettings

@description('Name of the Key Vault secret that holds the SMTP password.')
param smtpPasswordSecretName string = 'smtp-password'

@description('Object ids of users or groups who may set and rotate Key Vault secrets (Key Vault Secrets Officer); empty entries are ignored.')
param secretsOfficerPrincipalIds string[] = []

@description('NCRONTAB schedule (UTC) of IssueAnnualInvoices.')
param annualInvoicingSchedule string = '0 0 6 * * *'

@description('NCRONTAB schedule (UTC) of SendPaymentReminders.')
param paymentRemindersSchedule string = '0 30 6 * * *'

@description('Four eyes on money going out: a void or refund made through the API waits for a second finance user to confirm it (Invoicing:FourEyes:Enabled). On in Azure unless a deployment turns it off.')
param fourEyes bool = true

@description('NCRONTAB schedule (UTC) of SealAuditTrail: after midnight in Sweden, so the day before is whole.')
param auditSealSchedule string = '0 15 23 * * *'

@description('NCRONTAB schedule (UTC) of BackUpStorage, the nightly backup (before the other timers write).')
param storageBackupSchedule string = '0 0 2 * * *'

@description('Days every invoice and reminder document and every archived bank file is immutable (WORM): by default 8 years (2922 days), the seven years bokföringslagen requires plus the current year.')
@minValue(1)
@maxValue(146000)
param immutabilityRetentionDays int = 2922

@description('Days each nightly backup (backups container) is immutable (WORM): by default 90, a quarter\'s worth of restore points that nobody, the app included, can delete or overwrite.')
@minValue(1)
@maxValue(146000)
param backupRetentionDays int = 90

@description('Set to true once the WORM policies on invoices, e-invoices, reminders and the bank-file archive have been locked; the deployment then leaves them alone.')
param immutabilityPoliciesLocked bool = false

@description('Days a deleted or overwritten blob stays restorable.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 30

@description('Days a deleted container stays restorable.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int = 30

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('True to accept only Entra ID-authenticated telemetry in Application Insights (see docs/operations.md before turning it on).')
param appInsightsDisableLocalAuth bool = false

@description('Maximum number of instances of the Flex Consumption plan.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Functions whose failed run raises an alert.')
param monitoredFunctions string[] = [
  'IssueAnnualInvoices'
  'SendPaymentReminders'
  'BackUpStorage'
]

@description('Name of the structured log event written when an outbox message has failed for good.')
param outboxFailedEventName string = 'OutboxMessageFailed'

@description('Extra app settings (name/value pairs) for settings that later features add.')
param extraAppSettings appSetting[] = []

@description('Tags for every resource.')
param tags tagSet = {}

var resourceTags = union(tags, {
  application: 'Invoicing'
  environment: environmentName
  'azd-env-name': environmentName
})
var prefix = '${baseName}-${environmentName}'
var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var deploymentContainerName = 'app-package'
var identityName = 'id-${prefix}'
var tenantOfApi = empty(authTenantId) ? tenant().tenantId : authTenantId

module identity 'modules/identity.bicep' = {
  params: {
    name: identityName
    location: location
    tags: resourceTags
  }
}

module storage 'modules/storage.bicep' = {
  dependsOn: [
    identity
  ]
  params: {
    name: take('st${baseName}${suffix}', 24)
    location: location
    tags: resourceTags
    skuName: storageSkuName
    blobSoftDeleteDays: blobSoftDeleteDays
    containerSoftDeleteDays: containerSoftDeleteDays
    immutabilityRetentionDays: immutabilityRetentionDays
    backupRetentionDays: backupRetentionDays
    immutabilityPoliciesLocked: immutabilityPoliciesLocked
    deploymentContainerName: deploymentContainerName
    appIdentityName: identityName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  dependsOn: [
    identity
  ]
  params: {
    workspaceName: 'log-${prefix}'
    appInsightsName: 'appi-${prefix}'
    location: location
    tags: resourceTags
    logRetentionDays: logRetentionDays
    disableLocalAuth: appInsightsDisableLocalAuth
    appIdentityName: identityName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  dependsOn: [
    identity
  ]
  params: {
    name: 'kv${take(baseName, 8)}${suffix}'
    location: location
    tags: resourceTags
    appIdentityName: identityName
    secretsOfficerPrincipalIds: filter(secretsOfficerPrincipalIds, id => !empty(trim(id)))
  }
}

module functionApp 'modules/functionapp.bicep' = {
  params: {
    name: 'func-${prefix}-${suffix}'
    planName: 'plan-${prefix}'
    location: location
    tags: resourceTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    smtpPasswordSecretName: smtpPasswordSecretName
    issuer: issuer
    schemeIssuers: schemeIssuers
    smtp: smtp
    annualInvoicingSchedule: annualInvoicingSchedule
    paymentRemindersSchedule: paymentRemindersSchedule
    auditSealSchedule: auditSealSchedule
    fourEyes: fourEyes
    storageBackupSchedule: storageBackupSchedule
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    authClientId: authClientId
    authTenantId: tenantOfApi
    authAllowedAudiences: [
      'api://${authClientId}'
      authClientId
    ]
    extraAppSettings: extraAppSettings
  }
}

module alerts 'modules/alerts.bicep' = {
  params: {
    namePrefix: prefix
    location: location
    tags: resourceTags
    workspaceId: monitoring.outputs.workspaceId
    alertEmail: alertEmail
    monitoredFunctions: monitoredFunctions
    outboxFailedEventName: outboxFailedEventName
  }
}

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Name of the function app.')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Host name of the function app.')
output FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName

@description('Name of the storage account.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Name of the Event Grid system topic for the bank-files blob trigger.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = storage.outputs.eventGridSystemTopicName

@description('Name of the Key Vault.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName

@description('Client id of the app\'s managed identity.')
output AZURE_CLIENT_ID string = identity.outputs.clientId

@description('Resource id of the alerts\' action group.')
output ACTION_GROUP_ID string = alerts.outputs.actionGroupId
