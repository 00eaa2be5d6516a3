import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../checks/store/local.js';
import { verifyChain } from '../../checks/store/chain.js';
import { manifestHash, sha256Hex } from '../../checks/store/store.js';
import { loadTrend } from '../../checks/store/trend.js';
import { canonicalJson } from '../../checks/util/canonical-json.js';
import { nthResults, tempDir } from './helpers.js';

async function storeWith(n: number) {
  const dir = tempDir();
  const store = openLocalStore(dir);
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await store.append(nthResults(i))).id);
  return { dir, store, ids };
}

function flipByte(file: string, at: number): void {
  const buf = readFileSync(file);
  const i = at < 0 ? buf.length + at : at;
  buf[i] = buf[i] === 0x30 ? 0x31 : 0x30; // '0' <-> '1', or anything -> '0'
  writeFileSync(file, buf);
}

describe('local run store', () => {
  it('writes each run as <seq>-<time>-<hash8>/{results,manifest}.json with a hash chain and HEAD', async () => {
    const { dir, store, ids } = await storeWith(3);
    expect(ids).toEqual([expect.stringMatching(/^000001-20261102T000000Z-[0-9a-f]{8}$/), expect.stringMatching(/^000002-20261103T000000Z-/), expect.stringMatching(/^000003-/)]);
    expect(readdirSync(dir).sort()).toEqual([...ids, 'HEAD', 'heads']);
    expect(readdirSync(join(dir, 'heads')).sort()).toEqual(['000001.json', '000002.json', '000003.json']);
    const manifests = ids.map((id) => JSON.parse(readFileSync(join(dir, id, 'manifest.json'), 'utf8')));
    for (const [i, m] of manifests.entries()) {
      expect(m.seq).toBe(i + 1);
      expect(m.resultsSha256).toBe(sha256Hex(readFileSync(join(dir, ids[i]!, 'results.json'))));
      expect(m.manifestSha256).toBe(manifestHash(m));
      expect(readFileSync(join(dir, ids[i]!, 'manifest.json'), 'utf8')).toBe(`${canonicalJson(m)}\n`);
      expect(m.inputs).toEqual([{ kind: 'plan', path: 'plan.json', sha256: 'a'.repeat(64) }]);
    }
    expect(manifests[0].previous).toBeNull();
    expect(manifests[1].previous).toEqual({ id: ids[0], manifestSha256: manifests[0].manifestSha256 });
    expect(manifests[2].previous).toEqual({ id: ids[1], manifestSha256: manifests[1].manifestSha256 });
    expect(JSON.parse(readFileSync(join(dir, 'HEAD'), 'utf8'))).toEqual({ id: ids[2], seq: 3, manifestSha256: manifests[2].manifestSha256 });
    for (const [i, m] of manifests.entries()) {
      expect(JSON.parse(readFileSync(join(dir, 'heads', `00000${i + 1}.json`), 'utf8'))).toEqual({ id: ids[i], seq: i + 1, manifestSha256: m.manifestSha256 });
      expect(m.format).toBe('ferpa-ready/run-manifest/2');
      expect(m.resultsCommitment).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(readdirSync(join(dir, ids[0]!)).sort()).toEqual(['commitments.json', 'manifest.json', 'results.json']);
  });

  it('verify: the chain holds for several runs', async () => {
    const { store, ids } = await storeWith(4);
    const r = await verifyChain(store);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, runs: 4, first: ids[0], holdsUpTo: ids[3], breaksAt: null });
  });

  it('a missing store lists nothing and says it does not exist; an empty one exists', async () => {
    const store = openLocalStore(join(tempDir(), 'not-yet'));
    expect((await store.list()).runs).toEqual([]);
    expect(await verifyChain(store)).toMatchObject({ exists: false, runs: 0, head: null });
    expect(await verifyChain(openLocalStore(tempDir()))).toMatchObject({ exists: true, ok: true, runs: 0, head: null });
  });

  for (const file of ['results.json', 'manifest.json']) {
    for (const at of [0, 40, -3]) {
      it(`altering byte ${at} of a middle run's ${file} breaks the chain at that run`, async () => {
        const { dir, store, ids } = await storeWith(3);
        flipByte(join(dir, ids[1]!, file), at);
        const r = await verifyChain(store);
        expect(r.ok).toBe(false);
        expect(r.breaksAt).toBe(ids[1]);
        expect(r.holdsUpTo).toBe(ids[0]);
        expect(r.problems.filter((p) => p.breaks).map((p) => p.run)).toContain(ids[1]);
      });
    }
  }

  it('every single-byte change of a manifest (and whitespace added to it) breaks the chain at that run', async () => {
    const { dir, store, ids } = await storeWith(2);
    const file = join(dir, ids[0]!, 'manifest.json');
    const original = readFileSync(file);
    const missed: number[] = [];
    for (let i = 0; i < original.length; i++) {
      const buf = Buffer.from(original);
      buf[i] = buf[i]! ^ 0x01;
      writeFileSync(file, buf);
      const r = await verifyChain(store);
      if (r.ok || r.breaksAt !== ids[0]) missed.push(i);
    }
    expect(missed).toEqual([]);
    writeFileSync(file, Buffer.concat([Buffer.from(' '), original]));
    expect(await verifyChain(store)).toMatchObject({ ok: false, breaksAt: ids[0] });
    writeFileSync(file, original);
    expect((await verifyChain(store)).ok).toBe(true);
  });

  it('a manifest re-hashed after an edit is caught by its head record and by the next run\'s link', async () => {
    const { dir, store, ids } = await storeWith(3);
    const file = join(dir, ids[0]!, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.inputs[0].path = 'other.json';
    m.manifestSha256 = manifestHash(m);
    writeFileSync(file, `${canonicalJson(m)}\n`);
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.breaksAt).toBe(ids[0]);
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'head-record', run: ids[0], message: expect.stringContaining('the run was rewritten') });
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'previous-link', run: ids[1], breaks: true }));
  });

  it('deleting a middle run breaks the chain and names the missing run', async () => {
    const { dir, store, ids } = await storeWith(4);
    rmSync(join(dir, ids[1]!), { recursive: true });
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.breaksAt).toBe(ids[1]);
    expect(r.holdsUpTo).toBe(ids[0]);
    const p = r.problems.find((x) => x.breaks)!;
    expect(p.kind).toBe('missing-run');
    expect(p.message).toContain('heads/000002.json');
    // The next run's link names it too, also without the head record.
    rmSync(join(dir, 'heads', '000002.json'));
    const without = await verifyChain(store);
    expect(without).toMatchObject({ ok: false, breaksAt: ids[2], holdsUpTo: ids[0] });
    expect(without.problems.find((x) => x.breaks)).toMatchObject({ kind: 'missing-run', message: expect.stringContaining(ids[1]!) });
  });

  it('deleting the last run is caught by HEAD', async () => {
    const { dir, store, ids } = await storeWith(3);
    rmSync(join(dir, ids[2]!), { recursive: true });
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.problems.find((x) => x.breaks)).toMatchObject({ kind: 'missing-run', run: ids[2] });
    expect(r.holdsUpTo).toBe(ids[1]);
  });

  it('a damaged HEAD breaks the chain; a missing HEAD is only a note', async () => {
    const { dir, store, ids } = await storeWith(2);
    writeFileSync(join(dir, 'HEAD'), 'garbage');
    const r = await verifyChain(store);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'head', run: 'HEAD' });
    expect(r.holdsUpTo).toBe(ids[1]);
    rmSync(join(dir, 'HEAD'));
    const gone = await verifyChain(store);
    expect(gone.ok).toBe(true);
    expect(gone.problems).toEqual([expect.objectContaining({ kind: 'head', breaks: false })]);
  });

  it('deleting a run\'s results.json breaks the chain at that run', async () => {
    const { dir, store, ids } = await storeWith(2);
    rmSync(join(dir, ids[0]!, 'results.json'));
    const r = await verifyChain(store);
    expect(r).toMatchObject({ ok: false, breaksAt: ids[0], holdsUpTo: null });
  });

  it('never overwrites: appending identical results makes a new run, and a taken key is refused', async () => {
    const { dir, store, ids } = await storeWith(1);
    const again = await store.append(nthResults(1));
    expect(again.seq).toBe(2);
    expect(again.id).not.toBe(ids[0]);
    const { LocalBackend } = await import('../../checks/store/local.js');
    const backend = new LocalBackend(dir);
    const before = readFileSync(join(dir, ids[0]!, 'results.json'));
    await expect(backend.create(`${ids[0]}/results.json`, Buffer.from('{}'))).rejects.toThrow(/already exists/);
    expect(readFileSync(join(dir, ids[0]!, 'results.json'))).toEqual(before);
    expect(readdirSync(join(dir, ids[0]!)).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('appends started together through one store are serialised into one chain', async () => {
    const dir = tempDir();
    const store = openLocalStore(dir);
    const runs = await Promise.all([1, 2, 3].map((n) => store.append(nthResults(n))));
    expect(runs.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await verifyChain(store)).toMatchObject({ ok: true, runs: 3, problems: [] });
  });

  it('two writers that forked the chain (same sequence number) are reported', async () => {
    const dir = tempDir();
    await openLocalStore(dir).append(nthResults(1));
    const [x, y] = [openLocalStore(dir), openLocalStore(dir)];
    const forked = await Promise.all([x.append(nthResults(2)), y.append(nthResults(4))]);
    expect(forked.map((r) => r.seq)).toEqual([2, 2]);
    const r = await verifyChain(x);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.breaks)).toMatchObject({ kind: 'duplicate-seq', seq: 2 });
  });

  it('resolves run references: seq, id prefix, latest~N', async () => {
    const { store, ids } = await storeWith(3);
    expect((await store.resolve('2')).id).toBe(ids[1]);
    expect((await store.resolve(ids[2]!.slice(0, 10))).id).toBe(ids[2]);
    expect((await store.resolve('latest')).id).toBe(ids[2]);
    expect((await store.resolve('latest~2')).id).toBe(ids[0]);
    await expect(store.resolve('latest~3')).rejects.toThrow(/no run/);
    await expect(store.resolve('9')).rejects.toThrow(/no run with sequence number 9/);
  });

  it('trend: last runs with time and counts by status, oldest first', async () => {
    const { store, ids } = await storeWith(3);
    const t = await loadTrend(store, 2);
    expect(t).toEqual([
      { id: ids[1], seq: 2, time: '2026-11-03T00:00:00Z', counts: { pass: 2, fail: 0, unknown: 0, waived: 0, error: 0 } },
      { id: ids[2], seq: 3, time: '2026-11-04T00:00:00Z', counts: { pass: 1, fail: 1, unknown: 0, waived: 0, error: 0 } },
    ]);
  });

  it('a store path that is a file is a one-line input error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const store = openLocalStore(join(dir, 'file'));
    await expect(store.append(nthResults(1))).rejects.toThrow(/cannot (write|read)/);
    expect(existsSync(join(dir, 'file'))).toBe(true);
  });
});
