import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/engine/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import { FIXTURE_FILE, runPolicyFixtures } from '../../checks/pipeline/fixtures.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const catalog = loadCatalog();
const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frfix-')));
const FIXTURES = join(__dirname, '../../fixtures');

// One test per policy: every source it declares has a pass and a fail fixture that behave.
describe.each(catalog.policies.map((p) => [p.id, p] as const))('%s', (_id, policy) => {
  it(`fixtures for ${policy.sources.map((s) => FIXTURE_FILE[s]).join(', ')} pass and fail as declared`, async () => {
    const results = await runPolicyFixtures(policy, FIXTURES, config, catalog);
    const problems = results.filter((r) => !r.ok).map((r) => `[${r.source} ${r.expectation}] ${r.problems.join('; ')}`);
    expect(problems).toEqual([]);
    expect(results.length).toBe(policy.sources.length * 2);
  });
});
