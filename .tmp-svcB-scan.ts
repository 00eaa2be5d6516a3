import { loadCatalog } from './checks/engine/catalog.js';
import { loadConfig } from './checks/engine/config.js';
import { runPolicyFixtures } from './checks/pipeline/fixtures.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frfix-')));
for (const p of catalog.policies.filter((p) => /^aws-(sg|default-sg|subnet|vpc|flow|ebs|lb)-/.test(p.id))) {
  const rs = await runPolicyFixtures(p, join(process.cwd(), 'fixtures'), config, catalog);
  for (const r of rs.filter((r) => r.source !== 'live')) if (!r.ok || process.argv[2]) console.log(p.id, r.source, r.expectation, r.ok ? 'OK' : r.problems.join(';'), '|', r.findings.map((f) => `${f.status}:${f.resource.address}`).join(' '));
}
console.log('checked');
