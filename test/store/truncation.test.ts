// The probes of issue 12 against a local store: truncation and a full rewrite, with and without an
// anchor; a missing or empty store; a store written by the previous version.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorFromHash } from '../../checks/store/anchor.js';
import { formatChainReport, verifyChain } from '../../checks/store/chain.js';
import { openLocalStore } from '../../checks/store/local.js';
import { cli } from '../cli/run.js';
import { appendLegacyRun, deleteNewestRun, rewriteRun } from './forge.js';
import { nthResults, tempDir } from './helpers.js';

async function storeWith(n: number) {
  const dir = tempDir('trunc');
  const store = openLocalStore(dir);
  for (let i = 1; i <= n; i++) await store.append(nthResults(i));
  const report = await verifyChain(store);
  expect(report.ok).toBe(true);
  return { dir, store, head: report.head!, ids: (await store.list()).runs.map((r) => r.name) };
}

describe('truncation and rewrite of a store', () => {
  it('verify prints the head and the run count, and says what only an anchor can prove', async () => {
    const { dir, head, ids } = await storeWith(3);
    const v = cli(['verify', '--store', dir]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.split('\n').slice(0, 2)).toEqual([`chain holds: 3 runs, ${ids[0]} .. ${ids[2]} (${dir})`, `head ${head.manifestSha256} (3 runs)`]);
    expect(v.stdout).toContain(`anchor this head elsewhere: ${head.manifestSha256} (3 runs)`);
    const json = JSON.parse(cli(['verify', '--store', dir, '--format', 'json']).stdout);
    expect(json).toMatchObject({ ok: true, runs: 3, head: { id: ids[2], seq: 3, manifestSha256: head.manifestSha256 }, anchors: [] });
  });

  it('a chain that grew still extends an earlier head (exit 0); a full hash is required', async () => {
    const { dir, store, head } = await storeWith(2);
    await store.append(nthResults(3));
    const v = cli(['verify', '--store', dir, '--anchor', head.manifestSha256]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain(`anchor ok: the chain extends anchor ${head.manifestSha256.slice(0, 12)}… (run 2,`);
    expect(v.stdout).toContain('1 run since');
    const short = cli(['verify', '--store', dir, '--anchor', head.manifestSha256.slice(0, 12)]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^ferpa-ready: --anchor: expected a head hash \(64 hex digits/);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('deleting the newest run without moving HEAD: exit 1, naming the run', async () => {
    const { dir, ids } = await storeWith(3);
    deleteNewestRun(dir, { moveHead: false, dropRecord: false });
    const v = cli(['verify', '--store', dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`BROKEN ${ids[2]}: HEAD points to run ${ids[2]}, which is not in the store`);
  });

  it('deleting the newest run and moving HEAD back: caught by its head record; without the record only by an anchor', async () => {
    const { dir, store, head, ids } = await storeWith(3);
    deleteNewestRun(dir, { moveHead: true, dropRecord: false });
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'missing-run', run: ids[2], message: expect.stringContaining('heads/000003.json records that run') });

    rmSync(join(dir, 'heads', '000003.json'));
    // The store alone now looks like a store that never had run 3: this is what an anchor is for.
    expect((await verifyChain(store)).ok).toBe(true);
    const anchored = await verifyChain(store, { anchors: [anchorFromHash(head.manifestSha256)] });
    expect(anchored.ok).toBe(false);
    expect(anchored.anchors[0]).toMatchObject({ extended: false, run: null });
    const v = cli(['verify', '--store', dir, '--anchor', head.manifestSha256]);
    expect(v.code).toBe(1);
    expect(v.stdout.split('\n')[0]).toBe(`chain does NOT extend the anchor: runs were deleted or rewritten (${dir})`);
    expect(v.stdout).toContain(`the chain does not extend anchor ${head.manifestSha256.slice(0, 12)}…`);
  });

  it('deleting every run: exit 1 while HEAD or a head record remembers one; exit 2 when nothing is left, exit 1 against an anchor', async () => {
    const { dir, head, ids } = await storeWith(3);
    for (const id of ids) rmSync(join(dir, id), { recursive: true });
    const v = cli(['verify', '--store', dir]);
    expect(v.code).toBe(1);
    for (const id of ids) expect(v.stdout).toContain(`BROKEN ${id}:`);

    rmSync(join(dir, 'HEAD'));
    rmSync(join(dir, 'heads'), { recursive: true });
    expect(readdirSync(dir)).toEqual([]);
    const empty = cli(['verify', '--store', dir]);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^ferpa-ready: .* holds no runs: nothing to verify \(a store whose every run was deleted looks the same; only an anchor can tell/);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    const anchored = cli(['verify', '--store', dir, '--anchor', head.manifestSha256]);
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('the chain holds 0 runs');
  });

  it('rewriting a run with every later hash recomputed: caught by the head records; with them rewritten too, only by an anchor', async () => {
    const { dir, store, ids } = await storeWith(3);
    const flip = (r: import('../../checks/engine/types.js').Results) => {
      for (const f of r.findings) f.status = f.status === 'fail' ? 'pass' : 'fail';
    };
    rewriteRun(dir, 0, flip, { keepHeadRecords: true });
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.breaksAt).toBe(ids[0]);
    expect(r.problems.filter((p) => p.breaks).map((p) => p.kind)).toEqual(['head-record', 'head-record', 'head-record']);

    const dir2 = (await storeWith(3)).dir;
    const store2 = openLocalStore(dir2);
    const before = (await verifyChain(store2)).head!;
    const firstRun = (await store2.list()).runs[0]!.manifest.manifestSha256;
    rewriteRun(dir2, 1, flip);
    const alone = await verifyChain(store2);
    expect(alone.ok).toBe(true);
    expect(alone.head!.manifestSha256).not.toBe(before.manifestSha256);
    const v = cli(['verify', '--store', dir2, '--anchor', before.manifestSha256]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`BROKEN anchor ${before.manifestSha256.slice(0, 12)}…: the chain does not extend anchor`);
    // An anchor proves the runs up to it: an older head, from before the rewritten run, is still extended.
    const first = (await verifyChain(store2, { anchors: [anchorFromHash(firstRun)] })).anchors[0]!;
    expect(first.extended).toBe(true);
  });

  it('a store that does not exist is exit 2 for verify and history; an existing empty one is exit 2 for verify only', () => {
    const missing = join(tempDir('trunc'), 'no-such-store');
    for (const args of [['verify', '--store', missing], ['verify', '--store', missing, '--format', 'json'], ['history', '--store', missing]]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`ferpa-ready: no run store at ${missing}${args[0] === 'verify' ? ' (nothing to verify)' : ''}\n`);
      expect(r.stdout).toBe('');
    }
    const empty = tempDir('trunc');
    mkdirSync(join(empty, 'unrelated'));
    expect(cli(['verify', '--store', empty]).code).toBe(2);
    const h = cli(['history', '--store', empty]);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toBe(`no runs in ${empty}\n`);
  });

  it('a store written by the previous version still verifies, with a note; new runs chain on it with commitments', async () => {
    const dir = tempDir('legacy');
    const old = [appendLegacyRun(dir, nthResults(1)), appendLegacyRun(dir, nthResults(2))];
    const store = openLocalStore(dir);
    const r = await verifyChain(store);
    expect(r).toMatchObject({ ok: true, runs: 2, legacyRuns: 2 });
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'legacy', breaks: false, message: expect.stringContaining('predate redaction commitments') })]);
    expect(formatChainReport(r)).toContain(`note   ${old[0]}: 2 runs (${old[0]} .. ${old[1]}) predate redaction commitments`);

    const next = await store.append(nthResults(3));
    const after = await verifyChain(store);
    expect(after).toMatchObject({ ok: true, runs: 3, legacyRuns: 2, head: { id: next.id } });
    expect(after.problems.map((p) => p.kind)).toEqual(['legacy']);
    // Deleting the newest legacy run of an old store is caught by its successor's link ...
    rmSync(join(dir, old[1]!), { recursive: true });
    expect(await verifyChain(store)).toMatchObject({ ok: false, breaksAt: next.id });
  });
});
