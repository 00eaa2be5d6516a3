import { readHcl } from './checks/sources/hcl/index.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
function walk(d: string, pred: (p: string) => boolean, out: string[] = []): string[] {
  for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p, pred, out); else if (pred(p)) out.push(p); }
  return out;
}
const C = '../shared/corpora';
const files = [
  ...walk(`${C}/aquasecurity__trivy-checks/_derived/split`, (p) => p.endsWith('.tf')),
  ...walk(`${C}/terraform-compliance__cli/tests`, (p) => p.endsWith('/main.tf')),
  ...walk(`${C}/fugue__regula`, (p) => p.endsWith('_infra.tf')),
];
let ok = 0, fail = 0, recs = 0;
const t = Date.now();
for (const f of files) {
  try { const r = await readHcl([f], { root: C }); ok++; recs += r.records.length; }
  catch (e) { fail++; console.log('FAIL', f, (e as Error).message.slice(0, 300)); }
}
console.log({ ok, fail, recs, ms: Date.now() - t });
