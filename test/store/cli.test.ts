import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../checks/store/local.js';
import { cli } from '../cli/run.js';
import { nthResults, tempDir } from './helpers.js';

describe('history and verify commands on a local store', () => {
  it('verify exits 0 on an intact chain, 1 naming the run when a byte changed, 2 on bad input', async () => {
    const dir = tempDir('cli');
    const store = openLocalStore(dir);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await store.append(nthResults(i))).id);

    const ok = cli(['verify', '--store', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    const lines = ok.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`chain holds: 3 runs, ${ids[0]} .. ${ids[2]} (${dir})`);
    expect(lines[1]).toMatch(/^head [0-9a-f]{64} \(3 runs\)$/);
    expect(lines[2]).toMatch(/^anchor this head elsewhere: [0-9a-f]{64} \(3 runs\); without an anchor/);
    expect(lines).toHaveLength(3);

    const hist = cli(['history', '--store', dir]);
    expect(hist.code, hist.stderr).toBe(0);
    for (const id of ids) expect(hist.stdout).toContain(id);
    expect(hist.stdout).toContain('3 runs in');

    const file = join(dir, ids[1]!, 'results.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"pass"', '"fail"'));
    const broken = cli(['verify', '--store', dir, '--format', 'json']);
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report).toMatchObject({ ok: false, breaksAt: ids[1], holdsUpTo: ids[0] });
    expect(report.problems[0]).toMatchObject({ kind: 'results-hash', run: ids[1], breaks: true });
    const text = cli(['verify', '--store', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`chain breaks at ${ids[1]}`);
    expect(text.stdout).toContain(`BROKEN ${ids[1]}: results.json was altered`);

    const bad = cli(['verify', '--store', 'ftp://host/x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ferpa-ready: --store: unsupported location/);
    const zip = cli(['verify', 'evidence.zip']);
    expect(zip.code).toBe(2);
    expect(zip.stderr).toContain('cannot read evidence bundle');
  });

  it('--store defaults to .ferpa-ready/runs for scan readers', () => {
    const cwd = tempDir('cli');
    mkdirSync(join(cwd, '.ferpa-ready'));
    const plan = join(__dirname, '../../fixtures/aws-backup-vault-cmk/pass/plan.json');
    const s = cli(['scan', plan, '--store', '.ferpa-ready/runs', '--format', 'json=out.json'], { cwd });
    expect(s.code, s.stderr).toBe(0);
    const h = cli(['history', '--format', 'json'], { cwd });
    expect(h.code, h.stderr).toBe(0);
    const doc = JSON.parse(h.stdout);
    expect(doc.store).toBe(join(cwd, '.ferpa-ready/runs'));
    expect(doc.runs).toHaveLength(1);
    const results = JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'));
    expect(doc.runs[0].summary).toEqual(results.summary);
    expect(doc.runs[0].inputs).toEqual(results.inputs.map((i: { kind: string; path: string; sha256: string }) => ({ kind: i.kind, path: i.path, sha256: i.sha256 })));
    expect(cli(['verify'], { cwd }).code).toBe(0);
  });
});
