// Tests that read ../shared beside the checkout (public corpora, the FERPA control list): read in
// place, never copied into the repo. A user's clone has no ../shared, so there such a test is reported
// as skipped with the reason; in CI (CI=true) and in a workspace that has ../shared, a missing part
// is a failure, never a skip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A path under ../shared (the folder beside the checkout). */
export function sharedDir(...parts: string[]): string {
  return join(REPO, '..', 'shared', ...parts);
}

function inCi(env: NodeJS.ProcessEnv): boolean {
  const v = (env.CI ?? '').toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

export type SharedPlan = { run: true } | { run: false; skip: boolean; reason: string };

/**
 * Run, skip (a user's clone: no ../shared at all) or fail (CI, or a workspace whose ../shared lacks
 * the part) for a test that needs <shared>/<needs>. The workspace's ../shared is recognised by what it
 * always holds, so an unrelated folder named shared beside a clone does not count.
 */
export function sharedPlan(needs: string, shared = sharedDir(), env: NodeJS.ProcessEnv = process.env): SharedPlan {
  if (existsSync(join(shared, needs))) return { run: true };
  if (inCi(env)) return { run: false, skip: false, reason: `../shared/${needs} is missing, and CI runs every test (CI=${env.CI})` };
  const workspace = existsSync(join(shared, 'corpora', 'MANIFEST.jsonl')) || existsSync(join(shared, 'FERPA-CONTROLS.md'));
  if (workspace) return { run: false, skip: false, reason: `../shared is here but ../shared/${needs} is missing: this test did not run` };
  return { run: false, skip: true, reason: `needs ../shared/${needs} (public corpora and docs beside the checkout), not present` };
}

/** `describe` whose tests need ../shared/<needs>; without it, one skipped test names the reason (a failing one in CI). */
export function describeWithShared(name: string, needs: string, body: () => void): void {
  const plan = sharedPlan(needs);
  if (plan.run) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    if (plan.skip) it.skip(plan.reason, () => {});
    else it(`needs ../shared/${needs}`, () => expect.fail(plan.reason));
  });
}

/** `it` that needs ../shared/<needs>: skipped with the reason in its name without it (failing in CI). */
export function itWithShared(name: string, needs: string, fn: () => unknown, timeout?: number): void {
  const plan = sharedPlan(needs);
  if (plan.run) it(name, fn, timeout);
  else if (plan.skip) it.skip(`${name} (${plan.reason})`, fn);
  else it(name, () => expect.fail(plan.reason));
}
