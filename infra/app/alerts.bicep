// Alerts over Application Insights, sent to one action group. docs/RUNBOOK.md says, for each,
// what it means, how to look and what to do. The app publishes the kamflows.* metrics through
// OpenTelemetry (customMetrics); the Functions host logs every invocation as a request named
// after the function.

@description('A timer function to watch, and how long it may stay silent before an alert.')
type timerFunction = {
  @description('Function name (the folder of its function.json).')
  name: string
  @description('Minutes without a run before the alert fires; rounded up to a window log alerts accept (at most 2 days).')
  maxSilenceMinutes: int
}

@description('Azure region of the Application Insights component.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the Application Insights component the rules query.')
param applicationInsightsId string

@description('Name of the action group.')
param actionGroupName string

@description('Address that receives the alerts; empty creates the action group without receivers.')
param alertEmail string = ''

@description('Timer functions and their allowed silence (infra/timer-functions.json, generated).')
param timerFunctions timerFunction[]

@description('HTTP 5xx answers within 5 minutes above which the 5xx alert fires.')
@minValue(0)
param http5xxThreshold int = 5

@description('Prefix of the rule names.')
param namePrefix string

// The smallest window a log alert accepts that covers the given silence, with an evaluation
// frequency that fits it (plain conditions: ARM evaluates them inside the copy loop below).
func alertWindow(minutes int) object =>
  minutes <= 5
    ? { size: 'PT5M', frequency: 'PT5M' }
    : minutes <= 10
        ? { size: 'PT10M', frequency: 'PT5M' }
        : minutes <= 15
            ? { size: 'PT15M', frequency: 'PT5M' }
            : minutes <= 30
                ? { size: 'PT30M', frequency: 'PT10M' }
                : minutes <= 60
                    ? { size: 'PT1H', frequency: 'PT15M' }
                    : minutes <= 120
                        ? { size: 'PT2H', frequency: 'PT30M' }
                        : minutes <= 360
                            ? { size: 'PT6H', frequency: 'PT1H' }
                            : minutes <= 1440 ? { size: 'P1D', frequency: 'PT6H' } : { size: 'P2D', frequency: 'PT6H' }

var longestWindow = 2880

// A timer that may legitimately stay silent longer than two days (a quarterly job) cannot be
// watched by a log alert window; it is left out here and covered by the runbook instead.
var watchedTimers = filter(timerFunctions, t => t.maxSilenceMinutes <= longestWindow)

var onePeriod = {
  numberOfEvaluationPeriods: 1
  minFailingPeriodsToAlert: 1
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'Global'
  tags: tags
  properties: {
    groupShortName: 'kamflows'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operators'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

var actions = {
  actionGroups: [
    actionGroup.id
  ]
}

resource poisonMessages 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-poison-messages'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'KamFlows: poison messages present'
    description: 'Messages sit in the work-poison queue (metric kamflows.poison.messages). See docs/RUNBOOK.md#poison-messages-present.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics\n| where name == "kamflows.poison.messages"\n| summarize PoisonMessages = max(valueMax)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'PoisonMessages'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: onePeriod
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource effectsFailing 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-effects-failing'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'KamFlows: effects failing'
    description: 'Effects (emails, tasks, notifications) failed in the last 15 minutes (metric kamflows.effects.failed). See docs/RUNBOOK.md#effects-failing.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics\n| where name == "kamflows.effects.failed"\n| summarize FailedEffects = sum(valueSum)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'FailedEffects'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: onePeriod
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource sweepLagging 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-sweep-lagging'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'KamFlows: due-timer sweep lagging'
    description: 'The due-timer sweep ran more than 5 minutes behind (metric kamflows.sweep.lag_seconds > 300). See docs/RUNBOOK.md#due-timer-sweep-lagging.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics\n| where name == "kamflows.sweep.lag_seconds"\n| summarize LagSeconds = max(valueMax)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'LagSeconds'
          operator: 'GreaterThan'
          threshold: 300
          failingPeriods: onePeriod
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource timerSilent 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for timer in watchedTimers: {
    name: '${namePrefix}-timer-${timer.name}-silent'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'KamFlows: timer ${timer.name} has not run'
      description: 'No invocation of the timer function ${timer.name} for ${timer.maxSilenceMinutes} minutes. See docs/RUNBOOK.md#a-timer-function-has-not-run.'
      severity: 1
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: alertWindow(timer.maxSilenceMinutes).frequency
      windowSize: alertWindow(timer.maxSilenceMinutes).size
      criteria: {
        allOf: [
          {
            query: 'requests\n| where name == "${timer.name}"\n| summarize Runs = count()'
            timeAggregation: 'Total'
            metricMeasureColumn: 'Runs'
            operator: 'LessThan'
            threshold: 1
            failingPeriods: onePeriod
          }
        ]
      }
      autoMitigate: true
      actions: actions
    }
  }
]

resource http5xx 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-http-5xx'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'KamFlows: HTTP 5xx answers'
    description: 'More than ${http5xxThreshold} answers with status 500 or above in 5 minutes. See docs/RUNBOOK.md#http-5xx-answers.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'requests\n| where toint(resultCode) >= 500\n| summarize Failures = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failures'
          operator: 'GreaterThan'
          threshold: http5xxThreshold
          failingPeriods: onePeriod
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

output actionGroupId string = actionGroup.id
output watchedTimerCount int = length(watchedTimers)
