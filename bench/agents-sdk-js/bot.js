// The comparison bot for `./govbot bench`: a minimal bot on Microsoft's official Microsoft 365 Agents SDK for
// JavaScript (@microsoft/agents-hosting, pinned in package.json). It answers every message with an Adaptive Card of
// about the size of GovBot's change-request card, built here in JS (no storage: this measures the SDK's hosting,
// token validation and outbound reply, which is the work the two bots share).
//
// Configuration is the SDK's own, from the environment (set by the bench):
//   PORT                                              where to listen (127.0.0.1 only)
//   Connections__ServiceConnection__Settings__*       clientId, tenantId, authType, authorityEndpoint, issuers
//   ConnectionsMap__0__ServiceUrl / __Connection      the default connection
// With no clientId the SDK runs anonymously (no inbound token check, no outbound token).
'use strict';
const express = require('express');
const { CloudAdapter, authorizeJWT, loadAuthConfigFromEnv, MessageFactory, CardFactory } = require('@microsoft/agents-hosting');

const authConfig = loadAuthConfigFromEnv();
const adapter = new CloudAdapter(authConfig);
adapter.onTurnError = async (_context, error) => { console.error('turn error:', error && error.message); };

function changeRequestCard(text) {
  const fact = (title, value) => ({ title, value });
  const respondents = ['Supplier', 'Distribution', 'Elexon', 'Programme', 'Agent', 'Independent', 'Supplier agent', 'Data service',
    'Meter operator', 'Network operator', 'Large supplier', 'Small supplier', 'Central systems', 'Code body', 'Consumer body', 'Trade body'];
  const votes = respondents.map((group, i) => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: `${group} participants`, wrap: true }] },
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: `${2 + (i % 3)} yes · 0 no · ${i % 2} abstain`, wrap: true }] },
    ],
  }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `${text.toUpperCase()} Supplier Registration of ABMU and MPAN Mapping`, size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: 'Change request · as of Wednesday 6 March 2024', isSubtle: true, spacing: 'None', wrap: true },
      { type: 'FactSet', facts: [
        fact('Status', 'Decision'), fact('Raised', 'Wednesday 10 January 2024'), fact('Raised by', 'Programme (PMO)'),
        fact('Impact assessment', '12 yes, 0 no, 4 abstain'), fact('Decision body', 'DAG advises the SRO'), fact('Next meeting', 'DAG 34, Wednesday 13 March 2024'),
      ] },
      { type: 'TextBlock', text: 'Summary', weight: 'Bolder', spacing: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Clarifies how suppliers register Advanced Boundary Metering Units and map them to MPANs in the target operating model, so that registration and settlement data agree from the first day of migration.', wrap: true },
      { type: 'TextBlock', text: 'Impact assessment responses', weight: 'Bolder', spacing: 'Medium', wrap: true },
      ...votes,
      { type: 'TextBlock', text: 'Where it has been discussed', weight: 'Bolder', spacing: 'Medium', wrap: true },
      ...[29, 30, 31, 32, 33, 34].map((n) => ({
        type: 'Container',
        selectAction: { type: 'Action.Submit', data: { msteams: { type: 'imBack', value: `agenda for DAG ${n}` } } },
        items: [
          { type: 'TextBlock', text: `**DAG ${n}** Design Advisory Group, item ${n % 7 + 2}: ${text.toUpperCase()} impact assessment and recommendation`, wrap: true },
          { type: 'TextBlock', text: `Wednesday ${n - 20} ${n < 33 ? 'January' : 'March'} 2024 · Decision · Lead: Programme (PMO)`, isSubtle: true, size: 'Small', spacing: 'None', wrap: true },
        ],
      })),
      { type: 'TextBlock', text: 'Decisions', weight: 'Bolder', spacing: 'Medium', wrap: true },
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ type: 'TextBlock', text: `DAG-DEC-${30 + n}: the DAG advised the SRO on ${text.toUpperCase()} (step ${n} of the change process), with the minutes recording the views of every constituency.`, wrap: true })),
    ],
    actions: [
      { type: 'Action.Submit', title: 'Open CR log', data: { msteams: { type: 'imBack', value: 'open change requests' } } },
      { type: 'Action.Submit', title: 'Next DAG meeting', data: { msteams: { type: 'imBack', value: 'next DAG meeting' } } },
    ],
  };
}

async function logic(context) {
  if (context.activity.type === 'message') {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(changeRequestCard(context.activity.text || ''))));
  }
}

const server = express();
server.use(express.json({ limit: '1mb' }));
server.get('/readyz', (_req, res) => res.status(200).send('ok'));
server.post('/api/messages', authorizeJWT(authConfig), (req, res) => adapter.process(req, res, logic));
const port = Number(process.env.PORT || 3979);
server.listen(port, '127.0.0.1', () => console.log(`agents-sdk-js bot listening on 127.0.0.1:${port}`));
