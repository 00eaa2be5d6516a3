/**
 * Run only the live fixtures of the given policies (or of every generated case) and print problems:
 *   npx tsx test/live/fixture-gen/check.ts [policy-id ...]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../../checks/engine/catalog.js';
import { loadConfig } from '../../../checks/engine/config.js';
import { runPolicyFixtures } from '../../../checks/pipeline/fixtures.js';
import { CASES } from './gen.js';

const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frlive-')));
const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));
const ids = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(CASES);
let bad = 0;
for (const id of ids) {
  const policy = catalog.byId.get(id);
  if (!policy) {
    console.log(`?? ${id}: not in the catalog`);
    bad++;
    continue;
  }
  const results = await runPolicyFixtures({ ...policy, sources: ['live'] }, FIXTURES, config, catalog);
  for (const r of results) {
    const summary = r.findings.map((f) => `${f.status} ${f.resource.arn}${f.message && f.status !== 'pass' ? ` (${f.message})` : ''}`).join('; ');
    console.log(`${r.ok ? 'ok' : 'XX'} ${id} [${r.expectation}] ${r.ok ? '' : r.problems.join('; ')}${r.ok ? '' : `\n     ${summary}`}`);
    if (!r.ok) bad++;
  }
}
process.exitCode = bad ? 1 : 0;
