import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { adaptSnapshot } from '../../../checks/adapters/live/index.js';
import { linkModel } from '../../../checks/adapters/link.js';
import { loadCatalog } from '../../../checks/engine/catalog.js';
import { runPolicies } from '../../../checks/engine/run.js';
import type { Profile } from '../../../checks/engine/types.js';
import { serializeSnapshot, validateSnapshot, type Snapshot } from '../../../checks/sources/live/snapshot.js';
import { CASES } from './gen.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));
const catalog = loadCatalog();
const defaults = parseYaml(readFileSync(new URL('../../../policies/profile.default.yaml', import.meta.url), 'utf8')) as Profile;

function readOverrides(file: string): Partial<Profile> {
  return existsSync(file) ? ((parseYaml(readFileSync(file, 'utf8')) as Partial<Profile> | null) ?? {}) : {};
}

/** One policy over a snapshot, with the fixture folder's profile overrides (as `policies test` applies them). */
function evaluate(snap: Snapshot, id: string, overrides: Partial<Profile> = {}) {
  const model = linkModel(adaptSnapshot(snap, 'live.json'));
  return runPolicies(catalog.policies, model, { profile: { ...defaults, ...overrides }, only: new Set([id]) });
}

// The recorded live fixtures of the data-store and network policies are generated: the files on disk
// must be what the generator writes, so a hand edit or a stale fixture shows up here.
describe.each(Object.keys(CASES).map((id) => [id]))('%s live fixtures', (id) => {
  const c = CASES[id]!();

  it('declares the live source and its fixtures are the generator output', () => {
    expect(catalog.byId.get(id)?.sources).toContain('live');
    for (const [which, snap] of [['pass', c.pass], ['fail', c.fail]] as const) {
      const file = join(FIXTURES, id, which, 'live.json');
      expect(existsSync(file), `${file} missing: run npx tsx test/live/fixture-gen/gen.ts ${id}`).toBe(true);
      validateSnapshot(JSON.parse(readFileSync(file, 'utf8')), file);
      expect(readFileSync(file, 'utf8'), `${file} differs from the generator: rerun it`).toBe(serializeSnapshot(snap));
    }
  });

  it('lists every failing ARN in expect.yaml and fails exactly those, passing the compliant neighbours', () => {
    const expected = (parseYaml(readFileSync(join(FIXTURES, id, 'fail', 'expect.yaml'), 'utf8')) as { findings: Array<{ arn?: string }> }).findings;
    const arns = expected.filter((e) => e.arn).map((e) => e.arn);
    expect(arns).toEqual(expect.arrayContaining(c.failArns));
    const overrides = readOverrides(join(FIXTURES, id, 'fail', 'profile.yaml'));
    const fails = evaluate(c.fail, id, overrides).filter((f) => f.status === 'fail').map((f) => f.resource.arn);
    expect(fails.sort()).toEqual([...c.failArns].sort());
    const passes = evaluate(c.pass, id, readOverrides(join(FIXTURES, id, 'pass', 'profile.yaml')));
    expect(passes.map((f) => f.status)).toContain('pass');
    expect(passes.filter((f) => f.status !== 'pass').map((f) => `${f.status} ${f.resource.arn}`)).toEqual([]);
  });
});
