using '../main.bicep'

param environmentName = 'prod'
param appServicePlanSku = 'P0v3'
param logRetentionDays = 90
// Entra ID group of the PMO: GOVBOT_PMO_GROUP_ID must be set before deploying (docs/deploy.md); no default in prod.
param pmoGroupId = readEnvironmentVariable('GOVBOT_PMO_GROUP_ID')
// Key for notices' signed links (docs/notices.md): GOVBOT_NOTICE_LINK_KEY, base64 of 32+ random bytes; no default in prod.
param noticeLinkSigningKey = readEnvironmentVariable('GOVBOT_NOTICE_LINK_KEY')
param tags = {
  costCentre: 'mhhs-pmo'
}
