import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPlan } from './shared.js';

// Tests needing ../shared skip only on a user's clone (no ../shared, CI unset); anywhere else a
// missing part fails, so the workspace and CI never pass a test that did not run.
function folder(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'frshared-'));
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

describe('sharedPlan: run, skip or fail a test that needs ../shared', () => {
  const clone = join(folder([]), 'shared'); // nothing beside the checkout
  const unrelated = folder(['notes.txt']); // a folder named shared that is not the workspace's
  const workspace = folder(['corpora/MANIFEST.jsonl', 'corpora/fugue__regula/x.json']);

  it('runs when the part is there, CI or not', () => {
    expect(sharedPlan('corpora/fugue__regula', workspace, {})).toEqual({ run: true });
    expect(sharedPlan('corpora/fugue__regula', workspace, { CI: 'true' })).toEqual({ run: true });
  });

  it("skips with the reason on a user's clone (no ../shared, CI unset or false)", () => {
    for (const env of [{}, { CI: 'false' }, { CI: '0' }]) {
      for (const dir of [clone, unrelated]) {
        const plan = sharedPlan('corpora/fugue__regula', dir, env);
        expect(plan).toMatchObject({ run: false, skip: true });
        expect(!plan.run && plan.reason).toBe('needs ../shared/corpora/fugue__regula (public corpora and docs beside the checkout), not present');
      }
    }
  });

  it('fails in CI when it is missing', () => {
    for (const CI of ['true', '1']) expect(sharedPlan('corpora/fugue__regula', clone, { CI })).toMatchObject({ run: false, skip: false, reason: expect.stringMatching(/CI runs every test/) });
  });

  it('fails in a workspace whose ../shared lacks the part', () => {
    expect(sharedPlan('corpora/terraform-compliance__cli', workspace, {})).toMatchObject({ run: false, skip: false, reason: expect.stringMatching(/is missing: this test did not run/) });
    expect(sharedPlan('FERPA-CONTROLS.md', folder(['FERPA-CONTROLS.md']), {})).toEqual({ run: true });
  });
});
