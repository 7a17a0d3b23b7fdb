#!/usr/bin/env node
// Validates a built Teams app package offline: node manifest/validate.mjs manifest/build/govbot.zip
//   - manifest.json, and both icons it names, sit at the root of the zip
//   - no ${{PLACEHOLDER}} is left
//   - manifest.json passes the JSON schema named by its $schema, bundled in @microsoft/app-manifest (no network)
// Prints one JSON line {"valid":bool,"schema":"...","errors":[...]} and exits 0 (valid) or 1 (invalid).
import { readFileSync } from 'node:fs';
import { readZip } from './zip.mjs';

const path = process.argv[2];
if (!path) {
  console.error('usage: node manifest/validate.mjs <package.zip | manifest.json>');
  process.exit(2);
}

let AppManifestUtils;
try {
  ({ AppManifestUtils } = (await import('@microsoft/app-manifest')).default);
} catch (e) {
  console.error(`@microsoft/app-manifest is not installed (run npm ci at the repo root): ${e.message}`);
  process.exit(2);
}

const errors = [];
let manifest;
try {
  const isZip = path.endsWith('.zip');
  const entries = isZip ? readZip(readFileSync(path)) : null;
  const text = isZip ? entries.get('manifest.json')?.toString('utf8') : readFileSync(path, 'utf8');
  if (text === undefined) throw new Error('manifest.json is not at the root of the package');
  const left = text.match(/\$\{\{[^}]*\}\}/g);
  if (left) errors.push(`unsubstituted placeholders: ${[...new Set(left)].join(', ')}`);
  manifest = JSON.parse(text);
  if (entries) {
    for (const icon of [manifest.icons?.color, manifest.icons?.outline]) {
      if (icon && !entries.has(icon)) errors.push(`icon ${icon} named in manifest.json is not in the package`);
    }
    for (const name of entries.keys()) {
      if (name.includes('/')) errors.push(`${name}: files must sit at the root of the package`);
    }
  }
  const schemaUrl = manifest.$schema ?? '';
  if (!/\/v1\.30\/MicrosoftTeams\.schema\.json$/.test(schemaUrl)) errors.push(`$schema must be the v1.30 Teams schema, got '${schemaUrl}'`);
  for (const e of await AppManifestUtils.validateAgainstSchema(manifest)) errors.push(`schema: ${e}`);
} catch (e) {
  errors.push(e.message);
}
console.log(JSON.stringify({ valid: errors.length === 0, schema: manifest?.$schema ?? null, errors }));
process.exit(errors.length === 0 ? 0 : 1);
