// The evidence probes of issue 12 against bundles: a forged redacted copy in a re-signed bundle, and
// bundles re-made from a truncated or rewritten store, checked against an earlier bundle as anchor.
import type { KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { BUNDLE_MANIFEST, BUNDLE_SIGNATURE, bundleManifestBytes, bundleManifestHash, sha256Hex, type BundleManifest } from '../../checks/export/format.js';
import { signManifest } from '../../checks/export/sign.js';
import { verifyBundle } from '../../checks/export/verify.js';
import { anchorFromBundle } from '../../checks/export/anchor.js';
import { verifyChain } from '../../checks/store/chain.js';
import { openLocalStore } from '../../checks/store/local.js';
import { cli } from '../cli/run.js';
import { appendLegacyRun, deleteNewestRun, rewriteRun } from '../store/forge.js';
import { build, ed25519, finding, members, results, rezip, tempDir } from './helpers.js';

const AKIA = 'AKIAIOSFODNN7EXAMPLE';

/** A run with 18 failing findings; `secret` plants a credential in one finding's evidence. */
function eighteenFails(day: number, secret: boolean): Results {
  const fs = Array.from({ length: 18 }, (_, i) => finding('aws-s3-tls-only-policy', `aws_s3_bucket.b${i}`, 'fail'));
  if (secret) fs[0]!.evidence = { userData: `export AWS_ACCESS_KEY_ID=${AKIA}`, encrypted: false };
  return results(fs, `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`);
}

/** What a forger holding the signing key does: replace members, fix the manifest's records of them, re-sign. */
function forge(zip: Uint8Array, key: KeyObject, replace: Map<string, Uint8Array | null>, edit: (m: BundleManifest) => void = () => {}): Uint8Array {
  const m = members(zip);
  const bm = JSON.parse(Buffer.from(m.get(BUNDLE_MANIFEST)!).toString()) as BundleManifest;
  for (const [path, bytes] of replace) {
    if (bytes === null) {
      m.delete(path);
      bm.files = bm.files.filter((f) => f.path !== path);
      continue;
    }
    m.set(path, bytes);
    const f = bm.files.find((x) => x.path === path);
    if (f) Object.assign(f, { sha256: sha256Hex(bytes), size: bytes.length });
    else bm.files.push({ path, role: 'run-redactions', sha256: sha256Hex(bytes), size: bytes.length });
  }
  bm.files.sort((a, b) => (a.path < b.path ? -1 : 1));
  edit(bm);
  const { manifestSha256: _x, ...rest } = bm;
  const bytes = bundleManifestBytes({ ...rest, manifestSha256: bundleManifestHash(rest) });
  m.set(BUNDLE_MANIFEST, bytes);
  m.set(BUNDLE_SIGNATURE, signManifest(bytes, key));
  return rezip(m);
}

/** The run's results with every fail turned into a pass, as pretty JSON. */
function passed(bytes: Uint8Array): Uint8Array {
  const r = JSON.parse(Buffer.from(bytes).toString()) as Results;
  for (const f of r.findings) if (f.status === 'fail') f.status = 'pass';
  r.summary = { ...r.summary, pass: r.summary.pass + r.summary.fail, fail: 0 };
  return Buffer.from(`${JSON.stringify(r, null, 2)}\n`);
}

const markRedacted = (path: string, original: string) => (bm: BundleManifest) => {
  for (const f of bm.files) if (f.path === path) Object.assign(f, { redacted: true, originalSha256: original });
};

describe('a forged redacted copy in a re-signed bundle', () => {
  it('genuine: a run with a credential is bundled redacted with a proof, and verifies', async () => {
    const store = openLocalStore(tempDir('forge'));
    const run = await store.append(eighteenFails(20, true));
    const key = ed25519();
    const b = await build(store, { signKey: key.privateKey });
    const m = members(b.zip);
    expect(Buffer.from(m.get(`runs/${run.id}/results.json`)!).toString()).not.toContain(AKIA);
    expect(m.has(`runs/${run.id}/redactions.json`)).toBe(true);
    const v = await verifyBundle(b.zip, 'e.zip', { publicKey: key.publicKey });
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ ok: true, signature: 'valid' });
    expect(v.notes.join('\n')).toMatch(/a redacted copy, proven: the original with 1 value removed and nothing else changed/);
  });

  it('18 fails turned to passes, marked redacted with the genuine originalSha256, re-signed: rejected in every variant', async () => {
    const key = ed25519();
    const dir = tempDir('forge');
    const store = openLocalStore(dir);
    const clean = await store.append(eighteenFails(20, false));
    const leaky = await store.append(eighteenFails(21, true));
    const b = await build(store, { signKey: key.privateKey, runs: ['1', '2'] });
    const m = members(b.zip);
    const cleanPath = `runs/${clean.id}/results.json`;
    const leakyPath = `runs/${leaky.id}/results.json`;

    const variants: Array<[string, Uint8Array, string, RegExp]> = [
      // A run with nothing redacted: the forger adds the redacted flag, no proof.
      ['no proof', forge(b.zip, key.privateKey, new Map([[cleanPath, passed(m.get(cleanPath)!)]]), markRedacted(cleanPath, clean.resultsSha256)), `runs/${clean.id}/redactions.json`, /the redaction proof of this redacted copy is missing/],
      // ... with an empty proof of its own.
      [
        'an empty proof',
        forge(b.zip, key.privateKey, new Map([[cleanPath, passed(m.get(cleanPath)!)], [`runs/${clean.id}/redactions.json`, Buffer.from(JSON.stringify({ format: 'ferpa-ready/redaction-proof/1', run: clean.id, removed: [], kept: [] }))]]), markRedacted(cleanPath, clean.resultsSha256)),
        cleanPath,
        /is not the original with values removed: with its proof it gives commitment/,
      ],
      // A genuinely redacted run: the forger edits the copy and keeps the genuine proof.
      ['the genuine proof kept', forge(b.zip, key.privateKey, new Map([[leakyPath, passed(m.get(leakyPath)!)]])), leakyPath, /is not the original with values removed/],
    ];
    for (const [what, zip, member, message] of variants) {
      const v = await verifyBundle(zip, 'forged.zip', { publicKey: key.publicKey });
      expect(v.signature, what).toBe('valid');
      expect(v.ok, what).toBe(false);
      expect(v.failingMember, what).toBe(member);
      expect(v.problems[0]!.message, what).toMatch(message);
    }

    // The CLI, as the reviewer runs it: the signature is valid and the bundle still fails.
    const out = tempDir('forge');
    writeFileSync(join(out, 'forged.zip'), variants[2]![1]);
    writeFileSync(join(out, 'pub.pem'), key.publicKey.export({ type: 'spki', format: 'pem' }));
    const r = cli(['verify', 'forged.zip', '--public-key', 'pub.pem'], { cwd: out });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^bundle FAILED at ${leakyPath}: is not the original with values removed`));
  });

  it('a store written by the previous version: a redacted copy cannot be proven, so it is withheld (or refused as the reported run); a forged one fails', async () => {
    const dir = tempDir('forge');
    const old = appendLegacyRun(dir, eighteenFails(20, true));
    const store = openLocalStore(dir);
    await store.append(eighteenFails(21, false));
    await expect(build(store, { runs: ['1'] })).rejects.toThrow(/predates redaction commitments .* report on another run/);
    const key = ed25519();
    const b = await build(store, { signKey: key.privateKey });
    expect(b.manifest.withheld).toEqual([{ run: old, reason: expect.stringContaining('predates redaction commitments') }]);
    const m = members(b.zip);
    expect(m.has(`runs/${old}/results.json`)).toBe(false);
    expect(m.has(`runs/${old}/manifest.json`)).toBe(true);
    const v = await verifyBundle(b.zip, 'e.zip', { publicKey: key.publicKey });
    expect(v.problems).toEqual([]);
    expect(v.notes.join('\n')).toMatch(new RegExp(`runs/${old}/results.json: withheld`));

    // The forgery of the probe on a run without commitments: nothing can prove such a copy, so it fails.
    const legacyStore = tempDir('forge');
    appendLegacyRun(legacyStore, eighteenFails(20, false));
    const lb = await build(openLocalStore(legacyStore), { signKey: key.privateKey });
    const legacyRun = lb.manifest.chain.last!;
    const lPath = `runs/${legacyRun}/results.json`;
    const forged = forge(lb.zip, key.privateKey, new Map([[lPath, passed(members(lb.zip).get(lPath)!)]]), markRedacted(lPath, lb.manifest.files.find((f) => f.path === `runs/${legacyRun}/results.json`)!.sha256));
    const fv = await verifyBundle(forged, 'forged.zip', { publicKey: key.publicKey });
    expect(fv).toMatchObject({ ok: false, signature: 'valid', failingMember: lPath });
    expect(fv.problems[0]!.message).toMatch(/predates redaction commitments: nothing proves it differs from the original only by what was redacted/);
  });
});

describe('bundles carry their head; an earlier bundle anchors a later one', () => {
  async function growingStore() {
    const dir = tempDir('anchor');
    const store = openLocalStore(dir);
    for (let i = 1; i <= 3; i++) await store.append(eighteenFails(10 + i, false));
    const key = ed25519();
    const a = await build(store, { signKey: key.privateKey });
    return { dir, store, key, a };
  }

  it('the signed manifest records the head and the run count; a head that is not the chain\'s fails', async () => {
    const { store, key, a } = await growingStore();
    const head = (await verifyChain(store)).head!;
    expect(a.manifest.chain).toMatchObject({ runs: 3, head });
    expect(a.manifest.format).toBe('ferpa-ready/evidence-bundle/2');
    const v = await verifyBundle(a.zip, 'a.zip', { publicKey: key.publicKey });
    expect(v).toMatchObject({ ok: true, head });
    const wrong = forge(a.zip, key.privateKey, new Map(), (bm) => (bm.chain.head = { ...head, manifestSha256: 'f'.repeat(64) }));
    expect(await verifyBundle(wrong, 'x.zip', { publicKey: key.publicKey })).toMatchObject({ ok: false, failingMember: BUNDLE_MANIFEST });
    expect(await anchorFromBundle(a.zip, 'a.zip')).toEqual({ manifestSha256: head.manifestSha256, runs: 3, source: 'a.zip' });
  });

  it('honest growth: a later bundle and the store extend the earlier bundle (exit 0)', async () => {
    const { dir, store, key, a } = await growingStore();
    await store.append(eighteenFails(20, false));
    const c = await build(store, { signKey: key.privateKey });
    const out = tempDir('anchor');
    writeFileSync(join(out, 'a.zip'), a.zip);
    writeFileSync(join(out, 'c.zip'), c.zip);
    const v = cli(['verify', 'c.zip', '--anchor', 'a.zip'], { cwd: out });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/anchor ok: the chain extends anchor [0-9a-f]{12}… \(run 3, .*; 1 run since\)/);
    const s = cli(['verify', '--store', dir, '--anchor', join(out, 'a.zip')]);
    expect(s.code, s.stdout + s.stderr).toBe(0);
  });

  it('rewritten with every later hash recomputed, or truncated: the re-made bundle verifies alone, fails against the earlier one (bundle and store)', async () => {
    const { dir, store, key, a } = await growingStore();
    const out = tempDir('anchor');
    writeFileSync(join(out, 'a.zip'), a.zip);
    writeFileSync(join(out, 'pub.pem'), key.publicKey.export({ type: 'spki', format: 'pem' }));

    rewriteRun(dir, 1, (r) => {
      for (const f of r.findings) f.status = 'pass';
    });
    expect((await verifyChain(store)).ok).toBe(true);
    const rewritten = await build(store, { signKey: key.privateKey });
    writeFileSync(join(out, 'b.zip'), rewritten.zip);
    expect(await verifyBundle(rewritten.zip, 'b.zip', { publicKey: key.publicKey })).toMatchObject({ ok: true, signature: 'valid' });
    const anchored = await verifyBundle(rewritten.zip, 'b.zip', { publicKey: key.publicKey, anchors: [await anchorFromBundle(a.zip, 'a.zip', key.publicKey)] });
    expect(anchored).toMatchObject({ ok: false, failingMember: 'anchor a.zip' });
    expect(anchored.problems[0]!.message).toMatch(/the chain does not extend anchor [0-9a-f]{12}… \(a\.zip\): no run has that manifest hash .* run 3 or one before it was rewritten/);
    const cb = cli(['verify', 'b.zip', '--anchor', 'a.zip', '--public-key', 'pub.pem'], { cwd: out });
    expect(cb.code).toBe(1);
    expect(cb.stdout.split('\n')[0]).toMatch(/^bundle FAILED at anchor a\.zip: the chain does not extend anchor/);
    const cs = cli(['verify', '--store', dir, '--anchor', join(out, 'a.zip'), '--public-key', join(out, 'pub.pem')]);
    expect(cs.code).toBe(1);
    expect(cs.stdout).toContain('chain does NOT extend the anchor');

    // Truncated: the newest run gone with its head record, HEAD moved back.
    const t = await growingStore();
    deleteNewestRun(t.dir, { moveHead: true, dropRecord: true });
    const truncated = await build(t.store, { signKey: t.key.privateKey });
    const tv = await verifyBundle(truncated.zip, 'd.zip', { anchors: [await anchorFromBundle(t.a.zip, 'a.zip')] });
    expect(tv.ok).toBe(false);
    expect(tv.problems[0]!.message).toMatch(/the anchor records 3 runs and the chain holds 2 runs, .*: runs were deleted/);
  });

  it('an anchor bundle that does not verify, or a malformed anchor, is exit 2', async () => {
    const { dir, key, a } = await growingStore();
    const out = tempDir('anchor');
    const m = members(a.zip);
    m.set('waivers.json', Buffer.from('{"waivers":[{"forged":true}]}\n'));
    writeFileSync(join(out, 'bad.zip'), rezip(m));
    writeFileSync(join(out, 'other.pem'), ed25519().publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(out, 'a.zip'), a.zip);
    const bad = cli(['verify', '--store', dir, '--anchor', join(out, 'bad.zip')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.zip: --anchor: the bundle does not verify, so it cannot serve as an anchor \(waivers\.json: was altered/);
    const wrongKey = cli(['verify', '--store', dir, '--anchor', join(out, 'a.zip'), '--public-key', join(out, 'other.pem')]);
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toMatch(/--anchor: the bundle does not verify.*manifest\.sig/);
    const keyAlone = cli(['verify', '--store', dir, '--public-key', join(out, 'other.pem')]);
    expect(keyAlone.code).toBe(2);
    expect(key).toBeDefined();
  });
});
