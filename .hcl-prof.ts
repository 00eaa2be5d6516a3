import { parseFile } from './checks/sources/hcl/parse.js';
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
function walk(d: string, pred: (p: string) => boolean, out: string[] = []): string[] {
  for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p, pred, out); else if (pred(p)) out.push(p); }
  return out;
}
const files = walk('../shared/corpora/terraform-compliance__cli/tests', (p) => p.endsWith('.tf'));
const h = createRequire(import.meta.url)('@cdktf/hcl2json');
await h.parse('x.tf', 'a = 1');
let t = Date.now();
for (const f of files) await h.parse(f, readFileSync(f, 'utf8'));
console.log('raw parse', files.length, Date.now() - t);
t = Date.now();
for (const f of files) await parseFile(f, f);
console.log('parseFile', Date.now() - t);
const big = files.map((f) => readFileSync(f, 'utf8')).join('\n').replace(/(resource|data|module|variable|output) "([^"]+)"( "([^"]+)")?/g, (m) => m);
console.log('lines', big.split('\n').length);
t = Date.now();
try { await h.parse('big.tf', big); } catch (e) { console.log('dup err', String(e).slice(0, 100)); }
console.log('big', Date.now() - t);
for (let i = 0; i < 3; i++) { t = Date.now(); try { await h.parse('big.tf', big); } catch {} console.log('big again', Date.now() - t); }
t = Date.now();
for (const f of files) await h.parse(f, readFileSync(f, 'utf8'));
console.log('raw parse again', files.length, Date.now() - t);
