// Not a test, not part of `npm run bench`: repeats the plan phases in one process (warm) so a change to one
// phase can be measured without the noise of start-up. Usage: node --import tsx bench/phases.ts plan.json [runs]
import { readPlan } from '../checks/sources/plan/index.js';
import { adaptTerraformInventory } from '../checks/adapters/terraform/index.js';
import { classificationOptions } from '../checks/adapters/classification.js';
import { linkModel } from '../checks/adapters/link.js';
import { runPolicies } from '../checks/engine/run.js';
import { loadCatalog } from '../checks/pipeline/catalog.js';
import { loadConfig } from '../checks/engine/config.js';
import { DATA_STORE_KIND } from '../checks/model/kinds/inventory.js';

const file = process.argv[2]!;
const runs = Number(process.argv[3] ?? 5);
const catalog = loadCatalog();
const config = loadConfig(undefined, '/nonexistent');
const policies = catalog.policies.filter((p) => p.resource !== DATA_STORE_KIND);
const classification = classificationOptions(config.profile, catalog.dataStores.kinds);
const times: Record<string, number[]> = {};
const time = <T>(name: string, f: () => T): T => {
  const t0 = performance.now();
  const r = f();
  (times[name] ??= []).push(performance.now() - t0);
  return r;
};
let n = 0;
for (let i = 0; i < runs; i++) {
  const src = time('read', () => readPlan(file, { display: file }));
  const records = src.providers?.length ? src.records.concat(src.providers) : src.records;
  const adapted = time('model', () => adaptTerraformInventory(records, 'plan', src.opaqueModules ?? [], classification));
  const model = time('link', () => linkModel(adapted.resources));
  const findings = time('evaluate', () => runPolicies(policies, model, { profile: config.profile, checks: catalog.checks }));
  n = findings.length;
}
for (const [k, xs] of Object.entries(times)) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${k.padEnd(9)} ${xs.map((x) => x.toFixed(0)).join(' ')} min ${s[0]!.toFixed(0)} ms  median ${s[s.length >> 1]!.toFixed(0)} ms`);
}
console.log(`${n} findings`);
