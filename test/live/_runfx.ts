import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadCatalog } from '/work/main/checks/engine/catalog.js';
import { loadConfig } from '/work/main/checks/engine/config.js';
import { runPolicyFixtures } from '/work/main/checks/pipeline/fixtures.js';
const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frfix-')));
let ok = 0, bad = 0;
for (const p of catalog.policies) {
  if (!p.sources.includes('live')) continue;
  const res = await runPolicyFixtures({ ...p, sources: ['live'] }, '/work/main/fixtures', config, catalog);
  for (const r of res) { if (r.ok) ok++; else { bad++; console.log(`${p.id} [${r.expectation}] ${r.problems.join('; ').slice(0, 400)}`); } }
}
console.log(`${ok} ok, ${bad} bad`);
