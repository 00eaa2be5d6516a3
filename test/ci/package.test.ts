import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAIL_PLAN, REPO } from './helpers.js';

// npm pack -> npm install <tarball> in an empty folder -> npx ferpa-ready, as a user would.
// The registry is reachable here; --prefer-offline takes what the npm cache already has.

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'error' };
const work = mkdtempSync(join(tmpdir(), 'fr-pack-'));
const app = join(work, 'app');
let tarball = '';
let files: string[] = [];

function npm(args: string[], cwd: string, timeout = 540_000): string {
  return execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}

function npx(args: string[]) {
  return spawnSync('npx', ['--no-install', 'ferpa-ready', ...args], {
    cwd: app,
    env: { ...npmEnv, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(() => {
  // Packed from a copy, so prepack compiles dist/ there (as `npm publish` would) and never swaps the
  // repository's dist/ under CLI runs of other test files.
  const src = join(work, 'src');
  for (const p of ['package.json', 'package-lock.json', 'README.md', 'bin', 'checks', 'reports', 'policies', 'scripts/build.mjs', 'scripts/bundle-cli.mjs']) {
    cpSync(join(REPO, p), join(src, p), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(src, 'node_modules'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], src));
  tarball = join(work, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-consumer', version: '1.0.0', private: true }));
  npm(['install', '--prefer-offline', '--no-package-lock', '--ignore-scripts', tarball], app);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('contains what it needs and nothing else', () => {
    expect(existsSync(tarball)).toBe(true);
    for (const must of ['package.json', 'README.md', 'bin/ferpa-ready.js', 'bin/compiled.js', 'dist/build.json', 'dist/checks/cli/main.js', 'dist/cli/main.cjs', 'dist/cli/main.cjs.v8cache', 'dist/reports/index.js', 'checks/cli/main.ts', 'reports/index.ts', 'policies/profile.default.yaml', 'policies/schema/config.schema.json', 'reports/schema/results.schema.json', 'checks/sources/live/iam-policy.json']) {
      expect(files, must).toContain(must);
    }
    const bad = files.filter((f) => /(^|\/)(fixtures|test|reference-stack|bench|node_modules)\//.test(f) || /\.test\.ts$/.test(f) || /^(\.ci|scripts|examples|ci|docs)\//.test(f));
    expect(bad).toEqual([]);
    expect(files.some((f) => f.startsWith('policies/') && f.endsWith('.policy.yaml'))).toBe(true);
  });

  it('declares engines that admit Node 20', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toMatch(/^>=\s*20/);
    expect(pkg.bin['ferpa-ready']).toBe('bin/ferpa-ready.js');
    expect(pkg.dependencies.tsx).toBeTruthy(); // the fallback when dist/ is missing or older than the sources
  });

  it('installs into an empty folder and `npx ferpa-ready --help` / `--version` work', () => {
    expect(readdirSync(join(app, 'node_modules/ferpa-ready/bin'))).toContain('ferpa-ready.js');
    const help = npx(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/Usage: ferpa-ready/);
    expect(help.stdout).toMatch(/\bscan\b/);
    expect(help.stdout).toMatch(/\binit\b/);
    const v = npx(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^ferpa-ready \d+\.\d+\.\d+ \(policy catalog [^)]+\)/);
  });

  it('the installed CLI runs the compiled dist/, which is current', async () => {
    const installed = join(app, 'node_modules/ferpa-ready');
    const { distIsCurrent } = (await import(join(installed, 'bin/compiled.js'))) as { distIsCurrent(): boolean };
    expect(distIsCurrent()).toBe(true);
    // without tsx the sources cannot run, so a working --version proves dist/ is what ran
    rmSync(join(app, 'node_modules/tsx'), { recursive: true, force: true });
    const v = npx(['--version']);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^ferpa-ready \d+\.\d+\.\d+/);
  });

  it('`npx ferpa-ready scan <plan>` from the empty folder finds the failures', () => {
    copyFileSync(FAIL_PLAN, join(app, 'plan.json'));
    const r = npx(['scan', 'plan.json', '--format', 'json=results.json', '--format', 'text']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL \(\d+\)/);
    const results = JSON.parse(readFileSync(join(app, 'results.json'), 'utf8'));
    expect(results.tool.name).toBe('ferpa-ready');
    expect(results.summary.fail).toBeGreaterThan(0);
    expect(results.inputs[0].path).toBe('plan.json');
  });

  it('uses the catalog validated at build time, and reads a policy edited since then afresh', () => {
    const installed = join(app, 'node_modules/ferpa-ready');
    expect(existsSync(join(installed, 'dist/catalog.json'))).toBe(true);
    const listed = npx(['policies', 'list']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^\d+ policies \(catalog /m);
    const file = join(installed, 'policies/aws-account-has-multi-region-trail.policy.yaml');
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, text.replace(/^severity: \w+$/m, 'severity: extreme'));
      const broken = npx(['policies', 'list']);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/aws-account-has-multi-region-trail\.policy\.yaml.*severity/);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('`npx ferpa-ready init` writes a config whose $schema points into node_modules', () => {
    const r = npx(['init']);
    expect(r.status, r.stderr).toBe(0);
    const first = readFileSync(join(app, '.ferpa-ready.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./node_modules/ferpa-ready/policies/schema/config.schema.json');
    expect(existsSync(join(app, 'node_modules/ferpa-ready/policies/schema/config.schema.json'))).toBe(true);
  });
});
