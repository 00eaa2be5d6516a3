import { describe, expect, it } from 'vitest';
import { applyEdit, loadMutations, proofContext, runMutation, summarise, type Mutation } from '../../scripts/mutate.js';
import { InputError } from '../../checks/errors.js';

// The whole mutation proof, one test per mutation of reference-stack/mutations.yaml (what `npm run
// mutate` prints): each realistic mistake made to the reference stack (or to its recorded account, for
// live-only policies) is caught by the policy it exists for, with only the collateral it declares.
describe('mutation proof', () => {
  const all = loadMutations();
  const ctx = proofContext();

  it('lists at least one mutation for every policy of the catalog', () => {
    const covered = new Set(all.map((m) => m.policy));
    const missing = ctx.catalog.policies.map((p) => p.id).filter((id) => !covered.has(id));
    expect(missing, `policies without a mutation in reference-stack/mutations.yaml`).toEqual([]);
    const unknown = all.map((m) => m.policy).filter((id) => !ctx.catalog.policies.some((p) => p.id === id));
    expect(unknown, 'mutations naming no policy of the catalog').toEqual([]);
  });

  it('holds enough mutations to mean something (a file that failed to load would list none)', () => {
    expect(all.length).toBeGreaterThanOrEqual(ctx.catalog.policies.length);
  });

  for (const m of all) {
    it(`${m.id} is caught by ${m.policy}, with only declared collateral`, async () => {
      const r = await runMutation(m, ctx);
      expect(r.error).toBeUndefined();
      expect(r.caught, `${m.policy} must fail after "${m.description}"`).toBe(true);
      expect(r.undeclared).toEqual([]);
      expect(r.declaredButPassing).toEqual([]);
    });
  }

  it('the unmutated production stack has no failing finding (the baseline)', async () => {
    const { baselineFor } = await import('../../scripts/mutate.js');
    expect([...(await baselineFor('production', ctx))]).toEqual([]);
  });

  it('reports a mutation that its policy does not catch as unproven', async () => {
    const harmless: Mutation = {
      id: 'comment-only',
      policy: 'aws-s3-sse-kms',
      description: 'adds a comment',
      env: 'production',
      edits: [{ kind: 'append', file: 'modules/storage/main.tf', text: '\n# nothing changes\n' }],
      alsoFails: [],
    };
    const r = await runMutation(harmless, ctx);
    expect(r.caught).toBe(false);
    const s = summarise(['aws-s3-sse-kms'], [r]);
    expect(s.unproven).toEqual(['aws-s3-sse-kms']);
    expect(s.lines[0]?.line).toMatch(/^UNPROVEN\s+aws-s3-sse-kms/);
    expect(s.problems.join('\n')).toMatch(/comment-only: aws-s3-sse-kms did not fail/);
  });

  it('reports declared collateral that no longer fails, so a stale alsoFails cannot hide behind a green proof', () => {
    const m: Mutation = { id: 'stale', policy: 'aws-s3-sse-kms', description: 'd', env: 'production', edits: [], alsoFails: ['aws-data-store-classified'] };
    const s = summarise(['aws-s3-sse-kms'], [{ mutation: m, caught: true, newlyFailing: ['aws-s3-sse-kms'], undeclared: [], declaredButPassing: ['aws-data-store-classified'] }]);
    expect(s.unproven).toEqual([]);
    expect(s.problems).toEqual(['mutation stale: declared collateral no longer fails: aws-data-store-classified']);
  });
});

describe('live mutations (guard slice)', () => {
  const ctx = proofContext();

  it('audits the unedited reference account clean, so a live mutation shows only what it breaks', async () => {
    const { liveKeys, LIVE_DIR } = await import('../../scripts/mutate.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(join(LIVE_DIR, 'account.live.yaml'), 'utf8');
    expect([...(await liveKeys(text, ctx))]).toEqual([]);
    expect([...(await liveKeys(text.replace('AccountMFAEnabled: 1', 'AccountMFAEnabled: 0'), ctx))]).toEqual(['aws-account-root-mfa|arn:aws:::111122223333:account']);
  });

  it('reports a live mutation whose text is not in the file as an error, not as caught', async () => {
    const m: Mutation = { id: 'nowhere', policy: 'aws-account-root-mfa', description: 'edits nothing', env: 'production', live: 'account.live.yaml', edits: [{ kind: 'replace', file: 'account.live.yaml', find: 'no such text', replace: 'x' }], alsoFails: [] };
    const r = await runMutation(m, ctx);
    expect(r.caught).toBe(false);
    expect(r.error).toMatch(/occurs 0 times/);
  });
});

describe('mutation edits', () => {
  const file = 'modules/x/main.tf';
  const text = 'resource "a" "b" {\n  x = "}"\n  inner {\n    y = 1\n  }\n}\n\nresource "c" "d" {\n  z = 2\n}\n';

  it('replaces text that occurs exactly once and refuses ambiguous or missing text', () => {
    expect(applyEdit(text, { kind: 'replace', file, find: 'z = 2', replace: 'z = 3' }, 'm')).toContain('z = 3');
    expect(() => applyEdit(text, { kind: 'replace', file, find: 'resource', replace: 'r' }, 'm')).toThrow(InputError);
    expect(() => applyEdit(text, { kind: 'replace', file, find: 'nowhere', replace: 'r' }, 'm')).toThrow(/occurs 0 times/);
  });

  it('deletes a whole block, braces inside strings and nested blocks included', () => {
    const out = applyEdit(text, { kind: 'deleteBlock', file, header: 'resource "a" "b" {' }, 'm');
    expect(out).toBe('\nresource "c" "d" {\n  z = 2\n}\n');
  });

  it('appends at the end of the file', () => {
    expect(applyEdit('a = 1', { kind: 'append', file, text: 'b = 2\n' }, 'm')).toBe('a = 1\nb = 2\n');
  });
});
