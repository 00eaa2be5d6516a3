import { readHcl } from './checks/sources/hcl/index.js';
const t = Date.now();
const r = await readHcl([process.argv[2] as string], { root: process.argv[2] });
console.log(JSON.stringify(r, (k, v) => (v instanceof Set ? [...v] : v), 1).slice(0, +(process.argv[3] ?? 100000)));
console.log(Date.now() - t, 'ms');
