#!/usr/bin/env node
// Builds the Teams app package manifest/build/govbot.zip from the manifest.json template and the two icons.
//
//   node manifest/build-package.mjs --bot-app-id <guid> --teams-app-id <guid> \
//        --privacy-url https://... --terms-url https://... --bot-domain govbot-prod.azurewebsites.net
//
// Every option can come from the environment instead (BOT_APP_ID, TEAMS_APP_ID, PRIVACY_URL, TERMS_URL,
// BOT_DOMAIN, WEBSITE_URL, APP_VERSION); an option given on the command line wins.
//   BOT_APP_ID    client id of the bot's user-assigned managed identity (Bicep output botAppId)
//   TEAMS_APP_ID  the Teams app's own id: generate once (uuidgen) and keep it for every later version
//   BOT_DOMAIN    host name of the web app, without https:// (Bicep output botDomain)
//   WEBSITE_URL   optional, default https://<BOT_DOMAIN>/
//   APP_VERSION   optional, default 1.0.0; raise it for every upload that changes the manifest
//   --out DIR     optional, default manifest/build
// Exits 2 with one message listing every missing or invalid value.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from './zip.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

const PARAMS = {
  BOT_APP_ID: { flag: '--bot-app-id', check: v => GUID.test(v) || 'must be a GUID (the managed identity client id)' },
  TEAMS_APP_ID: { flag: '--teams-app-id', check: v => GUID.test(v) || 'must be a GUID' },
  PRIVACY_URL: { flag: '--privacy-url', check: httpsUrl },
  TERMS_URL: { flag: '--terms-url', check: httpsUrl },
  BOT_DOMAIN: { flag: '--bot-domain', check: v => HOST.test(v) || 'must be a host name such as govbot.azurewebsites.net (no https://, no path)' },
  WEBSITE_URL: { flag: '--website-url', optional: true, check: httpsUrl },
  APP_VERSION: { flag: '--app-version', optional: true, check: v => SEMVER.test(v) || 'must look like 1.2.3' },
};

function httpsUrl(v) {
  try {
    return new URL(v).protocol === 'https:' || 'must be an https:// URL';
  } catch {
    return 'must be an https:// URL';
  }
}

function parseArgs(argv) {
  const values = {};
  let out = join(HERE, 'build');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(lines.slice(0, lines.findIndex(l => !l.startsWith('//'))).map(l => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined) fail([`${flag} needs a value`]);
    if (flag === '--out') { out = resolve(value); continue; }
    const name = Object.keys(PARAMS).find(k => PARAMS[k].flag === flag);
    if (!name) fail([`unknown option ${flag} (see --help)`]);
    values[name] = value;
  }
  return { values, out };
}

function fail(problems) {
  console.error(`build-package: cannot build the Teams app package:\n${problems.map(p => `  - ${p}`).join('\n')}`);
  process.exit(2);
}

const { values: cli, out } = parseArgs(process.argv.slice(2));
const values = {};
const problems = [];
for (const [name, spec] of Object.entries(PARAMS)) {
  const value = (cli[name] ?? process.env[name] ?? '').trim();
  if (!value) {
    if (!spec.optional) problems.push(`${name} is missing (set ${name} or pass ${spec.flag})`);
    continue;
  }
  const verdict = spec.check(value);
  if (verdict !== true) problems.push(`${name} ${verdict}: got '${value}'`);
  values[name] = value;
}
if (problems.length) fail(problems);
values.WEBSITE_URL ??= `https://${values.BOT_DOMAIN}/`;
values.APP_VERSION ??= '1.0.0';

const template = readFileSync(join(HERE, 'manifest.json'), 'utf8');
const text = template.replace(/\$\{\{\s*([A-Z_]+)\s*\}\}/g, (whole, name) => {
  if (!(name in values)) fail([`manifest.json uses \${{${name}}}, which this script does not know`]);
  return values[name];
});
const manifest = JSON.parse(text); // the values are checked above, so they cannot break the JSON

const files = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
  { name: manifest.icons.color, data: readFileSync(join(HERE, manifest.icons.color)) },
  { name: manifest.icons.outline, data: readFileSync(join(HERE, manifest.icons.outline)) },
];
mkdirSync(out, { recursive: true });
const zipPath = join(out, 'govbot.zip');
writeFileSync(zipPath, createZip(files));
writeFileSync(join(out, 'manifest.json'), files[0].data);
console.log(`built ${zipPath} (Teams app ${values.TEAMS_APP_ID}, bot ${values.BOT_APP_ID}, version ${values.APP_VERSION})`);
