import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './run.js';

// The launcher runs the CLI as one bundle (scripts/bundle-cli.mjs) from V8's code cache (bin/bundled.js).
const work = mkdtempSync(join(tmpdir(), 'fr-bundle-'));
const built = join(REPO, `dist.bundle-test-${process.pid}`);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(built, { recursive: true, force: true });
});

/** Load `file` through bin/bundled.js in a fresh process: what its `answer()` returns and whether V8 took the cache. */
function load(file: string, save = false): { answer: string; rejected: boolean } {
  const code = `import { loadBundle } from ${JSON.stringify(pathToFileURL(join(REPO, 'bin/bundled.js')).href)};
const b = loadBundle(${JSON.stringify(file)});
const answer = b.cli.answer();
if (${save}) b.saveCodeCache();
console.log(JSON.stringify({ answer, rejected: b.codeCacheRejected }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim()) as { answer: string; rejected: boolean };
}

describe('bin/bundled.js: the bundle through its code cache', () => {
  it('runs a bundle, keeps its cache, runs from it, and never runs a cache older than the bundle', () => {
    const file = join(work, 'main.cjs');
    writeFileSync(file, "exports.answer = () => 'first ' + require('node:path').basename(__filename);\n");
    expect(load(file, true)).toEqual({ answer: 'first main.cjs', rejected: false });
    expect(existsSync(`${file}.v8cache`)).toBe(true);
    expect(load(file)).toEqual({ answer: 'first main.cjs', rejected: false });
    // same length, other code: V8 alone would take the old cache (it compares lengths); the launcher must not offer it
    writeFileSync(file, "exports.answer = () => 'other ' + require('node:path').basename(__filename);\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(load(file).answer).toBe('other main.cjs');
  });

  it('falls back to compiling when the cache is not V8 code', () => {
    const file = join(work, 'garbled.cjs');
    writeFileSync(file, "exports.answer = () => 'still runs';\n");
    writeFileSync(`${file}.v8cache`, 'not a code cache');
    expect(load(file)).toEqual({ answer: 'still runs', rejected: true });
  });
});

describe('scripts/bundle-cli.mjs', () => {
  it('bundles the CLI into one file with no import() left, which runs', async () => {
    const { bundleCli } = (await import(pathToFileURL(join(REPO, 'scripts/bundle-cli.mjs')).href)) as { bundleCli(root: string, out: string): Promise<void> };
    await bundleCli(REPO, join(built, 'cli'));
    const text = readFileSync(join(built, 'cli/main.cjs'), 'utf8');
    expect(text).not.toMatch(/\bimport\((["'])@aws-sdk/);
    expect(text).toMatch(/require\("@aws-sdk\/client-s3"\)/); // the SDK stays outside, require()d
    const code = `import { loadBundle } from ${JSON.stringify(pathToFileURL(join(REPO, 'bin/bundled.js')).href)};
process.exitCode = await loadBundle(${JSON.stringify(join(built, 'cli/main.cjs'))}).cli.main(['--version']);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ferpa-ready \d+\.\d+\.\d+ \(policy catalog [^)]+\)/);
  });
});
