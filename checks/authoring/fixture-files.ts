import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER } from '../engine/placeholders.js';
import { InputError } from '../errors.js';
import { readLiveFixture } from './live-fixture.js';
import { readPlanFixture } from './plan-fixture.js';

export type FixtureSource = 'hcl' | 'plan' | 'live' | 'app';

/** The file each source reads in `fixtures/<policy-id>/{pass,fail}/`: the full form and, where there is one, the compact form. */
export const FIXTURE_FORMS: Record<FixtureSource, { full: string; compact?: string }> = {
  hcl: { full: 'main.tf' },
  plan: { full: 'plan.json', compact: 'plan.yaml' },
  live: { full: 'live.json', compact: 'live.yaml' },
  app: { full: 'app.json' },
};


export interface FixtureInput {
  /** The path to scan (a folder for HCL, a file otherwise; a temporary file for a compact fixture). */
  path: string;
  /** The fixture file as the author wrote it. */
  file: string;
  /** Working directory for the scan (paths in findings are relative to it). */
  cwd: string;
  dispose(): void;
}

/** Which file of a case folder holds a source's fixture: undefined when there is none. */
export function fixtureFileOf(dir: string, source: FixtureSource): string | undefined {
  const forms = FIXTURE_FORMS[source];
  const full = join(dir, forms.full);
  const compact = forms.compact ? join(dir, forms.compact) : undefined;
  if (compact && existsSync(compact)) {
    if (existsSync(full)) throw new InputError(`both ${forms.full} and ${forms.compact}: keep one`, dir);
    return compact;
  }
  return existsSync(full) ? full : undefined;
}

/**
 * The input a source's fixture gives a scan. A compact fixture is expanded into a temporary file with
 * its full name (`plan.json`, `live.json`), so the scan reads exactly what `fixtures expand` writes.
 */
export function fixtureInput(dir: string, source: FixtureSource): FixtureInput | undefined {
  const file = fixtureFileOf(dir, source);
  if (!file) return undefined;
  if (source === 'hcl') return { path: dir, file, cwd: dir, dispose: () => {} };
  const compact = FIXTURE_FORMS[source].compact;
  if (!compact || !file.endsWith(compact)) return { path: file, file, cwd: dir, dispose: () => {} };
  const doc = expandFixture(file);
  const tmp = mkdtempSync(join(tmpdir(), 'ferpa-ready-fixture-'));
  const path = join(tmp, FIXTURE_FORMS[source].full);
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
  return { path, file, cwd: tmp, dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Expand a compact fixture file (`plan.yaml` or `live.yaml`, told apart by name) into its full document. */
export function expandFixture(file: string, display = file): unknown {
  if (file.endsWith('plan.yaml')) return readPlanFixture(file, display);
  if (file.endsWith('live.yaml')) return readLiveFixture(file, display);
  throw new InputError('not a compact fixture: expected plan.yaml or live.yaml (or <name>.plan.yaml, <name>.live.yaml)', display);
}

/** Files of a case folder that still hold a scaffold placeholder (`TODO`). */
export function placeholderFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(tf|json|ya?ml)$/.test(f))
    .filter((f) => PLACEHOLDER.test(readFileSync(join(dir, f), 'utf8')));
}
