// Renders every *.json Adaptive Card in a directory with the official `adaptivecards` renderer (the one the
// Adaptive Cards designer uses) under jsdom, with the Teams light host config, and reports parse, validation
// and render problems. Usage: node render-cards.cjs <cardsDir> <hostConfig.json>
// Prints one JSON line: {"cards": n, "errors": [{"file", "stage", "message"}]}; exits 1 when there are errors.
'use strict';
const fs = require('fs');
const path = require('path');

const [cardsDir, hostConfigPath] = process.argv.slice(2);
if (!cardsDir || !hostConfigPath) {
  console.error('usage: node render-cards.cjs <cardsDir> <hostConfig.json>');
  process.exit(2);
}

let JSDOM;
let AC;
try {
  ({ JSDOM } = require('jsdom'));
} catch (e) {
  console.error('jsdom is not installed: run `npm ci` at the repository root (' + e.message + ')');
  process.exit(3);
}
const dom = new JSDOM('<!DOCTYPE html><body></body>');
global.window = dom.window;
global.document = dom.window.document;
for (const k of Object.getOwnPropertyNames(dom.window)) {
  if (/^(HTML|SVG|Node|Element|Event|KeyboardEvent|MouseEvent|getComputedStyle|navigator)/.test(k) && !(k in global)) {
    global[k] = dom.window[k];
  }
}
try {
  // Not require('adaptivecards'): its lib/ is extensionless ESM that Node 20 cannot load.
  AC = require('adaptivecards/dist/adaptivecards.js');
} catch (e) {
  console.error('adaptivecards is not installed: run `npm ci` at the repository root (' + e.message + ')');
  process.exit(3);
}
AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = text; result.didProcess = true; };

const hostConfig = new AC.HostConfig(JSON.parse(fs.readFileSync(hostConfigPath, 'utf8')));
const errors = [];
const files = fs.readdirSync(cardsDir).filter(f => f.endsWith('.json')).sort();
for (const file of files) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(path.join(cardsDir, file), 'utf8'));
  } catch (e) {
    errors.push({ file, stage: 'json', message: e.message });
    continue;
  }
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  card.parse(json, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const ev = ctx.getEventAt(i);
    errors.push({ file, stage: 'parse', message: `${AC.ValidationEvent[ev.event] ?? ev.event}: ${ev.message}` });
  }
  const report = card.validateProperties();
  for (const ev of report.validationEvents) {
    errors.push({ file, stage: 'validate', message: `${AC.ValidationEvent[ev.event] ?? ev.event}: ${ev.message}` });
  }
  try {
    const el = card.render();
    if (!el) errors.push({ file, stage: 'render', message: 'render() returned nothing' });
  } catch (e) {
    errors.push({ file, stage: 'render', message: e.message });
  }
}
console.log(JSON.stringify({ cards: files.length, errors }));
process.exit(errors.length ? 1 : 0);
