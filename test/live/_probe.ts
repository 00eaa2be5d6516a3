import { startMoto, motoEnv } from './moto.js';
import { seedAccount } from './seed.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { loadCatalog } from '../../checks/engine/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
motoEnv();
const m = await startMoto();
try {
  const seeded = await seedAccount(m.endpoint, { everyKind: true });
  const s = await collectSnapshot({ regions: ['us-east-1', 'us-west-2'], endpointUrl: m.endpoint, maxAttempts: 2 });
  writeFileSync('/tmp/snap.json', JSON.stringify(s, null, 1));
  const model = linkModel(adaptSnapshot(s, 'snap.json'));
  const cat = loadCatalog();
  const profile = parse(readFileSync('policies/profile.default.yaml', 'utf8'));
  const f = runPolicies(cat.policies, model, { profile });
  for (const x of f) console.log(x.status.padEnd(8), x.policyId.padEnd(45), x.resource.arn, x.status !== 'pass' ? x.message.slice(0, 150) : '');
  console.log(seeded);
} finally { await m.stop(); }
