/**
 * Regenerate the recorded live snapshots of the data-store, network and identity policies:
 *   npx tsx test/live/fixture-gen/gen.ts [policy-id ...]
 * Writes fixtures/<policy>/{pass,fail}/live.json and adds the fail ARNs to fixtures/<policy>/fail/expect.yaml.
 */
import { fileURLToPath } from 'node:url';
import { DATASTORE_CASES } from './datastores.js';
import { NETWORK_CASES } from './network.js';
import { writeCase, type LiveCase } from './lib.js';

export const CASES: Record<string, () => LiveCase> = { ...DATASTORE_CASES, ...NETWORK_CASES };

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wanted = process.argv.slice(2);
  for (const id of wanted.length ? wanted : Object.keys(CASES)) {
    const make = CASES[id];
    if (!make) throw new Error(`no live case for ${id}`);
    writeCase(FIXTURES, id, make());
    console.log(`wrote ${id}`);
  }
}
