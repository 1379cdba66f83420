// The test environment. Deployment-specific values come from environment variables: in Azure Pipelines from the
// variable group invoicing-test, locally from your shell (see docs/operations.md, "Deployment variables").
// A missing required variable fails the deployment before anything is changed.
using 'main.bicep'

param environmentName = 'test'

param authClientId = readEnvironmentVariable('INVOICING_AUTH_CLIENT_ID')
param authTenantId = readEnvironmentVariable('INVOICING_AUTH_TENANT_ID', '')
param alertEmail = readEnvironmentVariable('INVOICING_ALERT_EMAIL')

// Comma-separated object ids of the users or groups who set and rotate the SMTP password; may be empty.
param secretsOfficerPrincipalIds = split(readEnvironmentVariable('INVOICING_SECRETS_OFFICER_IDS', ''), ',')

param issuer = {
  id: readEnvironmentVariable('INVOICING_ISSUER_ID')
  name: readEnvironmentVariable('INVOICING_ISSUER_NAME')
  addressLines: [
    readEnvironmentVariable('INVOICING_ISSUER_ADDRESS_LINE_1', '')
    readEnvironmentVariable('INVOICING_ISSUER_ADDRESS_LINE_2', '')
    readEnvironmentVariable('INVOICING_ISSUER_ADDRESS_LINE_3', '')
  ]
  organisationNumber: readEnvironmentVariable('INVOICING_ISSUER_ORGANISATION_NUMBER')
  bankgiro: readEnvironmentVariable('INVOICING_ISSUER_BANKGIRO')
  contactName: readEnvironmentVariable('INVOICING_ISSUER_CONTACT_NAME')
  contactPhone: readEnvironmentVariable('INVOICING_ISSUER_CONTACT_PHONE')
  contactEmail: readEnvironmentVariable('INVOICING_ISSUER_CONTACT_EMAIL')
  paymentTermsDays: int(readEnvironmentVariable('INVOICING_ISSUER_PAYMENT_TERMS_DAYS', '30'))
  vatNumber: readEnvironmentVariable('INVOICING_ISSUER_VAT_NUMBER', '')
  vatRatePercent: int(readEnvironmentVariable('INVOICING_ISSUER_VAT_RATE_PERCENT', '0'))
  vatText: readEnvironmentVariable('INVOICING_ISSUER_VAT_TEXT', '')
  partyCode: readEnvironmentVariable('INVOICING_ISSUER_PARTY_CODE', '')
}

param smtp = {
  host: readEnvironmentVariable('INVOICING_SMTP_HOST')
  port: int(readEnvironmentVariable('INVOICING_SMTP_PORT', '587'))
  userName: readEnvironmentVariable('INVOICING_SMTP_USER_NAME')
  from: readEnvironmentVariable('INVOICING_SMTP_FROM')
}

// Test documents are disposable: a one-day WORM retention still exercises the policy without keeping test data for
// years. The policy stays unlocked in test.
param immutabilityRetentionDays = 1
param immutabilityPoliciesLocked = false
param blobSoftDeleteDays = 7
param containerSoftDeleteDays = 7
param storageSkuName = 'Standard_LRS'
param logRetentionDays = 30
