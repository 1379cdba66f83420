// Deliberately broken: must never compile. Used by BrokenTemplateTests.

param location string = resourceGroup().location

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stbroken${undefinedSuffix}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: 'no'
  }
}

output id string = account.id
