import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commandsFor } from '../../checks/cli/main.js';
import { callSummary } from '../../checks/cli/commands/audit.js';
import { BIN, REPO } from './run.js';
// @ts-expect-error plain JavaScript module of the launcher
import { distIsCurrent } from '../../bin/compiled.js';

/**
 * Start-up (issue 16, item 1): a one-file scan loads what it needs and nothing else: no AWS SDK, no
 * report renderers or Chromium launcher, no schema compiler or YAML parser when the compiled catalog
 * is current. A module-load hook records every module the real CLI loads, ESM and CommonJS.
 */
const work = mkdtempSync(join(tmpdir(), 'fr-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const log = join(work, 'loaded.txt');
writeFileSync(
  join(work, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}
`,
);
writeFileSync(
  join(work, 'register.mjs'),
  `import { register } from 'node:module';
import Module from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(join(work, 'hooks.mjs')).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  appendFileSync(${JSON.stringify(log)}, 'cjs:' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
);
writeFileSync(join(work, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "records"\n}\n');

function loadedBy(args: string[], env: Record<string, string> = {}): string[] {
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(work, 'register.mjs')).href, BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBeLessThanOrEqual(1);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('what a one-file scan loads', () => {
  // module by module from the sources; the bundle keeps the same imports lazy (esbuild runs a module
  // imported dynamically on its first import), which the next test sees from the packages it loads
  it('reads and judges the file without the SDK, the report renderers, the PDF path or other commands', () => {
    const loaded = loadedBy(['scan', join(work, 'main.tf'), '--format', `json=${join(work, 'out.json')}`], { FERPA_READY_FROM_SOURCE: '1' });
    // it did load what a scan needs (so an empty list cannot pass)
    expect(loaded.some((u) => /checks\/sources\/hcl\/native-syntax\.(js|ts)$/.test(u))).toBe(true);
    expect(loaded.some((u) => /checks\/engine\/run\.(js|ts)$/.test(u))).toBe(true);
    const unwanted = loaded.filter((u) => /@aws-sdk|@smithy|reports\/ferpa\/|commands\/(report|audit|policies|export|init|fixtures)\.|authoring\/|sources\/live\/collect/.test(u));
    expect(unwanted).toEqual([]);
  });
});

describe('what a one-file scan loads as installed (the bundle when dist/ is current)', () => {
  it('judges the file without the SDK, Chromium or the schema compiler; from the bundle, without any package', () => {
    const out = join(work, 'bundled.json');
    const loaded = loadedBy(['scan', join(work, 'main.tf'), '--format', `json=${out}`]);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.fail).toBeGreaterThan(0);
    expect(loaded.filter((u) => /@aws-sdk|@smithy|playwright|ajv/.test(u))).toEqual([]);
    // commander is bundled, YAML not needed with the build's catalog; only a stale dist/ runs the sources through tsx
    if (distIsCurrent()) expect(loaded.filter((u) => /node_modules\/|^cjs:(?!node:)/.test(u))).toEqual([]);
  });
});

describe('commandsFor', () => {
  it('registers only the command given, none for --version, and all for help or a typo', () => {
    expect(commandsFor(['scan', 'main.tf'])).toEqual(['scan']);
    expect(commandsFor(['--max-input-size', '5MB', 'audit', '--regions', 'us-east-1'])).toEqual(['audit']);
    expect(commandsFor(['--version'])).toEqual([]);
    expect(commandsFor(['--help'])).toContain('report');
    expect(commandsFor(['shards', '--accounts', '111122223333'])).toEqual(['shards']);
    expect(commandsFor([])).toHaveLength(12);
    expect(commandsFor(['scna'])).toHaveLength(12);
    expect(commandsFor(['toString'])).toHaveLength(12);
  });
});

describe('callSummary', () => {
  it('counts calls per service, most first, and says how many failed', () => {
    const calls = [
      { service: 's3', ok: true },
      { service: 'ec2', ok: true },
      { service: 's3', ok: false },
      { service: 'kms', ok: true },
    ];
    expect(callSummary(calls)).toBe('audit: 4 API calls: s3 2, ec2 1, kms 1 (1 failed)');
    expect(callSummary([])).toBe('audit: 0 API calls');
  });
});
