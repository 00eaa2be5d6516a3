import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../checks/store/local.js';
import { verifyChain } from '../../checks/store/chain.js';
import { cli } from '../cli/run.js';
import { tempDir } from './helpers.js';

const WRITER = join(__dirname, 'crash-writer.ts');

/** Append run n in a child process; `crashAfter` makes the store SIGKILL it at that point. */
function writeRun(dir: string, n: number, crashAfter?: 'results' | 'manifest') {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FERPA_READY_TEST_CRASH_AFTER;
  if (crashAfter) env.FERPA_READY_TEST_CRASH_AFTER = crashAfter;
  const r = spawnSync(process.execPath, ['--import', 'tsx', WRITER, dir, String(n)], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('a crash in the middle of a write', () => {
  it('killed between results and manifest: the store stays readable and the chain holds up to the last complete run', async () => {
    const dir = tempDir('crash');
    const a = writeRun(dir, 1);
    const b = writeRun(dir, 2);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const crashed = writeRun(dir, 3, 'results');
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.stdout).toBe('');
    const partial = readdirSync(dir).filter((n) => n.startsWith('000003-'));
    expect(partial).toHaveLength(1);
    expect(readdirSync(join(dir, partial[0]!))).toEqual(['results.json']);

    const store = openLocalStore(dir);
    const listing = await store.list();
    expect(listing.runs.map((r) => r.name)).toEqual([a.stdout, b.stdout]);
    expect(listing.incomplete.map((r) => r.name)).toEqual(partial);

    const report = await verifyChain(store);
    expect(report.ok).toBe(true);
    expect(report.holdsUpTo).toBe(b.stdout);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'incomplete', run: partial[0], breaks: false, message: expect.stringContaining('incomplete write, ignored') })]);

    // The CLI says the same, with exit 0; history lists only the complete runs.
    const v = cli(['verify', '--store', dir]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain(`chain holds: 2 runs, ${a.stdout} .. ${b.stdout}`);
    expect(v.stdout).toContain(`${partial[0]}: incomplete write, ignored`);
    const h = cli(['history', '--store', dir, '--format', 'json']);
    expect(h.code, h.stderr).toBe(0);
    const doc = JSON.parse(h.stdout);
    expect(doc.runs.map((r: { id: string }) => r.id)).toEqual([a.stdout, b.stdout]);
    expect(doc.incomplete).toEqual(partial);

    // The next write picks up where the crashed one stopped (same run, same bytes) and the chain goes on.
    const again = writeRun(dir, 3);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(partial[0]);
    const after = await verifyChain(store);
    expect(after).toMatchObject({ ok: true, runs: 3, holdsUpTo: partial[0], problems: [] });
    const next = writeRun(dir, 4);
    expect(next.status, next.stderr).toBe(0);
    expect(await verifyChain(store)).toMatchObject({ ok: true, runs: 4, problems: [] });
  });

  it('killed between manifest and HEAD: the run is complete, verify notes the stale HEAD, the next run chains on it', async () => {
    const dir = tempDir('crash');
    const a = writeRun(dir, 1);
    expect(a.status, a.stderr).toBe(0);
    const crashed = writeRun(dir, 2, 'manifest');
    expect(crashed.signal).toBe('SIGKILL');
    const store = openLocalStore(dir);
    const listing = await store.list();
    expect(listing.runs).toHaveLength(2);
    expect(listing.incomplete).toEqual([]);
    const report = await verifyChain(store);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'head', breaks: false, run: listing.runs[1]!.name }),
      expect.objectContaining({ kind: 'head-record', breaks: false, run: listing.runs[1]!.name }),
    ]);
    const next = writeRun(dir, 3);
    expect(next.status, next.stderr).toBe(0);
    expect(await verifyChain(store)).toMatchObject({ ok: true, runs: 3, problems: [] });
  });
});
