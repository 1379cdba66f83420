// The storage account: invoice and reminder PDFs, every imported bank file, the audit seals and the nightly backups
// (WORM), the bank-file inbox, the app's tables and the Functions host's own state. Versioning, soft delete, the change
// feed and point-in-time restore protect the blobs; the nightly backup (backups/) the tables. Only Entra ID (RBAC) access: shared keys are disabled, so no key or connection string exists to leak.

import { tagSet } from 'types.bicep'

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagSet

@description('Redundancy of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string

@description('Days a deleted or overwritten blob stays restorable (blob soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Days a deleted container stays restorable (container soft delete).')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int

@description('Days every invoice, e-invoice and reminder document and every archived bank file stays immutable (time-based WORM retention) after it is written.')
@minValue(1)
@maxValue(146000)
param immutabilityRetentionDays int

@description('Days each nightly backup in the backups container stays immutable (time-based WORM retention) after it is written.')
@minValue(1)
@maxValue(146000)
param backupRetentionDays int

@description('True once the WORM policies have been locked (see docs/operations.md): a locked policy can no longer be redeployed, only extended, so the template then leaves it alone.')
param immutabilityPoliciesLocked bool

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Name of the function app\'s user-assigned identity (in this resource group), which receives the data-plane roles.')
param appIdentityName string

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

// Every table of InvoicingStorage.TableNames (the app creates what is missing as well); declared so that an empty
// account is complete after deployment. The infrastructure tests compare this list with the app's.
var tableNames = [
  'Parties'
  'PopulationSnapshots'
  'Budgets'
  'InvoiceNumbers'
  'Invoices'
  'UnmatchedPayments'
  'Outbox'
  'Agreements'
  'BankFiles'
  'AuditTrail'
  'ChangeProposals'
  'AccountingPeriods'
]

// Point-in-time restore must keep fewer days than blob soft delete (at least one less); with one day of soft delete it is off.
var pointInTimeRestoreDays = blobSoftDeleteDays - 1

// Containers without a WORM policy; invoices, e-invoices, reminders, the bank-file archive, the audit seals and the
// backups are declared on their own below. budget-revisions holds each budget revision's dataset files, written once
// (If-None-Match, named by their SHA-256) but not an accounting record: versions, soft delete and point-in-time
// restore protect it, without WORM. einvoices-outbox is the hand-off to the e-invoice operator, whose integration updates each blob's status
// metadata: WORM would forbid that, and the archived copy is in einvoices. bank-files is the inbox the blob trigger
// empties and bank-files-processed its dated working copy; the kept copy of every imported file is in bank-files-archive.
var plainContainerNames = [
  'bank-files'
  'bank-files-processed'
  'einvoices-outbox'
  'budget-revisions'
  deploymentContainerName
]

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: containerSoftDeleteDays
    }
    // Point-in-time restore needs versioning, soft delete and the change feed. It rolls back the containers without
    // WORM (the bank-file inbox, its working copies, the e-invoice hand-off, budget revisions); a blob under a WORM
    // policy can be neither overwritten nor deleted, so there is nothing to roll back, and the restore leaves it as it
    // is (docs/operations.md, "Backup and restore"). The tables have no such feature: the nightly backup covers them.
    changeFeed: {
      enabled: true
      retentionInDays: blobSoftDeleteDays
    }
    restorePolicy: pointInTimeRestoreDays >= 1
      ? {
          enabled: true
          days: max(pointInTimeRestoreDays, 1)
        }
      : {
          enabled: false
        }
  }
}

resource invoicesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'invoices'
  properties: {
    publicAccess: 'None'
  }
}

resource einvoicesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'einvoices'
  properties: {
    publicAccess: 'None'
  }
}

resource remindersContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'reminders'
  properties: {
    publicAccess: 'None'
  }
}

// Every imported bank file, whatever the entrance, once, named by its SHA-256: the source document of its bookings.
resource bankFilesArchiveContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'bank-files-archive'
  properties: {
    publicAccess: 'None'
  }
}

// Each day's audit events, sealed once: never replaced.
resource auditSealsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'audit-seals'
  properties: {
    publicAccess: 'None'
  }
}

// The nightly backups of the tables (BackUpStorage): written once under yyyy-MM-dd/, never replaced.
resource backupsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'backups'
  properties: {
    publicAccess: 'None'
  }
}

resource plainContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in plainContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Time-based retention (WORM): a document can be read but neither overwritten nor deleted until it is
// immutabilityRetentionDays old. Deployed unlocked; locking is a deliberate, irreversible step (docs/operations.md).
resource invoicesImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: invoicesContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource einvoicesImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: einvoicesContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource remindersImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: remindersContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource bankFilesArchiveImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: bankFilesArchiveContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource auditSealsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: auditSealsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource backupsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!immutabilityPoliciesLocked) {
  parent: backupsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: backupRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

// Data-plane roles for the app's identity, scoped to this account only.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageBlobDataOwner)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageQueueDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Bank files uploaded to bank-files raise events here; the pipeline subscribes the ImportBankFile blob trigger
// (Event Grid source, the only blob trigger the Flex Consumption plan supports) once the code is deployed.
resource blobEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: '${name}-events'
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the storage account.')
output name string = account.name

@description('Resource id of the storage account.')
output id string = account.id

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Name of the Event Grid system topic for blob events.')
output eventGridSystemTopicName string = blobEvents.name
