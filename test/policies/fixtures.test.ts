import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import { FIXTURE_FILE, runPolicyFixtures } from '../../checks/pipeline/fixtures.js';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseYaml } from 'yaml';

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
    // Exact, as the retired live-fixture generator's test held them: a pass case passes everything it
    // evaluates, and a fail case fails nothing its expect.yaml does not list.
    const expectFile = join(FIXTURES, policy.id, 'fail', 'expect.yaml');
    const listed = new Set(((existsSync(expectFile) ? (parseYaml(readFileSync(expectFile, 'utf8')) as { findings?: Array<{ address?: string; arn?: string }> } | null)?.findings : undefined) ?? []).map((e) => e.address ?? e.arn));
    for (const r of results) {
      const where = `[${r.source} ${r.expectation}]`;
      if (r.expectation === 'pass') expect(r.findings.filter((f) => f.status !== 'pass').map((f) => `${where} ${f.status} ${f.resource.address ?? f.resource.arn}`)).toEqual([]);
      else expect(r.findings.filter((f) => f.status === 'fail' && !listed.has((r.source === 'live' ? f.resource.arn : f.resource.address) ?? undefined)).map((f) => `${where} unlisted fail ${f.resource.address ?? f.resource.arn}`)).toEqual([]);
    }
  });
});
