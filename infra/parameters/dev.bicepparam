using '../main.bicep'

param environmentName = 'dev'
param appServicePlanSku = 'B1'
// Entra ID group of the PMO; override per deployment: az deployment group create ... -p pmoGroupId=<object id>
param pmoGroupId = readEnvironmentVariable('GOVBOT_PMO_GROUP_ID', '00000000-0000-0000-0000-000000000000')
// Key for notices' signed links (docs/notices.md): base64 of 32+ random bytes.
param noticeLinkSigningKey = readEnvironmentVariable('GOVBOT_NOTICE_LINK_KEY')
param tags = {
  costCentre: 'mhhs-pmo'
}
