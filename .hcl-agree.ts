import { readHcl } from './checks/sources/hcl/index.js';
import { readPlan } from './checks/sources/plan/index.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
const C = '../shared/corpora';
const pairs: Array<[string[], string]> = [];
const tc = `${C}/terraform-compliance__cli/tests/functional`;
for (const d of readdirSync(tc)) if (existsSync(join(tc, d, 'plan.out.json')) && existsSync(join(tc, d, 'main.tf'))) pairs.push([[join(tc, d)], join(tc, d, 'plan.out.json')]);
const rg = `${C}/fugue__regula/rego/tests/examples/aws/inputs`;
for (const f of readdirSync(rg)) if (f.endsWith('_infra.tf') && existsSync(join(rg, f.replace('.tf', '.json')))) pairs.push([[join(rg, f)], join(rg, f.replace('.tf', '.json'))]);
let same = 0, diff = 0;
for (const [h, p] of pairs) {
  let hr, pr;
  try { hr = await readHcl(h, { root: C }); } catch (e) { console.log('HCL ERR', h[0], (e as Error).message); continue; }
  try { pr = readPlan(p); } catch (e) { console.log('PLAN ERR', p, (e as Error).message.slice(0, 100)); continue; }
  const A = new Set(hr.records.filter((r) => r.mode === 'managed' && r.type.startsWith('aws_')).map((r) => r.address));
  const B = new Set(pr.records.filter((r) => r.mode === 'managed' && r.type.startsWith('aws_')).map((r) => r.address));
  const onlyH = [...A].filter((x) => !B.has(x));
  const onlyP = [...B].filter((x) => !A.has(x));
  if (onlyH.length || onlyP.length) { diff++; console.log('DIFF', h[0].replace(C, ''), { onlyH: onlyH.slice(0, 5), onlyP: onlyP.slice(0, 5) }); } else same++;
}
console.log({ same, diff, pairs: pairs.length });
