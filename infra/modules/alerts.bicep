// Alerts on the Log Analytics workspace: a failed annual invoicing or reminder run, outbox messages that have
// failed for good, and an app that refuses to start. Each notifies the action group by e-mail. docs/operations.md says what each means and what to do.

import { tagSet } from 'types.bicep'

@description('Prefix of the alert and action group names, e.g. invoicing-prod.')
param namePrefix string

@description('Azure region of the workspace (log alerts live there).')
param location string

@description('Tags for every resource.')
param tags tagSet

@description('Resource id of the Log Analytics workspace the app\'s telemetry goes to.')
param workspaceId string

@description('E-mail address that receives the alerts.')
param alertEmail string

@description('Functions whose failed run raises the run-failure alert.')
param monitoredFunctions string[]

@description('Name of the structured log event the app writes when an outbox message has failed for good.')
param outboxFailedEventName string

var functionList = join(map(monitoredFunctions, f => '"${f}"'), ', ')

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(namePrefix, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each run of a timer function is one request in Application Insights; Success is false when it threw.
resource runFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-run-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: '${namePrefix}: an invoicing or reminder run failed'
    description: 'A run of ${join(monitoredFunctions, ' or ')} ended with an error. See docs/operations.md, "Alert: a run failed".'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'AppRequests\n| where Name in (${functionList})\n| where Success == false\n| project TimeGenerated, Name, OperationId, ResultCode'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'Name'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// The app logs the event named outboxFailedEventName when a message has used up its retries and is left in the Outbox
// table as failed, or left Uncertain (a delivery died after handing the message over: never resent automatically,
// so a person must check it). The rule matches the event name in the telemetry's properties (EventName: the Azure Monitor
// OpenTelemetry exporter writes a log record's event id and name as EventId and EventName) or at the start of the message; logged with an exception, the event
// lands in AppExceptions instead of AppTraces.
resource outboxFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-outbox-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: '${namePrefix}: outbox messages stuck as failed'
    description: 'At least one outbox message (an invoice or reminder e-mail) has failed for good or is uncertain. See docs/operations.md, "Alert: outbox messages stuck as failed".'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'union isfuzzy=true AppTraces, AppExceptions\n| where tostring(Properties.EventName) in ("${outboxFailedEventName}", "OutboxMessageUncertain") or Message startswith "${outboxFailedEventName}" or Message startswith "OutboxMessageUncertain"\n| project TimeGenerated, Message, OperationId, Properties'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// The worker validates its settings at start (issuer, storage, identity) and, when one is wrong, exits with one line
// starting "Invoicing refuses to start:" that names the setting. No timer runs then, so the run-failed rule above never
// sees a failed request: this rule reads the line itself, which the host logs from the worker's output.
resource refusedToStart 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-refused-to-start'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: '${namePrefix}: the app refuses to start'
    description: 'The Functions app stopped at start because a setting is wrong; the message names it. See docs/operations.md, "Alert: the app refuses to start".'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'AppTraces\n| where Message has "Invoicing refuses to start"\n| project TimeGenerated, Message'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

@description('Resource id of the action group.')
output actionGroupId string = actionGroup.id
